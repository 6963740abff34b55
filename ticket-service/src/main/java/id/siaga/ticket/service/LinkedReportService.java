package id.siaga.ticket.service;

import id.siaga.ticket.domain.Caller;
import id.siaga.ticket.domain.Application;
import id.siaga.ticket.domain.ConflictException;
import id.siaga.ticket.domain.InvalidRequestException;
import id.siaga.ticket.domain.ResourceNotFoundException;
import id.siaga.ticket.domain.Ticket;
import id.siaga.ticket.domain.TicketEventType;
import id.siaga.ticket.domain.TicketReport;
import id.siaga.ticket.domain.TicketSource;
import id.siaga.ticket.domain.TicketState;
import id.siaga.ticket.repository.TicketReportRepository;
import id.siaga.ticket.repository.TicketRepository;
import id.siaga.ticket.service.command.LinkedReportCommand;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Complaints about a fault that already has an open ticket: the open tickets a new complaint may be about (same
 * server, or same application), and further complaints recorded on such a ticket as linked reports ("laporan
 * terkait") instead of a new SOP walk. Moving reports of a ticket cancelled as a duplicate is part of the
 * cancellation ({@link TicketService#transition}).
 */
@ApplicationScoped
public class LinkedReportService {

    /** Most open tickets offered for one complaint. */
    public static final int RELATED_SHOWN = 20;
    /** Longest audit note (ticket_event.note). */
    static final int EVENT_NOTE_MAX = 4000;

    private final TicketRepository tickets;
    private final TicketReportRepository reports;
    private final TicketService ticketService;
    private final Clock clock;

    public LinkedReportService(TicketRepository tickets, TicketReportRepository reports, TicketService ticketService, Clock clock) {
        this.clock = clock;
        this.tickets = tickets;
        this.reports = reports;
        this.ticketService = ticketService;
    }

    /**
     * Records a further complaint on an open ticket, with an audit event.
     *
     * @throws ResourceNotFoundException when the ticket does not exist
     * @throws InvalidRequestException   when the source is AGENT
     * @throws ConflictException         when the ticket is closed or cancelled
     */
    @Transactional
    public TicketReport link(long ticketId, LinkedReportCommand request, Caller caller) {
        Ticket ticket = tickets.findForUpdate(ticketId)
                .orElseThrow(() -> new ResourceNotFoundException("There is no ticket with id " + ticketId + "."));
        if (request.source() == TicketSource.AGENT) {
            throw new InvalidRequestException("source", "AGENT is reserved for probe findings; "
                    + "use PHONE, WALK_IN, LETTER or MESSAGE");
        }
        if (!ticket.isOpen()) {
            throw new ConflictException("Ticket " + ticket.number + " is " + (ticket.state == TicketState.CLOSED
                    ? "closed" : "cancelled") + "; a report can only be linked to an open ticket (file a new complaint).");
        }
        Instant now = clock.instant();
        TicketReport report = new TicketReport();
        report.ticketId = ticket.id;
        report.originTicketId = ticket.id;
        report.source = request.source();
        report.reporterName = request.reporterName().trim();
        report.reporterContact = trimToNull(request.reporterContact());
        report.note = trimToNull(request.note());
        report.receivedAt = now;
        report.recordedBy = caller.username();
        reports.persist(report);
        ticket.updatedAt = now;
        ticketService.record(ticket, now, caller.username(), TicketEventType.REPORT_LINKED, ticket.step, ticket.step,
                eventNote(report));
        return report;
    }

    /**
     * @return the ticket's linked reports, oldest first
     * @throws ResourceNotFoundException when the ticket does not exist
     */
    public List<TicketReport> reportsOf(long ticketId) {
        ticketService.get(ticketId);
        return reports.listForTicket(ticketId);
    }

    /**
     * The open tickets a new complaint may be about: those about the chosen server, and those about the chosen
     * application (unless it is OTHER, which says nothing about the fault), newest first.
     *
     * @param application the application of the complaint, or null
     * @param serverId    the server of the complaint, or null
     */
    public List<Ticket> related(Application application, Long serverId) {
        List<String> any = new ArrayList<>();
        Parameters params = Parameters.with("open", TicketState.OPEN);
        if (serverId != null) {
            any.add("serverId = :serverId");
            params.and("serverId", serverId);
        }
        if (application != null && application != Application.OTHER) {
            any.add("application = :application");
            params.and("application", application);
        }
        if (any.isEmpty()) {
            return List.of();
        }
        return tickets.find("state = :open and (" + String.join(" or ", any) + ") order by createdAt desc, id desc", params)
                .page(Page.ofSize(RELATED_SHOWN)).list();
    }

    private static String eventNote(TicketReport report) {
        String note = "Linked report " + report.id + " (" + report.source.name() + ") from " + report.reporterName
                + (report.note == null ? "" : ": " + report.note);
        return note.length() <= EVENT_NOTE_MAX ? note : note.substring(0, EVENT_NOTE_MAX - 1) + "…";
    }

    private static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
