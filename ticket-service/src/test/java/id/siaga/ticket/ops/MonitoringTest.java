package id.siaga.ticket.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.siaga.ticket.support.Agents;
import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Await;
import id.siaga.ticket.support.Stuck;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What Prometheus and Grafana read, checked with Prometheus's own tool on a real scrape taken after a ticket's full
 * walk through the SOP, a third-party repair and an agent's report: {@code /q/metrics} parses, SIAGA's own metrics
 * have no lint findings, and every metric the dashboard and the alerting rules use is there.
 */
@QuarkusTest
class MonitoringTest {

    static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "siaga-dashboard.json");
    static final Path RULES = Path.of("..", "deploy", "prometheus", "siaga-rules.yml");
    static final String SERVER = "monitoring-siak-db";
    static final List<String> STEPS = List.of("COMPLAINT_RECEIVED", "INSPECTION", "FUNCTION_CHECK", "ANALYSIS", "REPAIR",
            "SOFTWARE_CHECK", "DECISION", "REPORT_TO_JF_ADB", "REPORT_TO_KABID", "AGENDA", "THIRD_PARTY_REPAIR");
    /** Made by Prometheus itself, not by the service. */
    static final Set<String> PROMETHEUS_OWN = Set.of("up");

    private static String openMetricsScrape;
    private static String textScrape;
    private static boolean failed;

    /** Walks tickets and reports an agent's findings once, then scrapes in both formats the service offers. */
    private static synchronized void scrapeAfterWork() {
        assertFalse(failed, "the work before the scrape failed (see the first failing test)");
        if (textScrape != null) {
            return;
        }
        failed = true;
        long closed = Api.newTicket("monitoring: full walk");
        for (String step : List.of("INSPECTION", "FUNCTION_CHECK", "ANALYSIS", "REPAIR", "SOFTWARE_CHECK", "DECISION")) {
            Api.move(Api.ADB, closed, step, "ok");
        }
        Api.move(Api.ADB, closed, "REPORT_TO_KABID", "Ya, software berfungsi");
        Api.move(Api.KABID, closed, "AGENDA", "Laporan diterima");
        Api.move(Api.KASI, closed, "CLOSED", "Dicatat dalam agenda");
        Api.toThirdPartyRepair(Api.newTicket("monitoring: third party"));

        Agents.Registered server = Agents.register(SERVER, "SIAK_DB");
        Instant now = Instant.now();
        Agents.post(server, new ArrayList<>(List.of(
                Agents.finding("disk", "host", "OK", "disk ok", now),
                Agents.finding("db", "jdbc", "CRIT", "database down", now)))).statusCode(200);

        String office = "91.01";
        String officeToken = Api.admin().contentType(ContentType.JSON).body(Map.of("code", office, "name", "Kantor Pemantauan"))
                .post("/api/v1/offices").then().statusCode(201).extract().path("token");
        RestAssured.given().header("Authorization", "Bearer " + officeToken).contentType(ContentType.JSON).body("""
                {"summaryId":"%s","office":{"code":"%s","name":"Kantor Pemantauan"},"generatedAt":"%s","intervalSeconds":60,
                 "thinnedBefore":0,"servers":[{"application":"SIAK","role":"SIAK_DB","worstStatus":"CRIT","servers":1,
                 "reporting":1,"silent":0,"inMaintenance":0}],"tickets":[],"escalations":{"open":[]},
                 "compliance":{"month":"2026-12","steps":[]},"findingsIngested":0,"agentVersions":[]}"""
                .formatted(UUID.randomUUID(), office, now.minusSeconds(1)))
                .post("/api/v1/offices/{code}/summaries", office).then().statusCode(202);

        List<String> expected = List.of(
                "siaga_office_application_status{application=\"SIAK\",office=\"" + office + "\"} 2.0",
                "siaga_office_silent{office=\"" + office + "\"} 0.0",
                "siaga_check_status{check=\"db\",role=\"SIAK_DB\",server=\"" + SERVER + "\"} 2.0",
                "siaga_agent_last_seen_timestamp_seconds{role=\"SIAK_DB\",server=\"" + SERVER + "\"}",
                "siaga_tickets_open{step=\"THIRD_PARTY_REPAIR\"} ",
                "siaga_escalations_open{level=\"1\",recipient=\"KABID\"} ");
        // the offices' gauges follow the escalation sweep (every 30 s)
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        List<String> missing = expected;
        String last = "";
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            Await.sleep(250);
            String scrape = plain(scrape("text/plain; version=0.0.4"));
            last = scrape;
            missing = expected.stream().filter(line -> !scrape.contains(line)).toList();
        }
        keep("metrics-waited.txt", last);
        assertEquals(List.of(), missing, "series missing 40 s after the work (see target/monitoring/metrics-waited.txt)");
        openMetricsScrape = scrape("*/*");
        textScrape = scrape("text/plain; version=0.0.4");
        keep("metrics-openmetrics.txt", openMetricsScrape);
        keep("metrics-text.txt", textScrape);
        failed = false;
    }

    /** Leaves a scrape in target/monitoring for whoever reads a failure. */
    private static void keep(String name, String scrape) {
        try {
            Path folder = Files.createDirectories(Path.of("target", "monitoring"));
            Files.writeString(folder.resolve(name), scrape);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** @return the scrape with the text format's optional comma after the last label dropped ({@code ,\}}) */
    private static String plain(String scrape) {
        return scrape.replace(",} ", "} ");
    }

    private static String scrape(String accept) {
        try {
            return Api.admin().accept(accept).get("/q/metrics").then().statusCode(200).extract().asString();
        } catch (Exception noAnswer) {
            throw Stuck.diagnose("GET /q/metrics (" + accept + ")", noAnswer);
        }
    }

    @Test
    void scrapePassesPromtoolCheckMetrics() throws Exception {
        scrapeAfterWork();
        assertTrue(openMetricsScrape.contains("# EOF"), "without an Accept header the answer is OpenMetrics");
        for (String scrape : List.of(openMetricsScrape, textScrape)) {
            Promtool.Result result = Promtool.run(Path.of("."), scrape, "check", "metrics");
            assertNotEquals(Promtool.FAILURE, result.exitCode(), "promtool cannot parse /q/metrics:\n" + result.output());
            assertFalse(result.output().contains("error"), result.output());
        }
        // Lint findings are meaningful on the classic text format (OpenMetrics names counters without "_total").
        Promtool.Result lint = Promtool.run(Path.of("."), textScrape, "check", "metrics");
        List<String> ours = lint.output().lines().filter(line -> line.startsWith("siaga_")).toList();
        assertEquals(List.of(), ours, "lint findings on SIAGA's own metrics");
    }

    @Test
    void everyStepHasItsOpenTicketsSeriesAndTheRatioIsAHistogram() {
        scrapeAfterWork();
        String textScrape = plain(MonitoringTest.textScrape);
        for (String step : STEPS) {
            assertTrue(textScrape.contains("siaga_tickets_open{step=\"" + step + "\"} "), "no series for step " + step);
        }
        assertTrue(textScrape.contains("siaga_tickets_open{step=\"REPORT_TO_KABID\"} "), "0 for a step with no ticket");
        assertTrue(textScrape.contains("# TYPE siaga_sop_step_standard_ratio histogram"), "ratio type");
        assertTrue(textScrape.contains("siaga_sop_step_standard_ratio_bucket{step=\"INSPECTION\",le=\"1.0\"}"),
                "ratio bucket at the standard's upper bound");
        assertTrue(textScrape.contains("siaga_database_up 1.0"), "database reached");
        assertTrue(textScrape.contains("siaga_check_status{check=\"disk\",role=\"SIAK_DB\",server=\"" + SERVER + "\"} 0.0"));
        assertTrue(textScrape.contains("siaga_escalations_open_oldest_age_seconds{level=\"2\",recipient=\"KABID\"} "));
        assertFalse(openMetricsScrape.contains("\\\""), "no escaped quotes in HELP texts");
    }

    @Test
    void dashboardIsAValidGrafanaDashboardOnAVariableDataSource() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        assertTrue(dashboard.path("schemaVersion").isInt(), "schemaVersion");
        assertFalse(dashboard.path("uid").asText().isBlank(), "uid");
        assertFalse(dashboard.path("title").asText().isBlank(), "title");
        JsonNode variable = null;
        for (JsonNode candidate : dashboard.path("templating").path("list")) {
            if ("DS_PROMETHEUS".equals(candidate.path("name").asText())) {
                variable = candidate;
            }
        }
        assertTrue(variable != null && "datasource".equals(variable.path("type").asText())
                && "prometheus".equals(variable.path("query").asText()), "a data-source variable DS_PROMETHEUS");
        Set<Integer> ids = new HashSet<>();
        List<String> titles = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertTrue(ids.add(panel.path("id").asInt(-1)), "panel id " + panel.path("id") + " is used twice");
            titles.add(panel.path("title").asText());
            assertEquals("${DS_PROMETHEUS}", panel.path("datasource").path("uid").asText(), panel.path("title").asText());
            for (String size : List.of("x", "y", "w", "h")) {
                assertTrue(panel.path("gridPos").path(size).isInt(), panel.path("title") + " gridPos." + size);
            }
            assertFalse(panel.path("targets").isEmpty(), panel.path("title") + " has no query");
        }
        assertTrue(titles.stream().anyMatch(t -> t.startsWith("Availability by server")), titles.toString());
        assertTrue(titles.stream().anyMatch(t -> t.startsWith("Silent agents by server")), titles.toString());
    }

    @Test
    void dashboardQueriesUseOnlyMetricsInAScrape() throws IOException {
        scrapeAfterWork();
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : new ObjectMapper().readTree(DASHBOARD.toFile()).path("panels")) {
            panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText()));
        }
        assertUsesOnlyScrapedMetrics("deploy/grafana/siaga-dashboard.json", expressions);
    }

    @Test
    void alertRulesUseOnlyMetricsInAScrape() throws IOException {
        scrapeAfterWork();
        List<String> expressions = new ArrayList<>();
        Matcher expr = Pattern.compile("(?m)^\\s*expr:\\s*(.+)$").matcher(Files.readString(RULES));
        while (expr.find()) {
            expressions.add(expr.group(1));
        }
        assertTrue(expressions.size() >= 7, "rules found: " + expressions);
        assertUsesOnlyScrapedMetrics("deploy/prometheus/siaga-rules.yml", expressions);
    }

    private static void assertUsesOnlyScrapedMetrics(String file, List<String> expressions) {
        Set<String> scraped = new HashSet<>(Promtool.sampleNames(textScrape));
        Map<String, String> missing = new java.util.TreeMap<>();
        for (String expression : expressions) {
            for (String name : Promtool.metricNames(expression)) {
                if (!scraped.contains(name) && !PROMETHEUS_OWN.contains(name)) {
                    missing.put(name, expression);
                }
            }
        }
        assertEquals(Map.of(), missing, file + " queries metrics that /q/metrics does not have");
    }
}
