package id.siaga.ticket.status;

import id.siaga.ticket.support.Agents;
import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Await;
import id.siaga.ticket.support.Pages;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The availability a person reads on the pages, over known findings of one server. In a past month M (the month
 * before yesterday's), on its first day, check {@code http} reports every minute OK 00:00–06:00, CRIT 06:00–12:00,
 * nothing 12:00–18:00, WARN 18:00–24:00 (its last report covering 30 s past midnight) under a maintenance window
 * 18:00–21:00: the month holds 6 h OK, 6 h CRIT, 3 h 30 s WARN, 3 h maintenance, the rest no data, so its availability
 * is (6 h + 3 h 30 s) / (15 h 30 s). Yesterday check {@code web} reports OK 00:00–12:00 and CRIT 12:00–18:00: its day on
 * the board's strip is 12 / 18 available.
 */
@QuarkusTest
class AvailabilityPagesTest {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static Agents.Registered server;
    private static YearMonth month;
    private static LocalDate yesterday;

    @BeforeEach
    void knownFindings() {
        if (server != null) {
            return;
        }
        Api.ensureUsers();
        server = Agents.register("ketersediaan-" + System.nanoTime(), "OTHER");
        yesterday = LocalDate.now(OFFICE).minusDays(1);
        month = YearMonth.from(yesterday).minusMonths(1);
        Instant first = month.atDay(1).atStartOfDay(OFFICE).toInstant();
        Api.as(Api.KASI).body(Map.of("serverId", server.id(), "from", first.plusSeconds(18 * 3600).toString(),
                "to", first.plusSeconds(21 * 3600).toString(), "reason", "Pembaruan sistem operasi"))
                .post("/api/v1/maintenance").then().statusCode(201);
        List<Map<String, Object>> findings = new ArrayList<>();
        Instant day = yesterday.atStartOfDay(OFFICE).toInstant();
        for (int minute = 0; minute < 24 * 60; minute++) {
            Instant at = day.plusSeconds(minute * 60L);
            if (minute < 12 * 60) {
                findings.add(Agents.finding("web", "http", "OK", "ok", at));
            } else if (minute < 18 * 60 - 1) {
                findings.add(Agents.finding("web", "http", "CRIT", "down", minute == 18 * 60 - 2 ? at.plusSeconds(30) : at));
            }
        }
        for (int minute = 0; minute < 24 * 60; minute++) {
            Instant at = first.plusSeconds(minute * 60L);
            if (minute < 6 * 60) {
                findings.add(Agents.finding("http", "http", "OK", "ok", at));
            } else if (minute < 12 * 60 - 1) {
                findings.add(Agents.finding("http", "http", "CRIT", "down", minute == 12 * 60 - 2 ? at.plusSeconds(30) : at));
            } else if (minute >= 18 * 60) {
                findings.add(Agents.finding("http", "http", "WARN", "slow", at));
            }
        }
        for (int i = 0; i < findings.size(); i += 500) {
            Agents.post(server, new ArrayList<>(findings.subList(i, Math.min(i + 500, findings.size())))).statusCode(200);
        }
    }

    @Test
    void theMonthlyReportShowsEachServersAvailabilityInBothLanguages() {
        String query = "/laporan/bulanan?tahun=" + month.getYear() + "&bulan=" + month.getMonthValue();
        Pages kasi = Pages.signIn(Api.KASI);
        String row = Await.value("the server's availability in the report", WAIT, () -> {
            String html = kasi.request().get(query).then().statusCode(200).extract().asString();
            int at = html.indexOf("<th scope=\"row\">" + server.name() + "</th>", html.indexOf("id=\"availability\""));
            return at < 0 ? null : html.substring(at, html.indexOf("</tr>", at));
        });
        String html = kasi.request().get(query).asString();
        assertTrue(html.contains("Ketersediaan server") && html.contains(">Ketersediaan</th>"), html);
        assertTrue(row.replaceAll("\\s+", " ").contains(cells(new Locale("id"), " %")), row);

        String english = kasi.request().queryParam("lang", "en").get(query).then().statusCode(200).extract().asString();
        int at = english.indexOf("<th scope=\"row\">" + server.name() + "</th>", english.indexOf("id=\"availability\""));
        assertTrue(english.contains("Server availability") && english.contains(">Availability</th>"), english);
        assertTrue(english.substring(at, english.indexOf("</tr>", at)).replaceAll("\\s+", " ")
                .contains(cells(Locale.ENGLISH, " %")), english);
    }

    @Test
    void theMonthlyCsvHasTheAvailabilityColumnsInBothLanguages() {
        String query = "/laporan/bulanan.csv?tahun=" + month.getYear() + "&bulan=" + month.getMonthValue();
        String expected = "," + server.name() + "," + server.name() + ",,,,,,," + String.join(",", figures(Locale.ROOT));
        String csv = Await.value("the server's availability in the CSV", WAIT, () -> {
            String text = Pages.signIn(Api.VIEWER).request().get(query).then().statusCode(200)
                    .contentType(startsWith("text/csv")).extract().asString();
            return text.contains(expected) ? text : null;
        });
        String[] lines = csv.split("\r\n");
        assertTrue(lines[0].endsWith(",tepat_waktu_persen,ketersediaan_persen,baik_persen,peringatan_persen,"
                + "gangguan_persen,tidak_diketahui_persen,tanpa_data_persen,pemeliharaan_persen"), lines[0]);
        assertTrue(csv.contains("\r\nketersediaan" + expected + "\r\n"), csv);
        assertTrue(lines[0].split(",", -1).length == 16 && lines[1].split(",", -1).length == 16,
                "16 fields, also in the other sections: " + lines[1]);
        String english = Pages.signIn(Api.VIEWER).request().queryParam("lang", "en").get(query).then().statusCode(200)
                .extract().asString();
        assertTrue(english.startsWith("section,code,name,count,median_minutes,p90_minutes,standard_min_minutes,"
                + "standard_max_minutes,within_standard_percent,availability_percent,ok_percent,warn_percent,crit_percent,"
                + "unknown_percent,no_data_percent,maintenance_percent\r\n"), english);
        assertTrue(english.contains("\r\navailability" + expected + "\r\n"), english);
    }

    @Test
    void theBoardCardShowsADailyStripPerCheckWithItsAvailabilityInWords() {
        Pages viewer = Pages.signIn(Api.VIEWER);
        String title = "<title>" + yesterday + ": ketersediaan 66,67 %</title>";
        String card = Await.value("yesterday's bar on the board", WAIT, () -> {
            String c = card(viewer.request().get("/papan").then().statusCode(200).extract().asString());
            return c.contains(title) ? c : null;
        });
        assertTrue(card.contains("<th scope=\"col\">14 hari</th>"), card);
        assertTrue(card.contains("aria-label=\"Ketersediaan 14 hari terakhir: 66,67 %\""), card);
        assertTrue(card.contains("class=\"strip-crit\" x=\"" + 12 * 8 + "\" y=\"7\" width=\"6\" height=\"13\">" + title), card);
        assertTrue(card.contains("<title>" + LocalDate.now(OFFICE) + ": tanpa data</title>"), "today: " + card);
        assertTrue(card.contains("aria-label=\"Ketersediaan 14 hari terakhir: —\""), "the old check: " + card);

        String english = card(viewer.request().queryParam("lang", "en").get("/papan").then().statusCode(200)
                .extract().asString());
        assertTrue(english.contains("<title>" + yesterday + ": availability 66.67 %</title>")
                && english.contains("aria-label=\"Availability over the last 14 days: 66.67 %\"")
                && english.contains("<th scope=\"col\">14 days</th>"), english);
        String page = viewer.request().queryParam("lang", "en").get("/papan").asString();
        assertTrue(page.contains("id=\"strip-legend\"") && page.contains("one bar per day per check"), "the legend");
        assertTrue(!page.contains("style=") && !page.contains("<style"), "nothing the Content-Security-Policy forbids");
    }

    /** @return the server's card on the board */
    private static String card(String board) {
        int at = board.indexOf("<h3>" + server.name() + "</h3>");
        return at < 0 ? "" : board.substring(at, board.indexOf("</li>", at));
    }

    /** @return the report row's cells after the server's name: availability, OK, WARN, CRIT, unknown, no data, maintenance */
    private static String cells(Locale locale, String unit) {
        StringBuilder cells = new StringBuilder();
        for (String figure : figures(locale)) {
            cells.append("<td class=\"num\">").append(figure).append(unit).append("</td> ");
        }
        return cells.toString().trim();
    }

    private static List<String> figures(Locale locale) {
        double seconds = month.lengthOfMonth() * 86_400.0;
        double ok = 6 * 3600;
        double crit = 6 * 3600;
        double warn = 3 * 3600 + 30;
        double maintenance = 3 * 3600;
        double[] shares = {(ok + warn) / (ok + warn + crit), ok / seconds, warn / seconds, crit / seconds, 0,
                (seconds - ok - warn - crit - maintenance) / seconds, maintenance / seconds};
        List<String> figures = new ArrayList<>();
        for (double share : shares) {
            figures.add(String.format(locale, "%.2f", share * 100));
        }
        return figures;
    }
}
