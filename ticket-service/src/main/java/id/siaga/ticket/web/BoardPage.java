package id.siaga.ticket.web;

import id.siaga.ticket.availability.Availability;
import id.siaga.ticket.availability.AvailabilityService;
import id.siaga.ticket.config.SiagaConfig;
import id.siaga.ticket.config.WebConfig;
import id.siaga.ticket.domain.MaintenanceWindow;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.domain.Server;
import id.siaga.ticket.domain.sop.SopStateMachine;
import id.siaga.ticket.domain.sop.SopStep;
import id.siaga.ticket.escalation.AgentSilence;
import id.siaga.ticket.http.WebPage;
import id.siaga.ticket.i18n.Formats;
import id.siaga.ticket.i18n.Labels;
import id.siaga.ticket.i18n.WebMessages;
import id.siaga.ticket.ingest.FindingQuery;
import id.siaga.ticket.service.MaintenanceService;
import id.siaga.ticket.service.OpenTickets;
import id.siaga.ticket.service.ServerHealth;
import id.siaga.ticket.service.ServerService;
import id.siaga.ticket.service.SopService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The status board, the landing page after signing in. */
@Path("/papan")
@WebPage
@Produces(MediaType.TEXT_HTML)
public class BoardPage {

    /** The board page path. */
    public static final String PATH = "/papan";
    /** Days in each check's availability strip, today included. */
    static final int STRIP_DAYS = 14;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance board(Page page, BoardView board);
    }

    private final PageContext context;
    private final ServerService servers;
    private final ServerHealth health;
    private final FindingQuery findings;
    private final OpenTickets openTickets;
    private final SopService sop;
    private final MaintenanceService maintenance;
    private final WebConfig config;
    private final AgentSilence silence;
    private final AvailabilityService availability;
    private final SiagaConfig siaga;
    private final Clock clock;

    public BoardPage(PageContext context, ServerService servers, ServerHealth health, FindingQuery findings,
            OpenTickets openTickets, SopService sop, MaintenanceService maintenance, WebConfig config,
            AgentSilence silence, AvailabilityService availability, SiagaConfig siaga, Clock clock) {
        this.silence = silence;
        this.availability = availability;
        this.siaga = siaga;
        this.clock = clock;
        this.context = context;
        this.servers = servers;
        this.health = health;
        this.findings = findings;
        this.openTickets = openTickets;
        this.sop = sop;
        this.maintenance = maintenance;
        this.config = config;
    }

    @GET
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_VIEWER, Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
    @Transactional
    public TemplateInstance board() {
        Instant now = clock.instant();
        Labels labels = context.labels();
        Formats formats = context.formats();
        List<Server> list = servers.list();
        Map<Long, ServerHealth.Summary> summaries = health.of(list.stream().map(s -> s.id).toList());
        List<MaintenanceWindow> windows = maintenance.current();
        LocalDate today = LocalDate.ofInstant(now, siaga.zone());
        AvailabilityService.AllServers strips = availability.ofAll(today.minusDays(STRIP_DAYS - 1L), today,
                AvailabilityService.Granularity.DAY);
        List<BoardView.ServerCard> cards = new ArrayList<>();
        for (Server server : list) {
            ServerHealth.Summary summary = summaries.getOrDefault(server.id, ServerHealth.Summary.NONE);
            AvailabilityService.ServerTallies tallies = strips.of(server.id);
            List<BoardView.CheckRow> checks = findings.checks(server.id).stream()
                    .map(c -> check(c, labels, formats, strip(strips.labels(),
                            tallies == null ? null : tallies.checks().get(c.check()))))
                    .toList();
            boolean silent = server.agentLastSeen == null || silence.isSilent(server.agentLastSeen,
                    server.agentIntervalSeconds, windows.stream().anyMatch(w -> w.covers(server.id, now)), now);
            cards.add(new BoardView.ServerCard(server.id, server.name, labels.serverRole(server.role), server.location,
                    cssKey(summary.worstStatus()), labels.status(summary.worstStatus()), lastSeen(server, silent, now),
                    silent, summary.openTickets(), checks, maintenanceNow(server, windows, now)));
        }
        cards.sort(Comparator.comparingInt((BoardView.ServerCard c) -> -badness(c.status()))
                .thenComparing(BoardView.ServerCard::name));

        SopStateMachine machine = sop.machine(sop.activeId());
        Map<String, OpenTickets.AtStep> byStep = new HashMap<>();
        openTickets.byStep(now).forEach(s -> byStep.put(s.step(), s));
        List<BoardView.StepCount> counts = new ArrayList<>();
        for (SopStep step : machine.document().steps()) {
            OpenTickets.AtStep at = byStep.remove(step.code());
            counts.add(new BoardView.StepCount(step.code(), labels.step(step), at == null ? 0 : at.open(),
                    at == null ? 0 : at.overdue()));
        }
        byStep.values().forEach(at -> counts.add(new BoardView.StepCount(at.step(), at.step(), at.open(), at.overdue())));
        long open = counts.stream().mapToLong(BoardView.StepCount::open).sum();
        long overdue = counts.stream().mapToLong(BoardView.StepCount::overdue).sum();

        WebMessages msg = context.msg();
        Page page = context.page(msg.boardTitle(), "board", PATH, (int) config.boardRefresh().toSeconds());
        return context.localized(Templates.board(page, new BoardView(cards, open, overdue, counts, formats.time(now),
                STRIP_DAYS)));
    }

    /** @return the window the server is in now, in words (until when, why), or null */
    private String maintenanceNow(Server server, List<MaintenanceWindow> windows, Instant now) {
        return windows.stream().filter(w -> w.covers(server.id, now))
                .max(Comparator.comparing((MaintenanceWindow w) -> w.endsAt))
                .map(w -> context.ovs().boardMaintenanceUntil(context.formats().dateTime(w.endsAt), w.reason))
                .orElse(null);
    }

    private String lastSeen(Server server, boolean silent, Instant now) {
        WebMessages msg = context.msg();
        Formats formats = context.formats();
        if (server.agentLastSeen == null) {
            return msg.agentNeverReported();
        }
        String ago = formats.duration(Duration.between(server.agentLastSeen, now));
        String at = formats.dateTime(server.agentLastSeen);
        return silent ? msg.agentSilentSince(at, ago) : msg.agentLastReport(at, ago);
    }

    private static BoardView.CheckRow check(FindingQuery.CurrentCheck c, Labels labels, Formats formats,
            BoardView.Strip strip) {
        return new BoardView.CheckRow(c.check(), c.kind(), cssKey(c.status()), labels.status(c.status()), c.message(),
                formats.dateTime(c.observedAt()), c.flapping(), c.ticketId(), strip);
    }

    /**
     * @param dates   the strip's days ({@code 2026-11-03}), oldest first
     * @param tallies the check's time by share on each of those days, or null when it reported nothing then
     */
    private BoardView.Strip strip(List<String> dates, List<Availability.Tally> tallies) {
        WebMessages msg = context.msg();
        Formats formats = context.formats();
        List<BoardView.StripDay> days = new ArrayList<>();
        Availability.Tally total = null;
        for (int i = 0; i < dates.size(); i++) {
            Availability.Tally t = tallies == null ? null : tallies.get(i);
            total = t == null ? total : total == null ? t : total.plus(t);
            Double share = t == null ? null : t.availability();
            String level = level(t);
            String title = share != null ? msg.boardStripDay(dates.get(i), formats.percentFine(share))
                    : "maintenance".equals(level) ? msg.boardStripMaintenance(dates.get(i)) : msg.boardStripNoData(dates.get(i));
            int height = share == null ? 3 : Math.max(3, (int) Math.round(share * BoardView.Strip.HEIGHT));
            days.add(new BoardView.StripDay(i * BoardView.Strip.STEP, height, level, title));
        }
        return new BoardView.Strip(msg.boardStripLabel(dates.size(),
                formats.percentFine(total == null ? null : total.availability())), days);
    }

    /** @return the worst a day saw: crit, warn, ok, maintenance (nothing else known), or none */
    private static String level(Availability.Tally t) {
        if (t == null) {
            return "none";
        }
        if (t.millis(Availability.Share.CRIT) > 0) {
            return "crit";
        }
        if (t.millis(Availability.Share.WARN) > 0) {
            return "warn";
        }
        if (t.millis(Availability.Share.OK) > 0) {
            return "ok";
        }
        return t.millis(Availability.Share.MAINTENANCE) > 0 ? "maintenance" : "none";
    }

    /** @return the css key of a check status: ok, warn, crit, unknown, or none before any report */
    static String cssKey(String status) {
        return status == null ? "none" : status.toLowerCase(Locale.ROOT);
    }

    private static int badness(String cssKey) {
        return switch (cssKey) {
            case "crit" -> 4;
            case "unknown" -> 3;
            case "warn" -> 2;
            case "none" -> 1;
            default -> 0;
        };
    }
}
