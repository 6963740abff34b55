package id.siaga.ticket.office;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.siaga.ticket.support.Agents;
import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Await;
import id.siaga.ticket.support.Pages;
import id.siaga.ticket.support.Sql;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both sides in one service on its PostgreSQL: the office's summary (what it holds and what it never holds), the
 * outbox thinned during a long outage, and the upstream's registration, receipt and roll-up API and CSV.
 */
@QuarkusTest
@TestProfile(OfficeProfile.class)
class OfficeApiTest {

    @Inject
    SummaryOutbox outbox;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @Test
    void theSummaryCountsTicketsAndServersButCarriesNoPersonalDataOrTicketText() throws Exception {
        Agents.Registered server = Agents.register("ktpel-" + UUID.randomUUID().toString().substring(0, 8), "KTPEL");
        Agents.post(server, new java.util.ArrayList<>(List.of(Agents.finding("ktpel-reader", "tcp", "WARN", "lambat",
                Instant.now())))).statusCode(200);
        Api.ensureUsers();
        Api.admin().contentType(ContentType.JSON).body(Map.of("source", "PHONE", "reporterName", "Budi Santoso",
                "reporterContact", "0812-3456-7890", "application", "KTP_EL", "title", "Perekaman KTP-el rahasia",
                "description", "Alamat Jalan Melati 7", "severity", "HIGH")).post("/api/v1/tickets");
        Api.as(Api.ADB).body(Map.of("source", "PHONE", "reporterName", "Budi Santoso", "reporterContact", "0812-3456-7890",
                "application", "KTP_EL", "title", "Perekaman KTP-el rahasia", "description", "Alamat Jalan Melati 7",
                "severity", "HIGH")).post("/api/v1/tickets").then().statusCode(201);

        OfficeSummary summary = outbox.write(Instant.parse("2031-01-01T00:00:00Z"));
        String body = Sql.count(dataSource, "select count(*) from office_outbox where slot = '2031-01-01T00:00:00Z'") == 1
                ? body(summary.summaryId()) : "";
        assertEquals(OfficeProfile.CODE, summary.office().code());
        assertEquals(OfficeProfile.NAME, summary.office().name());
        assertTrue(summary.openFaults() >= 1, body);
        assertTrue(summary.servers().stream().anyMatch(g -> g.role().equals("KTPEL") && g.application().equals("KTP_EL")
                && "WARN".equals(g.worstStatus())), body);
        assertFalse(body.contains("Budi"), "no reporter name");
        assertFalse(body.contains("0812"), "no reporter contact");
        assertFalse(body.contains("rahasia"), "no ticket title without SIAGA_UPSTREAM_INCLUDE_TICKET_TITLES");
        assertFalse(body.contains("Melati"), "no ticket description");
        assertFalse(body.contains("lambat"), "no check message");
        assertFalse(body.contains("ticketTitles"));
        assertNull(outbox.write(Instant.parse("2031-01-01T00:00:00Z")), "one summary per interval");
    }

    @Test
    void aLongOutageThinsTheOutboxToOnePerHourAndTheNextSummaryCountsWhatWasThinned() throws Exception {
        // the service writes its own first summary a second after it starts, holding the outbox's write lock: let it
        // finish, so that the summary written below is the next one (the following comes an hour later)
        Await.until("the service's own first summary", Duration.ofSeconds(20), () -> Sql.count(dataSource,
                "select count(*) from office_outbox where slot between now() - interval '2 hours' and now()") > 0);
        Instant old = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into office_outbox (id, slot, body, created_at) values (?, ?, '{}', now())")) {
            for (int minute = 0; minute < 5; minute++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setTimestamp(2, Timestamp.from(old.plus(Duration.ofMinutes(minute))));
                insert.executeUpdate();
            }
        }
        Await.until("the sender to thin the outbox", Duration.ofSeconds(20), () -> Sql.count(dataSource,
                "select count(*) from office_outbox where slot < now() - interval '2 days'") == 1);
        assertEquals(4, Sql.count(dataSource, "select pending from office_outbox_thinned"));
        OfficeSummary next = outbox.write(Instant.parse("2031-02-01T00:00:00Z"));
        assertEquals(4, next.thinnedBefore());
        assertEquals(0, Sql.count(dataSource, "select pending from office_outbox_thinned"));
        // the sender thins the outbox and then tries to post, in the same round: wait for that try
        Await.until("the unreachable upstream to be tried", Duration.ofSeconds(20), () -> Sql.count(dataSource,
                "select count(*) from office_outbox where sent_at is null and attempts > 0") > 0);
        assertEquals(0, Sql.count(dataSource, "select count(*) from office_outbox where sent_at is not null"),
                "nothing is marked sent while the upstream is unreachable");
    }

    @Test
    void registersAnOfficeOnceAndShowsItsLatestSummaryWithItsAge() throws Exception {
        String code = "14." + (10 + (int) (Math.random() * 80));
        String token = Api.admin().contentType(ContentType.JSON).body(Map.of("code", code, "name", "Kabupaten Uji"))
                .post("/api/v1/offices").then().statusCode(201).body("token", startsWith("siaga-office_"))
                .extract().path("token");
        assertEquals(0, Sql.count(dataSource, "select count(*) from office where token_hash = convert_to('" + token + "', 'UTF8')"),
                "the token is not stored as it is");
        Api.admin().contentType(ContentType.JSON).body(Map.of("code", code, "name", "Lagi")).post("/api/v1/offices")
                .then().statusCode(409);
        Api.as(Api.KABID).body(Map.of("code", "15.01", "name", "Kabid tidak boleh")).post("/api/v1/offices")
                .then().statusCode(403);
        Api.admin().contentType(ContentType.JSON).body("{\"code\":\"15.02\",\"name\":\"x\",\"name\":\"y\"}")
                .post("/api/v1/offices").then().statusCode(400);
        assertEquals(0, Sql.count(dataSource, "select count(*) from office where code like '15.%'"));
        assertEquals(1, Sql.count(dataSource, "select count(*) from admin_event where type = 'OFFICE_REGISTERED' and actor = 'admin'"
                + " and subject = 'office:" + code + "' and note = 'name Kabupaten Uji' and at > now() - interval '1 minute'"),
                "the registration is in the administrative trail once, the refused attempts are not");
        assertEquals(0, Sql.count(dataSource, "select count(*) from admin_event where note like '%siaga-office_%'"
                + " or subject like 'office:15.%'"), "no token and no refused office in the trail");
        String trail = Api.admin().get("/api/v1/audit/admin-events").then().statusCode(200).extract().asString();
        assertTrue(trail.contains("office:" + code) && !trail.contains(token), trail);

        OfficeSummary mine = outbox.write(Instant.parse("2031-03-01T00:00:00Z"));
        OfficeSummary theirs = new OfficeSummary(UUID.randomUUID(), new OfficeSummary.OfficeRef(code, "Kabupaten Uji"),
                Instant.now().minusSeconds(30), 60, 0, mine.servers(), List.of(new OfficeSummary.StepTickets("ANALYSIS", 3, 2)),
                new OfficeSummary.Escalations(List.of(new OfficeSummary.LevelCount(1, 4)), Instant.now().minusSeconds(600)),
                new OfficeSummary.Compliance("2026-12", List.of(new OfficeSummary.StepCompliance("ANALYSIS", 10, 60, 120, 10, 8))),
                5, List.of(new OfficeSummary.VersionCount("1.4.2", 2)), null, null);
        RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(json.writeValueAsString(theirs)).post("/api/v1/offices/{code}/summaries", code).then().statusCode(202);
        RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(json.writeValueAsString(theirs)).post("/api/v1/offices/{code}/summaries", code).then().statusCode(200);
        assertEquals(1, Sql.count(dataSource, "select count(*) from office_summary where office_code = '" + code + "'"));
        assertEquals(1, Sql.count(dataSource, "select count(*) from office_forward where summary_id = '" + theirs.summaryId()
                + "' and sent_at is null"), "queued once to be forwarded to this office's own upstream, which is down");

        JsonPath list = Api.as(Api.VIEWER).get("/api/v1/offices").then().statusCode(200).extract().jsonPath();
        Map<String, Object> item = list.<Map<String, Object>>getList("items").stream()
                .filter(i -> code.equals(i.get("code"))).findFirst().orElseThrow();
        assertTrue(((Number) item.get("ageSeconds")).longValue() >= 29, item.toString());
        assertEquals(theirs.summaryId().toString(), ((Map<?, ?>) item.get("summary")).get("summaryId"));
        Api.anonymous().get("/api/v1/offices").then().statusCode(401);

        String csv = Pages.signIn(Api.VIEWER).get("/wilayah.csv").then().statusCode(200).extract().asString();
        assertTrue(csv.contains(code + ",Kabupaten Uji,,"), csv);
        assertTrue(csv.contains(",3,2,4,80.0"), csv);
    }

    @Test
    void aRenewedOfficeTokenReplacesTheOldOneAtOnceAndOnlyAnAdministratorMayRenewIt() throws Exception {
        String code = "16." + (10 + (int) (Math.random() * 80));
        String old = Api.admin().contentType(ContentType.JSON).body(Map.of("code", code, "name", "Kota Uji"))
                .post("/api/v1/offices").then().statusCode(201).extract().path("token");
        String first = json.writeValueAsString(summaryOf(code));
        RestAssured.given().header("Authorization", "Bearer " + old).contentType(ContentType.JSON).body(first)
                .post("/api/v1/offices/{code}/summaries", code).then().statusCode(202);

        Api.as(Api.KABID).post("/api/v1/offices/{code}/token", code).then().statusCode(403);
        RestAssured.given().header("Authorization", "Bearer " + old).post("/api/v1/offices/{code}/token", code)
                .then().statusCode(403);
        Api.admin().post("/api/v1/offices/{code}/token", "99.99").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        RestAssured.given().header("Authorization", "Bearer " + old).contentType(ContentType.JSON)
                .body(json.writeValueAsString(summaryOf(code))).post("/api/v1/offices/{code}/summaries", code)
                .then().statusCode(202);
        assertEquals(0, Sql.count(dataSource, "select count(*) from admin_event where type = 'OFFICE_TOKEN_ISSUED'"
                + " and subject = 'office:" + code + "'"), "the refused renewals changed nothing: the old token still works");
        String renewed = Api.admin().post("/api/v1/offices/{code}/token", code).then().statusCode(200)
                .body("code", org.hamcrest.Matchers.equalTo(code)).body("name", org.hamcrest.Matchers.equalTo("Kota Uji"))
                .body("token", startsWith("siaga-office_")).extract().path("token");
        assertFalse(renewed.equals(old));

        RestAssured.given().header("Authorization", "Bearer " + old).contentType(ContentType.JSON)
                .body(json.writeValueAsString(summaryOf(code))).post("/api/v1/offices/{code}/summaries", code)
                .then().statusCode(401);
        RestAssured.given().header("Authorization", "Bearer " + renewed).contentType(ContentType.JSON)
                .body(json.writeValueAsString(summaryOf(code))).post("/api/v1/offices/{code}/summaries", code)
                .then().statusCode(202);
        assertEquals(3, Sql.count(dataSource, "select count(*) from office_summary where office_code = '" + code + "'"),
                "the summary under the old token after the renewal was refused, the others stored");
        assertEquals(1, Sql.count(dataSource, "select count(*) from admin_event where type = 'OFFICE_TOKEN_ISSUED'"
                + " and actor = 'admin' and subject = 'office:" + code + "'"), "the renewal is in the trail once");
        assertEquals(0, Sql.count(dataSource, "select count(*) from admin_event where note like '%siaga-office_%'"));

        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into office (code, name, via, created_at, created_by) values (?, 'Relayed', ?, now(), 'relay:test')")) {
            s.setString(1, code + ".1");
            s.setString(2, code);
            s.executeUpdate();
        }
        Api.admin().post("/api/v1/offices/{code}/token", code + ".1").then().statusCode(409)
                .contentType(startsWith("application/problem+json"));
        assertEquals(0, Sql.count(dataSource, "select count(*) from office where code = '" + code + ".1' and token_hash is not null"));
    }

    /**
     * A count past 2^31 failed the upstream's integer columns with a 500 (found 2026-12-07): every count of a summary is
     * at most {@link OfficeSummary#MAX_COUNT}, and a hundred steps at that count still store their sums.
     */
    @Test
    void refusesACountAboveTheMostAnOfficeCanHaveAndStoresTheLargestSums() throws Exception {
        String code = "18." + (10 + (int) (Math.random() * 80));
        String token = Api.admin().contentType(ContentType.JSON).body(Map.of("code", code, "name", "Kabupaten Besar"))
                .post("/api/v1/offices").then().statusCode(201).extract().path("token");
        OfficeSummary base = summaryOf(code);
        long over = OfficeSummary.MAX_COUNT + 1;
        Map<String, OfficeSummary> refused = Map.of(
                "tickets[0].open", with(base, List.of(new OfficeSummary.StepTickets("ANALYSIS", 2147483648L, 0)), base.escalations()),
                "tickets[0].overdue", with(base, List.of(new OfficeSummary.StepTickets("ANALYSIS", 1, over)), base.escalations()),
                "escalations.open[0].count", with(base, base.tickets(),
                        new OfficeSummary.Escalations(List.of(new OfficeSummary.LevelCount(1, Long.MAX_VALUE)), null)));
        for (Map.Entry<String, OfficeSummary> bad : refused.entrySet()) {
            RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                    .body(json.writeValueAsString(bad.getValue())).post("/api/v1/offices/{code}/summaries", code)
                    .then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("errors.field", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.endsWith(bad.getKey())));
        }
        assertEquals(0, Sql.count(dataSource, "select count(*) from office_summary where office_code = '" + code + "'"));

        List<OfficeSummary.StepTickets> most = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            most.add(new OfficeSummary.StepTickets("STEP_" + i, OfficeSummary.MAX_COUNT, OfficeSummary.MAX_COUNT));
        }
        List<OfficeSummary.LevelCount> levels = new java.util.ArrayList<>();
        for (int level = 1; level <= 9; level++) {
            levels.add(new OfficeSummary.LevelCount(level, OfficeSummary.MAX_COUNT));
        }
        RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(json.writeValueAsString(with(base, most, new OfficeSummary.Escalations(levels, null))))
                .post("/api/v1/offices/{code}/summaries", code).then().statusCode(202);
        assertEquals(1, Sql.count(dataSource, "select count(*) from office where code = '" + code
                + "' and open_faults = 100000000 and overdue_steps = 100000000 and open_escalations = 9000000"));
    }

    private static OfficeSummary with(OfficeSummary s, List<OfficeSummary.StepTickets> tickets,
            OfficeSummary.Escalations escalations) {
        return new OfficeSummary(UUID.randomUUID(), s.office(), s.generatedAt(), s.intervalSeconds(), s.thinnedBefore(),
                s.servers(), tickets, escalations, s.compliance(), s.findingsIngested(), s.agentVersions(), s.ticketTitles(),
                s.offices());
    }

    private static OfficeSummary summaryOf(String code) {
        return new OfficeSummary(UUID.randomUUID(), new OfficeSummary.OfficeRef(code, "Kota Uji"), Instant.now().minusSeconds(5),
                60, 0, List.of(), List.of(), new OfficeSummary.Escalations(List.of(), null),
                new OfficeSummary.Compliance("2026-12", List.of()), 0, List.of(), null, null);
    }

    @Test
    void summariesToForwardWaitingLongerThanADayAreThinnedToOnePerOfficeAndHour() throws Exception {
        String code = "17." + (10 + (int) (Math.random() * 80));
        String token = Api.admin().contentType(ContentType.JSON).body(Map.of("code", code, "name", "Kabupaten Lama"))
                .post("/api/v1/offices").then().statusCode(201).extract().path("token");
        Instant old = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        for (int minute = 0; minute < 4; minute++) {
            OfficeSummary summary = new OfficeSummary(UUID.randomUUID(), new OfficeSummary.OfficeRef(code, "Kabupaten Lama"),
                    old.plus(Duration.ofMinutes(minute)), 60, 0, List.of(), List.of(),
                    new OfficeSummary.Escalations(List.of(), null), new OfficeSummary.Compliance("2026-12", List.of()), 0,
                    List.of(), null, null);
            RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                    .body(json.writeValueAsString(summary)).post("/api/v1/offices/{code}/summaries", code).then().statusCode(202);
        }
        String waiting = "select count(*) from office_forward where sent_at is null and office_code = '" + code + "'";
        Await.until("the sender to thin what waits to be forwarded", Duration.ofSeconds(20),
                () -> Sql.count(dataSource, waiting) == 1);
        assertEquals(1, Sql.count(dataSource, "select count(*) from office_forward where office_code = '" + code
                + "' and generated_at = '" + old + "'"), "the first of the hour is kept");
        assertEquals(4, Sql.count(dataSource, "select count(*) from office_summary where office_code = '" + code + "'"),
                "all stay stored here");
        String metrics = Api.admin().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("siaga_upstream_forwards_thinned_total") && !l.endsWith(" 0.0")),
                metrics);
    }

    @Test
    void csvNeutralisesFormulasInOfficeNames() {
        String code = "16." + (10 + (int) (Math.random() * 80));
        Api.admin().contentType(ContentType.JSON).body(Map.of("code", code, "name", "=HYPERLINK(\"http://x\")"))
                .post("/api/v1/offices").then().statusCode(201);
        String csv = Pages.signIn(Api.VIEWER).get("/wilayah.csv").then().statusCode(200).extract().asString();
        assertTrue(csv.contains(code + ",\"'=HYPERLINK(\"\"http://x\"\")\""), csv);
    }

    private String body(UUID id) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select body from office_outbox where id = ?")) {
            q.setObject(1, id);
            var rs = q.executeQuery();
            rs.next();
            return rs.getString(1);
        }
    }
}
