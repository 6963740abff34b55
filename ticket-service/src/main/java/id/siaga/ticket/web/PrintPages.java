package id.siaga.ticket.web;

import id.siaga.ticket.config.SiagaConfig;
import id.siaga.ticket.config.WebConfig;
import id.siaga.ticket.domain.AppUser;
import id.siaga.ticket.domain.ResourceNotFoundException;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.domain.Ticket;
import id.siaga.ticket.domain.sop.SopDocument;
import id.siaga.ticket.domain.sop.StepCodes;
import id.siaga.ticket.http.WebPage;
import id.siaga.ticket.i18n.Formats;
import id.siaga.ticket.repository.UserRepository;
import id.siaga.ticket.service.AgendaService;
import id.siaga.ticket.service.SopService;
import id.siaga.ticket.service.TicketService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Printable pages for A4 with the office's letterhead: the fault report of a ticket and the agenda register. */
@Path("/cetak")
@WebPage
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.NAME_ADMIN, Role.NAME_VIEWER, Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
public class PrintPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance faultReport(Page page, FaultReportView report);

        static native TemplateInstance agenda(Page page, AgendaView agenda);
    }

    private final PageContext context;
    private final TicketViews views;
    private final TicketService tickets;
    private final AgendaService agenda;
    private final SopService sop;
    private final UserRepository users;
    private final WebConfig web;
    private final SiagaConfig config;
    private final Clock clock;

    public PrintPages(PageContext context, TicketViews views, TicketService tickets, AgendaService agenda, SopService sop,
            UserRepository users, WebConfig web, SiagaConfig config, Clock clock) {
        this.clock = clock;
        this.context = context;
        this.views = views;
        this.tickets = tickets;
        this.agenda = agenda;
        this.sop = sop;
        this.users = users;
        this.web = web;
        this.config = config;
    }

    @GET
    @Path("laporan-kerusakan/{id: [0-9]+}")
    @Transactional
    public TemplateInstance faultReport(@PathParam("id") long id) {
        ReportMessages rpt = context.rpt();
        TicketView ticket = views.detail(id);
        Ticket entity = tickets.get(id);
        Optional<TicketView.StepRow> kabid = latest(ticket, StepCodes.REPORT_TO_KABID);
        Optional<TicketView.StepRow> jfAdb = latest(ticket, StepCodes.REPORT_TO_JF_ADB);
        String reportedTo = null;
        FaultReportView.Signer receiver = new FaultReportView.Signer(rpt.signKabid(), null);
        if (StepCodes.YES.equals(entity.decision)) {
            reportedTo = rpt.reportedToKabid();
            receiver = new FaultReportView.Signer(rpt.signKabid(), kabid.filter(s -> !s.current()).map(s -> fullName(s.actor())).orElse(null));
        } else if (StepCodes.NO.equals(entity.decision)) {
            reportedTo = rpt.reportedToJfAdb();
            receiver = new FaultReportView.Signer(rpt.signJfAdb(), jfAdb.filter(s -> !s.current()).map(s -> fullName(s.actor())).orElse(null));
        }
        String reporterName = entity.assignee == null ? null : fullName(entity.assignee);
        FaultReportView report = new FaultReportView(letterhead(tickets.machineOf(entity).document()), ticket,
                output(ticket, StepCodes.ANALYSIS), output(ticket, StepCodes.REPAIR), output(ticket, StepCodes.SOFTWARE_CHECK),
                reportedTo, web.office().city() + ", " + context.formats().longDate(clock.instant()),
                new FaultReportView.Signer(rpt.signAdb(), reporterName), receiver);
        Page page = context.page(rpt.faultReportTitle() + " " + ticket.number(), "tickets",
                "/cetak/laporan-kerusakan/" + id);
        return context.localized(Templates.faultReport(page, report));
    }

    @GET
    @Path("agenda")
    @Transactional
    public TemplateInstance agenda(@RestQuery("tahun") String yearParam) {
        ReportMessages rpt = context.rpt();
        int thisYear = Year.now(clock).getValue();
        int year = parseYear(yearParam, thisYear);
        Formats f = context.formats();
        List<AgendaView.Row> rows = new ArrayList<>();
        int no = 0;
        for (AgendaService.Entry e : agenda.register(year)) {
            rows.add(new AgendaView.Row(++no, e.agendaNumber(), f.date(e.recordedAt()), e.ticketId(), e.ticketNumber(),
                    e.title(), e.serverName() == null ? Formats.NONE : e.serverName(),
                    e.recordedByName() == null ? e.recordedBy() : e.recordedByName() + " (" + e.recordedBy() + ")"));
        }
        List<Option> years = new ArrayList<>();
        for (int y = thisYear; y >= thisYear - 5; y--) {
            years.add(new Option(String.valueOf(y), String.valueOf(y), y == year));
        }
        Page page = context.page(rpt.agendaTitle(year), "agenda", "/cetak/agenda");
        return context.localized(Templates.agenda(page, new AgendaView(letterhead(sop.active().definition), year, rows, years)));
    }

    @ServerExceptionMapper
    public Response notFound(ResourceNotFoundException e, UriInfo uri) {
        return ErrorPage.notFound(context, TicketPages.PATH);
    }

    private Letterhead letterhead(SopDocument sopDocument) {
        WebConfig.Office office = web.office();
        return new Letterhead(office.government(), office.agency(), office.address().orElse(null), office.unit(),
                sopDocument.number(), sopDocument.title());
    }

    private String fullName(String username) {
        if (username == null) {
            return null;
        }
        return users.findByUsername(username).map((AppUser u) -> u.fullName).orElse(username);
    }

    private static Optional<TicketView.StepRow> latest(TicketView ticket, String code) {
        TicketView.StepRow found = null;
        for (TicketView.StepRow s : ticket.steps()) {
            if (code.equals(s.code())) {
                found = s;
            }
        }
        return Optional.ofNullable(found);
    }

    /** @return the output recorded when the latest visit to the step was completed */
    private static String output(TicketView ticket, String code) {
        return latest(ticket, code).filter(s -> !s.current()).map(TicketView.StepRow::output).orElse(null);
    }

    private static int parseYear(String value, int fallback) {
        try {
            int year = Integer.parseInt(value == null ? "" : value.trim());
            return year >= 2000 && year <= 9999 ? year : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
