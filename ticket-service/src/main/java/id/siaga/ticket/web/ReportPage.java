package id.siaga.ticket.web;

import id.siaga.ticket.availability.Availability;
import id.siaga.ticket.config.SiagaConfig;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.domain.TicketSource;
import id.siaga.ticket.domain.sop.SopStateMachine;
import id.siaga.ticket.domain.sop.SopStep;
import id.siaga.ticket.http.WebPage;
import id.siaga.ticket.i18n.Formats;
import id.siaga.ticket.i18n.Labels;
import id.siaga.ticket.service.MonthlyReportService;
import id.siaga.ticket.service.SopService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.Clock;
import java.time.Duration;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The monthly report (pick year and month) and its CSV download. */
@Path("/laporan")
@WebPage
@RolesAllowed({Role.NAME_ADMIN, Role.NAME_VIEWER, Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
public class ReportPage {

    /** The report page path. */
    public static final String PATH = "/laporan/bulanan";
    /** Media type of the download. */
    public static final String CSV = "text/csv";

    private static final int LABEL_WIDTH = 330;
    private static final int BAR_SPAN = 300;
    private static final int ROW_HEIGHT = 26;
    private static final int LABEL_CHARS = 44;
    /** Columns of the monthly CSV: the steps' figures, then the servers' availability. */
    private static final int CSV_COLUMNS = 16;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance monthly(Page page, ReportView report);
    }

    private final PageContext context;
    private final MonthlyReportService reports;
    private final SopService sop;
    private final Clock clock;

    public ReportPage(PageContext context, MonthlyReportService reports, SopService sop, Clock clock) {
        this.clock = clock;
        this.context = context;
        this.reports = reports;
        this.sop = sop;
    }

    @GET
    @Path("bulanan")
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance monthly(@RestQuery("tahun") String year, @RestQuery("bulan") String month) {
        YearMonth chosen = month(year, month);
        ReportView view = view(chosen, reports.figures(chosen));
        Page page = context.page(context.rpt().reportTitle(), "report", PATH);
        return context.localized(Templates.monthly(page, view));
    }

    @GET
    @Path("bulanan.csv")
    @Produces(CSV)
    @Transactional
    public Response csv(@RestQuery("tahun") String year, @RestQuery("bulan") String month) {
        YearMonth chosen = month(year, month);
        MonthlyReportService.Figures figures = reports.figures(chosen);
        ReportMessages rpt = context.rpt();
        SopStateMachine machine = sop.machine(sop.activeId());
        StringBuilder csv = new StringBuilder();
        record(csv, rpt.csvSection(), rpt.csvCode(), rpt.csvName(), rpt.csvCount(), rpt.csvMedianMinutes(),
                rpt.csvP90Minutes(), rpt.csvStandardMinMinutes(), rpt.csvStandardMaxMinutes(), rpt.csvWithinPercent(),
                rpt.csvAvailabilityPercent(), rpt.csvOkPercent(), rpt.csvWarnPercent(), rpt.csvCritPercent(),
                rpt.csvUnknownPercent(), rpt.csvNoDataPercent(), rpt.csvMaintenancePercent());
        for (Map.Entry<String, MonthlyReportService.StepFigures> e : stepFigures(figures, machine).entrySet()) {
            MonthlyReportService.StepFigures s = e.getValue();
            SopStep step = machine.step(e.getKey()).orElse(null);
            record(csv, rpt.csvSectionStep(), e.getKey(), step == null ? e.getKey() : context.labels().stepName(step),
                    String.valueOf(s.count()), s.count() == 0 ? "" : minutes(s.medianSeconds()),
                    s.count() == 0 ? "" : minutes(s.p90Seconds()), standardMinutes(step == null ? null : step.minDuration()),
                    standardMinutes(step == null ? null : step.maxDuration()),
                    s.withinShare() == null ? "" : String.format(Locale.ROOT, "%.1f", s.withinShare() * 100));
        }
        record(csv, rpt.csvSectionSummary(), "OPENED", rpt.reportOpened(), String.valueOf(figures.opened()), "", "", "", "", "");
        record(csv, rpt.csvSectionSummary(), "CLOSED", rpt.reportClosed(), String.valueOf(figures.closed()), "", "", "", "", "");
        record(csv, rpt.csvSectionSummary(), "CANCELLED", rpt.reportCancelled(), String.valueOf(figures.cancelled()), "", "",
                "", "", "");
        record(csv, rpt.csvSectionSummary(), "LINKED_REPORTS", context.lnk().reportLinked(),
                String.valueOf(figures.linkedReports()), "", "", "", "", "");
        for (MonthlyReportService.Count c : figures.bySource()) {
            record(csv, rpt.csvSectionSource(), c.key(), sourceLabel(c.key()), String.valueOf(c.count()), "", "", "", "", "");
        }
        for (MonthlyReportService.Count c : figures.byServer()) {
            record(csv, rpt.csvSectionServer(), c.key(), c.key().isEmpty() ? rpt.reportNoServer() : c.key(),
                    String.valueOf(c.count()), "", "", "", "", "");
        }
        for (MonthlyReportService.ServerAvailability a : figures.availability()) {
            Availability.Tally t = a.month();
            record(csv, rpt.csvSectionAvailability(), a.name(), a.name(), "", "", "", "", "", "",
                    csvPercent(t.availability()), csvPercent(t.share(Availability.Share.OK)),
                    csvPercent(t.share(Availability.Share.WARN)), csvPercent(t.share(Availability.Share.CRIT)),
                    csvPercent(t.share(Availability.Share.UNKNOWN)), csvPercent(t.share(Availability.Share.NO_DATA)),
                    csvPercent(t.share(Availability.Share.MAINTENANCE)));
        }
        String filename = "siaga-laporan-bulanan-" + chosen + ".csv";
        return Response.ok(csv.toString(), MediaType.valueOf(CSV + "; charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"").build();
    }

    private ReportView view(YearMonth month, MonthlyReportService.Figures figures) {
        ReportMessages rpt = context.rpt();
        Labels labels = context.labels();
        Formats f = context.formats();
        Locale locale = context.language().locale();
        SopStateMachine machine = sop.machine(sop.activeId());

        List<ReportView.StepRow> rows = new ArrayList<>();
        List<ReportView.Bar> bars = new ArrayList<>();
        for (Map.Entry<String, MonthlyReportService.StepFigures> e : stepFigures(figures, machine).entrySet()) {
            MonthlyReportService.StepFigures s = e.getValue();
            SopStep step = machine.step(e.getKey()).orElse(null);
            String label = step == null ? e.getKey() : labels.step(step);
            Double share = s.withinShare();
            rows.add(new ReportView.StepRow(label, s.count(), s.count() == 0 ? Formats.NONE : f.seconds(s.medianSeconds()),
                    s.count() == 0 ? Formats.NONE : f.seconds(s.p90Seconds()),
                    step == null ? Formats.NONE : f.standard(step.minDuration(), step.maxDuration()), f.percent(share),
                    share != null && share < 1));
            if (share != null) {
                String shortLabel = label.length() > LABEL_CHARS ? label.substring(0, LABEL_CHARS - 1) + "…" : label;
                bars.add(new ReportView.Bar(shortLabel, label, f.percent(share) + " (" + s.withinStandard() + "/"
                        + s.withStandard() + ")", 24 + bars.size() * ROW_HEIGHT, (int) Math.round(share * BAR_SPAN)));
            }
        }
        int height = 24 + bars.size() * ROW_HEIGHT + 16;
        ReportView.Chart chart = new ReportView.Chart(LABEL_WIDTH + BAR_SPAN + 110, height, LABEL_WIDTH,
                LABEL_WIDTH + BAR_SPAN, bars);

        List<ReportView.CountRow> bySource = figures.bySource().stream()
                .map(c -> new ReportView.CountRow(sourceLabel(c.key()), c.count())).toList();
        List<ReportView.CountRow> byServer = figures.byServer().stream()
                .map(c -> new ReportView.CountRow(c.key().isEmpty() ? rpt.reportNoServer() : c.key(), c.count())).toList();

        int thisYear = YearMonth.now(clock).getYear();
        List<Option> years = new ArrayList<>();
        for (int y = thisYear; y >= thisYear - 5; y--) {
            years.add(new Option(String.valueOf(y), String.valueOf(y), y == month.getYear()));
        }
        List<Option> months = new ArrayList<>();
        for (Month m : Month.values()) {
            months.add(new Option(String.valueOf(m.getValue()), m.getDisplayName(TextStyle.FULL_STANDALONE, locale),
                    m.getValue() == month.getMonthValue()));
        }
        String monthName = month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale) + " " + month.getYear();
        String csvUrl = "/laporan/bulanan.csv?tahun=" + month.getYear() + "&bulan=" + month.getMonthValue();
        List<ReportView.AvailabilityRow> availability = figures.availability().stream().map(a -> {
            Availability.Tally t = a.month();
            return new ReportView.AvailabilityRow(a.name(), f.percentFine(t.availability()),
                    f.percentFine(t.share(Availability.Share.OK)), f.percentFine(t.share(Availability.Share.WARN)),
                    f.percentFine(t.share(Availability.Share.CRIT)), f.percentFine(t.share(Availability.Share.UNKNOWN)),
                    f.percentFine(t.share(Availability.Share.NO_DATA)), f.percentFine(t.share(Availability.Share.MAINTENANCE)));
        }).toList();
        return new ReportView(month.getYear(), month.getMonthValue(), monthName, years, months, rows, figures.opened(),
                figures.closed(), figures.cancelled(), bySource, byServer, chart, csvUrl, figures.linkedReports(),
                availability);
    }

    /** @return the figures of every step of the active SOP in its order (zero when none), then any other step seen */
    private static Map<String, MonthlyReportService.StepFigures> stepFigures(MonthlyReportService.Figures figures,
            SopStateMachine machine) {
        Map<String, MonthlyReportService.StepFigures> byCode = new LinkedHashMap<>();
        for (SopStep step : machine.document().steps()) {
            byCode.put(step.code(), new MonthlyReportService.StepFigures(step.code(), 0, 0, 0, 0, 0));
        }
        figures.steps().forEach(s -> byCode.put(s.code(), s));
        return byCode;
    }

    private String sourceLabel(String source) {
        try {
            return context.labels().source(TicketSource.valueOf(source));
        } catch (IllegalArgumentException e) {
            return source;
        }
    }

    private YearMonth month(String year, String month) {
        YearMonth now = YearMonth.now(clock);
        try {
            int y = Integer.parseInt(year == null ? "" : year.trim());
            int m = Integer.parseInt(month == null ? "" : month.trim());
            if (y >= 2000 && y <= 9999 && m >= 1 && m <= 12) {
                return YearMonth.of(y, m);
            }
        } catch (NumberFormatException e) {
            // the current month, below
        }
        return now;
    }

    private static String minutes(double seconds) {
        return String.format(Locale.ROOT, "%.1f", seconds / 60);
    }

    /** @return a share between 0 and 1 as a percentage with two decimals, or empty */
    private static String csvPercent(Double share) {
        return share == null ? "" : String.format(Locale.ROOT, "%.2f", share * 100);
    }

    /** Appends one record of the monthly CSV, empty fields added up to {@link #CSV_COLUMNS}. */
    private static void record(StringBuilder csv, String... fields) {
        String[] all = Arrays.copyOf(fields, CSV_COLUMNS);
        line(csv, all);
    }

    private static String standardMinutes(String iso) {
        return iso == null ? "" : minutes(Duration.parse(iso).toSeconds());
    }

    /**
     * Appends one CSV record (RFC 4180: fields with commas, quotes or line breaks are quoted). Text that a spreadsheet
     * would run as a formula (starting with =, +, -, @, a tab or a carriage return, e.g. a server named
     * {@code =HYPERLINK(...)}) is written with a leading apostrophe; plain numbers are left as they are.
     */
    public static void line(StringBuilder csv, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            String field = neutralised(fields[i] == null ? "" : fields[i]);
            if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
                csv.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(field);
            }
        }
        csv.append("\r\n");
    }

    /** @return the field, with an apostrophe before it when a spreadsheet would take it for a formula */
    static String neutralised(String field) {
        if (field.isEmpty() || "=+-@\t\r".indexOf(field.charAt(0)) < 0 || field.matches("-?[0-9]+(\\.[0-9]+)?")) {
            return field;
        }
        return "'" + field;
    }
}
