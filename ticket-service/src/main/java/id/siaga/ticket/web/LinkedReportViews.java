package id.siaga.ticket.web;

import id.siaga.ticket.domain.Application;
import id.siaga.ticket.domain.Ticket;
import id.siaga.ticket.domain.TicketReport;
import id.siaga.ticket.domain.TicketSource;
import id.siaga.ticket.i18n.Formats;
import id.siaga.ticket.i18n.Labels;
import id.siaga.ticket.repository.TicketReportRepository;
import id.siaga.ticket.service.LinkedReportService;
import id.siaga.ticket.service.TicketService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the views of linked reports for the intake form and the ticket page, in the page language. */
@ApplicationScoped
public class LinkedReportViews {

    private final LinkedReportService linked;
    private final TicketReportRepository reports;
    private final TicketService tickets;
    private final PageContext context;

    public LinkedReportViews(LinkedReportService linked, TicketReportRepository reports, TicketService tickets,
            PageContext context) {
        this.linked = linked;
        this.reports = reports;
        this.tickets = tickets;
        this.context = context;
    }

    /**
     * The open tickets for the application and server chosen on the intake form.
     *
     * @param application the application as posted (an unknown one is no choice)
     * @param serverId    the server id as posted (an unknown one is no choice)
     */
    @Transactional
    public RelatedTicketsView related(String application, String serverId) {
        List<Ticket> found = linked.related(application(application), id(serverId));
        Map<Long, Long> counts = reports.countsFor(found.stream().map(t -> t.id).toList());
        Formats f = context.formats();
        Labels labels = context.labels();
        return new RelatedTicketsView(found.stream().map(t -> new RelatedTicketsView.Row(t.id, t.number, t.title,
                labels.step(tickets.machineOf(t), t.step), f.dateTime(t.createdAt), counts.getOrDefault(t.id, 0L)))
                .toList());
    }

    /** The linked reports of a ticket and its forms' choices. */
    @Transactional
    public LinkedReportsView forTicket(Ticket ticket, LinkForm form) {
        Formats f = context.formats();
        Labels labels = context.labels();
        Map<Long, String> numbers = new HashMap<>();
        List<LinkedReportsView.Row> rows = new ArrayList<>();
        for (TicketReport r : reports.listForTicket(ticket.id)) {
            Long origin = r.originTicketId.equals(ticket.id) ? null : r.originTicketId;
            String originNumber = origin == null ? null : numbers.computeIfAbsent(origin, id -> tickets.get(id).number);
            rows.add(new LinkedReportsView.Row(r.id, f.dateTime(r.receivedAt), labels.source(r.source), r.reporterName,
                    r.reporterContact, r.note, r.recordedBy, origin, originNumber));
        }
        List<Option> sources = Arrays.stream(TicketSource.values()).filter(s -> s != TicketSource.AGENT)
                .map(s -> new Option(s.name(), labels.source(s), s.name().equals(form.source()))).toList();
        String duplicateOfNumber = ticket.duplicateOf == null ? null : tickets.get(ticket.duplicateOf).number;
        List<Option> choices = new ArrayList<>();
        if (ticket.isOpen()) {
            choices.add(new Option("", context.lnk().cancelNotDuplicate(), true));
            linked.related(ticket.application, ticket.serverId).stream().filter(t -> !t.id.equals(ticket.id))
                    .forEach(t -> choices.add(new Option(String.valueOf(t.id), t.number + " — " + t.title, false)));
        }
        return new LinkedReportsView(rows, ticket.isOpen() && context.worksTickets(), sources, form, ticket.duplicateOf,
                duplicateOfNumber, choices);
    }

    private static Application application(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Application.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** @return the id, or null when the value is none */
    static Long id(String value) {
        return value != null && value.trim().matches("[0-9]{1,18}") && Long.parseLong(value.trim()) > 0
                ? Long.parseLong(value.trim()) : null;
    }
}
