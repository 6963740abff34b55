package id.siaga.ticket.service.command;

import id.siaga.ticket.domain.TicketSource;

/** A further complaint about the fault of an open ticket, recorded on that ticket. */
public record LinkedReportCommand(TicketSource source, String reporterName, String reporterContact, String note) {
}
