package id.siaga.ticket.web;

import id.siaga.ticket.config.WebConfig;
import id.siaga.ticket.domain.MaintenanceWindow;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.domain.Server;
import id.siaga.ticket.domain.sop.SopStateMachine;
import id.siaga.ticket.domain.sop.SopStep;
import id.siaga.ticket.ingest.FindingQuery;
import id.siaga.ticket.rest.dto.CheckStateResponse;
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
    private final Clock clock;

    public BoardPage(PageContext context, ServerService servers, ServerHealth health, FindingQuery findings,
            OpenTickets openTickets, SopService sop, MaintenanceService maintenance, WebConfig config, Clock clock) {
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
        List<BoardView.ServerCard> cards = new ArrayList<>();
        for (Server server : list) {
            ServerHealth.Summary summary = summaries.getOrDefault(server.id, ServerHealth.Summary.NONE);
            List<BoardView.CheckRow> checks = findings.checks(server.id).stream().map(c -> check(c, labels, formats))
                    .toList();
            boolean silent = server.agentLastSeen == null
                    || Duration.between(server.agentLastSeen, now).compareTo(config.agentSilentAfter()) > 0;
            cards.add(new BoardView.ServerCard(server.id, server.name, labels.serverRole(server.role), server.location,
                    cssKey(summary.worstStatus()), labels.status(summary.worstStatus()), lastSeen(server, silent, now),
                    silent, summary.openTickets(), checks, maintenanceNow(server, windows, now)));
        }
        cards.sort(Comparator.comparingInt((BoardView.ServerCard c) -> -badness(c.status()))
                .thenComparing(BoardView.ServerCard::name));

        SopStateMachine machine = sop.machine(sop.active());
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
        return context.localized(Templates.board(page, new BoardView(cards, open, overdue, counts, formats.time(now))));
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

    private static BoardView.CheckRow check(CheckStateResponse c, Labels labels, Formats formats) {
        return new BoardView.CheckRow(c.check(), c.kind(), cssKey(c.status()), labels.status(c.status()), c.message(),
                formats.dateTime(c.observedAt()), c.flapping(), c.ticketId());
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
