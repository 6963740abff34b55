package id.siaga.ticket.service.command;

import id.siaga.ticket.domain.Application;
import id.siaga.ticket.domain.Severity;
import id.siaga.ticket.domain.TicketSource;

/**
 * A complaint to open a ticket for (SOP step 1), as the service takes it from the API or the intake page.
 *
 * @param serverId the affected server, or null when unknown
 */
public record IntakeCommand(TicketSource source, String reporterName, String reporterContact, Long serverId,
        Application application, String title, String description, Severity severity) {
}
