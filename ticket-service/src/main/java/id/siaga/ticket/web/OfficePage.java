package id.siaga.ticket.web;

import id.siaga.ticket.office.OfficeRegistry;
import id.siaga.ticket.config.SiagaConfig;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.i18n.Formats;
import id.siaga.ticket.http.WebPage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The roll-up of the offices reporting here ({@code /wilayah}), sortable, with 30-day trends, and its CSV. */
@Path("/")
@WebPage
@RolesAllowed({Role.NAME_ADMIN, Role.NAME_VIEWER, Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
public class OfficePage {

    /** The page's path. */
    public static final String PATH = "/wilayah";
    /** Days in the trend. */
    static final int TREND_DAYS = 30;
    /** The sort keys the page offers. */
    static final List<String> SORTS = List.of("state", "faults", "overdue", "escalations", "compliance", "code");
    private static final List<String> STATE_ORDER = List.of("SILENT", "CRIT", "UNKNOWN", "WARN", "OK");
    private static final int TREND_WIDTH = 120;
    private static final int TREND_HEIGHT = 28;

    /**
     * One office's row.
     *
     * @param stateClass CSS class of the state, e.g. {@code office-state-SILENT}
     * @param faultsPoints overdue and faults: SVG polyline points of the trend ("x,y x,y ...")
     */
    public record Row(String code, String name, String via, String state, String stateLabel, String stateClass,
            String last, String lastAgo, long faults, long overdue, long escalations, String compliance,
            String faultsPoints, String overduePoints, String trendText) {
    }

    /** A sortable column heading. */
    public record Column(String key, String label, String url, boolean current) {
    }

    /** What the page shows. */
    public record View(List<Row> rows, List<Column> columns, long silent, long crit, String intro, String csvUrl,
            int trendWidth, int trendHeight) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance wilayah(Page page, View view);
    }

    private final PageContext context;
    private final OfficeRegistry registry;
    private final SiagaConfig config;
    private final Clock clock;

    public OfficePage(PageContext context, OfficeRegistry registry, SiagaConfig config, Clock clock) {
        this.clock = clock;
        this.context = context;
        this.registry = registry;
        this.config = config;
    }

    @GET
    @Path("wilayah")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@RestQuery("urut") String sort) {
        String by = sortKey(sort);
        OfficeMessages ofc = ofc();
        Formats f = context.formats();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, config.zone());
        LocalDate from = today.minusDays(TREND_DAYS - 1);
        Map<String, List<OfficeRegistry.Day>> trends = registry.trends(from);
        List<Row> rows = new ArrayList<>();
        for (OfficeRegistry.OfficeRow o : sorted(registry.offices(now, false), by)) {
            List<OfficeRegistry.Day> days = trends.getOrDefault(o.code(), List.of());
            long max = Math.max(1, days.stream().mapToLong(d -> Math.max(d.openFaults(), d.overdueSteps())).max().orElse(1));
            rows.add(new Row(o.code(), o.name(), o.via() == null ? null : ofc.via(o.via()), o.state(), stateLabel(o.state()),
                    "office-state-" + (o.state() == null ? "NONE" : o.state()),
                    o.lastSummaryAt() == null ? ofc.never() : f.dateTime(o.lastSummaryAt()),
                    o.lastSummaryAt() == null ? "" : context.ovs().ago(f.duration(Duration.between(o.lastSummaryAt(), now))),
                    o.openFaults(), o.overdueSteps(), o.openEscalations(), f.percent(o.compliance()),
                    points(days, from, max, OfficeRegistry.Day::openFaults), points(days, from, max, OfficeRegistry.Day::overdueSteps),
                    ofc.trendDescription(days.size(), days.stream().mapToLong(OfficeRegistry.Day::openFaults).max().orElse(0),
                            days.stream().mapToLong(OfficeRegistry.Day::overdueSteps).max().orElse(0))));
        }
        List<Column> columns = new ArrayList<>();
        String[] labels = {ofc.colState(), ofc.colFaults(), ofc.colOverdue(), ofc.colEscalations(), ofc.colCompliance(),
            ofc.colCode()};
        for (int i = 0; i < SORTS.size(); i++) {
            columns.add(new Column(SORTS.get(i), labels[i], PATH + "?urut=" + SORTS.get(i), SORTS.get(i).equals(by)));
        }
        View view = new View(rows, columns, rows.stream().filter(r -> "SILENT".equals(r.state())).count(),
                rows.stream().filter(r -> "CRIT".equals(r.state())).count(),
                ofc.intro(f.duration(config.upstream().silentAfter())), "/wilayah.csv", TREND_WIDTH, TREND_HEIGHT);
        Page page = context.page(ofc.title(), "offices", PATH, 60);
        return context.localized(Templates.wilayah(page, view));
    }

    @GET
    @Path("wilayah.csv")
    @Produces(ReportPage.CSV)
    public Response csv(@RestQuery("urut") String sort) {
        String by = sortKey(sort);
        OfficeMessages ofc = ofc();
        Instant now = clock.instant();
        StringBuilder csv = new StringBuilder();
        ReportPage.line(csv, ofc.colCode(), ofc.colName(), ofc.csvVia(), ofc.csvState(), ofc.csvLast(), ofc.csvAge(),
                ofc.colFaults(), ofc.colOverdue(), ofc.colEscalations(), ofc.csvCompliance());
        for (OfficeRegistry.OfficeRow o : sorted(registry.offices(now, false), by)) {
            ReportPage.line(csv, o.code(), o.name(), o.via(), o.state(),
                    o.lastSummaryAt() == null ? "" : o.lastSummaryAt().truncatedTo(ChronoUnit.SECONDS).toString(),
                    o.lastSummaryAt() == null ? "" : String.valueOf(Duration.between(o.lastSummaryAt(), now).toSeconds()),
                    String.valueOf(o.openFaults()), String.valueOf(o.overdueSteps()), String.valueOf(o.openEscalations()),
                    o.compliance() == null ? "" : String.format(Locale.ROOT, "%.1f", o.compliance() * 100));
        }
        return Response.ok(csv.toString(), MediaType.valueOf(ReportPage.CSV + "; charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"siaga-wilayah.csv\"").build();
    }

    /** @return the sort key asked for, or {@code state} */
    static String sortKey(String asked) {
        return asked != null && SORTS.contains(asked) ? asked : "state";
    }

    /** @return the offices in the chosen order: worst first (state, counts high, compliance low), then by code */
    static List<OfficeRegistry.OfficeRow> sorted(List<OfficeRegistry.OfficeRow> offices, String by) {
        Comparator<OfficeRegistry.OfficeRow> order = switch (by) {
            case "faults" -> Comparator.comparingLong(OfficeRegistry.OfficeRow::openFaults).reversed();
            case "overdue" -> Comparator.comparingLong(OfficeRegistry.OfficeRow::overdueSteps).reversed();
            case "escalations" -> Comparator.comparingLong(OfficeRegistry.OfficeRow::openEscalations).reversed();
            case "compliance" -> Comparator.comparing(OfficeRegistry.OfficeRow::compliance,
                    Comparator.nullsLast(Comparator.naturalOrder()));
            case "code" -> Comparator.comparing(OfficeRegistry.OfficeRow::code);
            default -> Comparator.comparingInt(o -> o.state() == null ? STATE_ORDER.size() : STATE_ORDER.indexOf(o.state()));
        };
        return offices.stream().sorted(order.thenComparing(OfficeRegistry.OfficeRow::code)).toList();
    }

    /** @return SVG polyline points of one series over the trend's days (days without a summary are left out) */
    static String points(List<OfficeRegistry.Day> days, LocalDate from, long max,
            java.util.function.ToLongFunction<OfficeRegistry.Day> value) {
        StringBuilder points = new StringBuilder();
        for (OfficeRegistry.Day d : days) {
            long index = ChronoUnit.DAYS.between(from, d.day());
            long x = 1 + index * (TREND_WIDTH - 2) / (TREND_DAYS - 1);
            long y = TREND_HEIGHT - 1 - value.applyAsLong(d) * (TREND_HEIGHT - 2) / max;
            points.append(points.isEmpty() ? "" : " ").append(x).append(',').append(y);
        }
        return points.toString();
    }

    private String stateLabel(String state) {
        OfficeMessages ofc = ofc();
        if (state == null) {
            return Formats.NONE;
        }
        return switch (state) {
            case "SILENT" -> ofc.stateSilent();
            case "OK" -> ofc.stateOk();
            case "WARN" -> ofc.stateWarn();
            case "CRIT" -> ofc.stateCrit();
            default -> ofc.stateUnknown();
        };
    }

    private OfficeMessages ofc() {
        return MessageBundles.get(OfficeMessages.class, Localized.Literal.of(context.language().tag()));
    }
}
