package id.siaga.ticket.status;

import id.siaga.ticket.support.Agents;
import id.siaga.ticket.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Availability over a known day of findings, two days ago in the office's zone, with the default cover of 3 × 30 s:
 * check {@code http} reports every minute OK 00:00–06:00, CRIT 06:00–11:58:30 (its last report covers until 12:00),
 * nothing 12:00–18:00, and WARN 18:00–24:00 under a maintenance window 18:00–21:00; check {@code disk} reports CRIT
 * 12:00–12:58:30 only (covering until 13:00). The day after holds the 30 s that the last WARN report covers past midnight.
 */
@QuarkusTest
class AvailabilityApiTest {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");
    private static final double DAY = 86_400;
    private static final double EXACT = 1e-9;
    private static Agents.Registered server;
    private static LocalDate day;

    @BeforeEach
    void aKnownDayOfFindings() {
        if (server != null) {
            return;
        }
        Api.ensureUsers();
        server = Agents.register("avail-" + System.nanoTime(), "OTHER");
        day = LocalDate.now(OFFICE).minusDays(2);
        Instant midnight = day.atStartOfDay(OFFICE).toInstant();
        Api.as(Api.KASI).body(Map.of("serverId", server.id(), "from", midnight.plusSeconds(18 * 3600).toString(),
                "to", midnight.plusSeconds(21 * 3600).toString(), "reason", "Pembaruan sistem operasi"))
                .post("/api/v1/maintenance").then().statusCode(201);
        List<Map<String, Object>> findings = new ArrayList<>();
        for (int minute = 0; minute < 24 * 60; minute++) {
            Instant at = midnight.plusSeconds(minute * 60L);
            if (minute < 6 * 60) {
                findings.add(Agents.finding("http", "http", "OK", "ok", at));
            } else if (minute < 12 * 60 - 1) {
                findings.add(Agents.finding("http", "http", "CRIT", "down", minute == 12 * 60 - 2 ? at.plusSeconds(30) : at));
            } else if (minute >= 18 * 60) {
                findings.add(Agents.finding("http", "http", "WARN", "slow", at));
            }
            if (minute >= 12 * 60 && minute < 13 * 60 - 1) {
                findings.add(Agents.finding("disk", "disk", "CRIT", "full", minute == 13 * 60 - 2 ? at.plusSeconds(30) : at));
            }
        }
        findings.sort(java.util.Comparator.comparing(f -> (String) f.get("observedAt")));
        for (int i = 0; i < findings.size(); i += 500) {
            Agents.post(server, new ArrayList<>(findings.subList(i, Math.min(i + 500, findings.size())))).statusCode(200);
        }
    }

    @Test
    void oneCheckPerDayCountsEachFindingUntilTheNextOrItsCoverAndMaintenanceApart() {
        JsonPath answer = exact(Api.as(Api.VIEWER).queryParam("serverId", server.id()).queryParam("check", "http")
                .queryParam("from", day.toString()).queryParam("to", day.plusDays(1).toString())
                .get("/api/v1/availability").then().statusCode(200)
                .body("granularity", equalTo("day")).body("coverSeconds", equalTo(90))
                .body("periods.size()", equalTo(2)).body("periods[0].period", equalTo(day.toString()))
                .extract().asString());
        assertShares(answer, "periods[0]", DAY, 6 / 24.0, 3 / 24.0, 6 / 24.0, 0, 6 / 24.0, 3 / 24.0);
        assertEquals(9 / 15.0, answer.getDouble("periods[0].availability"), EXACT, "OK and WARN over OK, WARN and CRIT");
        assertShares(answer, "periods[1]", DAY, 0, 30 / DAY, 0, 0, 1 - 30 / DAY, 0);
        assertEquals(1.0, answer.getDouble("periods[1].availability"), EXACT);
        assertEquals(2 * DAY, answer.getDouble("total.seconds"), EXACT);
        assertEquals((6 * 3600 + 3 * 3600 + 30) / (2 * DAY), answer.getDouble("total.ok") + answer.getDouble("total.warn"), EXACT);
    }

    @Test
    void theServerCountsAsItsWorstCheckWithData() {
        JsonPath answer = exact(Api.as(Api.ADB).queryParam("serverId", server.id()).queryParam("from", day.toString())
                .queryParam("to", day.toString()).get("/api/v1/availability").then().statusCode(200)
                .body("check", equalTo(null)).body("periods.size()", equalTo(1)).extract().asString());
        assertShares(answer, "periods[0]", DAY, 6 / 24.0, 3 / 24.0, 7 / 24.0, 0, 5 / 24.0, 3 / 24.0);
        assertEquals(9 / 16.0, answer.getDouble("periods[0].availability"), EXACT);
    }

    @Test
    void aMonthAddsUpItsDays() {
        JsonPath answer = exact(Api.as(Api.KABID).queryParam("serverId", server.id()).queryParam("check", "http")
                .queryParam("from", day.toString()).queryParam("to", day.plusDays(1).toString())
                .queryParam("granularity", "MONTH").get("/api/v1/availability").then().statusCode(200)
                .body("granularity", equalTo("month")).extract().asString());
        List<Map<String, Object>> periods = answer.getList("periods");
        assertEquals(day.getMonth() == day.plusDays(1).getMonth() ? 1 : 2, periods.size(), periods.toString());
        assertEquals(day.toString().substring(0, 7), periods.get(0).get("period"));
        assertShares(answer, "total", 2 * DAY, 6 * 3600 / (2 * DAY), (3 * 3600 + 30) / (2 * DAY), 6 * 3600 / (2 * DAY), 0,
                (6 * 3600 + DAY - 30) / (2 * DAY), 3 * 3600 / (2 * DAY));
    }

    @Test
    void aDayWithoutFindingsIsNoData() {
        String before = day.minusDays(3).toString();
        Api.as(Api.VIEWER).queryParam("serverId", server.id()).queryParam("from", before).queryParam("to", before)
                .get("/api/v1/availability").then().statusCode(200)
                .body("periods[0].noData", equalTo(1.0f)).body("periods[0].availability", equalTo(null));
    }

    @Test
    void refusesBadParametersWith400AndUnknownThingsWith404() {
        String today = LocalDate.now(OFFICE).toString();
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("check=http", "serverId");
        bad.put("serverId=abc", "serverId");
        bad.put("serverId=-1", "serverId");
        bad.put("serverId=" + server.id() + "&from=2026-13-01", "from");
        bad.put("serverId=" + server.id() + "&from=01-11-2026", "from");
        bad.put("serverId=" + server.id() + "&to=2026-02-30", "to");
        bad.put("serverId=" + server.id() + "&to=" + LocalDate.now(OFFICE).plusDays(1), "to");
        bad.put("serverId=" + server.id() + "&from=" + today + "&to=" + LocalDate.now(OFFICE).minusDays(1), "from");
        bad.put("serverId=" + server.id() + "&from=" + LocalDate.now(OFFICE).minusDays(366), "from");
        bad.put("serverId=" + server.id() + "&granularity=week", "granularity");
        bad.put("serverId=" + server.id() + "&granularity=month&from=" + LocalDate.now(OFFICE).minusYears(4), "from");
        bad.put("serverId=" + server.id() + "&check=" + "x".repeat(101), "check");
        for (Map.Entry<String, String> b : bad.entrySet()) {
            Api.as(Api.VIEWER).get("/api/v1/availability?" + b.getKey()).then().statusCode(400)
                    .contentType("application/problem+json").body(containsString(b.getValue()));
        }
        Api.as(Api.VIEWER).queryParam("serverId", 999_999).get("/api/v1/availability").then().statusCode(404)
                .contentType("application/problem+json");
        Api.as(Api.VIEWER).queryParam("serverId", server.id()).queryParam("check", "no-such-check")
                .get("/api/v1/availability").then().statusCode(404).contentType("application/problem+json");
        Api.anonymous().queryParam("serverId", server.id()).get("/api/v1/availability").then().statusCode(401);
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + server.token())
                .queryParam("serverId", server.id()).get("/api/v1/availability").then().statusCode(403);
    }

    /** @return the answer read with its numbers as doubles (the default reads floats) */
    private static JsonPath exact(String answer) {
        return new JsonPath(answer).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    /** Asserts the seconds of each share exactly (whole milliseconds) and the shares to within 1e-9. */
    private static void assertShares(JsonPath answer, String at, double seconds, double ok, double warn, double crit,
            double unknown, double noData, double maintenance) {
        assertEquals(seconds, answer.getDouble(at + ".seconds"), 0, at + ".seconds");
        String[] names = {"ok", "warn", "crit", "unknown", "noData", "maintenance"};
        double[] shares = {ok, warn, crit, unknown, noData, maintenance};
        for (int i = 0; i < names.length; i++) {
            assertEquals(Math.round(shares[i] * seconds * 1000) / 1000.0,
                    answer.getDouble(at + "." + names[i] + "Seconds"), 0, at + "." + names[i] + "Seconds");
            assertEquals(shares[i], answer.getDouble(at + "." + names[i]), EXACT,
                    at + "." + names[i]);
        }
    }
}
