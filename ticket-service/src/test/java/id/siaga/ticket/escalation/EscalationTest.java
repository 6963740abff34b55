package id.siaga.ticket.escalation;

import com.icegreen.greenmail.util.GreenMail;
import id.siaga.ticket.support.Agents;
import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Await;
import id.siaga.ticket.support.NoticeReceiversResource;
import id.siaga.ticket.support.Sops;
import id.siaga.ticket.support.Sql;
import id.siaga.ticket.support.TestClock;
import id.siaga.ticket.support.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static id.siaga.ticket.support.Api.ADB;
import static id.siaga.ticket.support.Api.JF_ADB;
import static id.siaga.ticket.support.Api.KABID;
import static id.siaga.ticket.support.Api.KASI;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The escalation chain on a real PostgreSQL with second-long time standards (an SOP version), notices received by a
 * real SMTP server and a real webhook receiver. Where a test waits for a chain's next level, it moves the service's
 * {@link TestClock} past the wait and sweeps at once.
 */
@QuarkusTest
@TestProfile(FastClockProfile.class)
class EscalationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** How long an unacknowledged first level waits before the Kabid hears of it (siaga.escalation.kabid-after). */
    private static final Duration KABID_AFTER = Duration.ofSeconds(3);

    GreenMail mail;
    WebhookReceiver webhooks;

    @Inject
    DataSource dataSource;

    @Inject
    EscalationSweep sweep;

    @Inject
    TestClock clock;

    @BeforeEach
    void secondLongStandards() {
        Sops.activateSecondStandards();
        Api.ensureUsers();
    }

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    @Test
    void escalatesAnOverdueStepToTheKasiThenTheKabidWithNotices() throws Exception {
        long id = Api.newTicket("Cetak KTP-el gagal");
        Api.move(ADB, id, "INSPECTION", "diterima");

        JsonPath first = escalation(id, "KASI", "STEP_OVERDUE");
        assertEquals(1, first.getInt("level"));
        assertEquals("INSPECTION", first.getString("step"));
        Api.as(KASI).get("/api/v1/tickets/{id}", id).then().body("overdue", equalTo(true))
                .body("steps[1].overdue", equalTo(true)).body("steps[1].maxDuration", equalTo("PT2S"));
        assertTrue(Api.as(KASI).queryParam("overdue", true).queryParam("size", 200).get("/api/v1/tickets").then()
                .extract().jsonPath().getList("items.id", Integer.class).contains((int) id));
        assertFalse(Api.as(KASI).queryParam("overdue", false).queryParam("size", 200).get("/api/v1/tickets").then()
                .extract().jsonPath().getList("items.id", Integer.class).contains((int) id));

        clock.advance(KABID_AFTER);
        sweep.sweep();
        JsonPath second = escalation(id, "KABID", "STEP_OVERDUE");
        assertEquals(2, second.getInt("level"));
        List<Integer> kabidOpen = Api.as(KABID).queryParam("recipient", "KABID").queryParam("open", true)
                .get("/api/v1/escalations").then().statusCode(200).extract().jsonPath().getList("items.id", Integer.class);
        assertTrue(kabidOpen.contains(second.getInt("id")));

        Api.as(ADB).post("/api/v1/escalations/{id}/acknowledgement", second.getInt("id")).then().statusCode(403)
                .contentType("application/problem+json");
        Api.as(KABID).post("/api/v1/escalations/{id}/acknowledgement", second.getInt("id")).then().statusCode(200)
                .body("acknowledgedBy", equalTo(KABID)).body("acknowledgedAt", notNullValue());
        Api.as(KABID).post("/api/v1/escalations/{id}/acknowledgement", second.getInt("id")).then().statusCode(409);
        assertFalse(Api.as(KABID).queryParam("recipient", "KABID").queryParam("open", true).get("/api/v1/escalations")
                .then().extract().jsonPath().getList("items.id", Integer.class).contains(second.getInt("id")));

        for (int sweeps = 0; sweeps < 3; sweeps++) {
            sweep.sweep();
        }
        assertEquals(1, Sql.count(dataSource, "select count(*) from escalation where ticket_id = " + id
                + " and reason = 'STEP_OVERDUE' and level = 1"), "made once although the sweep ran many times");
        assertEquals(1, Sql.count(dataSource, "select count(*) from escalation where ticket_id = " + id
                + " and reason = 'STEP_OVERDUE' and level = 2"));

        MimeMessage toKasi = mailTo(Api.KASI + "@siaga.test", "Eskalasi");
        assertTrue(toKasi.getSubject().contains(String.valueOf(number(id))), toKasi.getSubject());
        mailTo(Api.KABID + "@siaga.test", "Eskalasi");

        WebhookReceiver.Received hook = Await.value("a webhook about the escalation", WAIT, () -> webhooks.received().stream()
                .filter(r -> r.body().contains("\"id\":" + first.getInt("id") + ",")).findFirst().orElse(null));
        assertEquals("sha256=" + NoticeSender.sign(NoticeReceiversResource.WEBHOOK_SECRET, hook.body()),
                hook.header(NoticeSender.SIGNATURE_HEADER));
        assertTrue(hook.body().contains("\"reason\":\"STEP_OVERDUE\""), hook.body());
        assertTrue(webhooks.refused() >= 1, "the first delivery was refused and retried");
    }

    @Test
    void acknowledgingStopsTheChain() {
        long id = Api.newTicket("Antrean cetak macet");
        Api.move(ADB, id, "INSPECTION", "diterima");
        JsonPath first = escalation(id, "KASI", "STEP_OVERDUE");
        Api.as(KASI).post("/api/v1/escalations/{id}/acknowledgement", first.getInt("id")).then().statusCode(200);
        clock.advance(KABID_AFTER.multipliedBy(2));
        sweep.sweep();
        assertEquals(0, Sql.count(dataSource, "select count(*) from escalation where ticket_id = " + id + " and level = 2"));
    }

    @Test
    void escalatesANoDecisionToTheJfAdbAndAThirdPartyRepairToTheKabid() {
        long id = Api.newTicket("Sinkronisasi data ke pusat gagal");
        for (String step : List.of("INSPECTION", "FUNCTION_CHECK", "ANALYSIS", "REPAIR", "SOFTWARE_CHECK", "DECISION")) {
            Api.move(ADB, id, step, "ok");
        }
        Api.move(ADB, id, "REPORT_TO_JF_ADB", "Tidak");
        JsonPath no = escalation(id, "JF_ADB", "DECISION_NO");
        assertEquals("DECISION", no.getString("step"));
        Api.as(JF_ADB).post("/api/v1/escalations/{id}/acknowledgement", no.getInt("id")).then().statusCode(200);

        Api.as(JF_ADB).body(Map.of("to", "THIRD_PARTY_REPAIR", "thirdParty", Map.of("name", "Helpdesk Dukcapil Pusat")))
                .post("/api/v1/tickets/{id}/transitions", id).then().statusCode(200);
        JsonPath thirdParty = escalation(id, "KABID", "THIRD_PARTY");
        assertTrue(thirdParty.get("acknowledgedAt") == null, "waits for the Kabid");
        Api.as(KABID).post("/api/v1/tickets/{id}/third-party/approval", id).then().statusCode(200);
        Api.as(KABID).get("/api/v1/escalations/{e}", thirdParty.getInt("id")).then()
                .body("acknowledgedBy", equalTo(KABID));
    }

    @Test
    void escalatesACriticalFindingOnADatabaseServerAtOnceAndOnlyOnce() {
        Agents.Registered db = Agents.register("siak-db-crit", "SIAK_DB");
        Agents.Registered app = Agents.register("siak-app-crit", "SIAK_APP");
        Instant t = Instant.now().minusSeconds(60);
        Agents.results(db, "oracle", "jdbc", t, "CRIT", "CRIT", "CRIT");
        Agents.results(app, "siak-web", "http", t, "CRIT", "CRIT", "CRIT");
        assertEquals(1, Sql.count(dataSource, "select count(*) from escalation where reason = 'CRITICAL_FINDING' "
                + "and recipient_role = 'KASI' and server_id = " + db.id()));
        assertEquals(0, Sql.count(dataSource, "select count(*) from escalation where reason = 'CRITICAL_FINDING' "
                + "and server_id = " + app.id()));
    }

    @Test
    void escalatesASilentAgentToTheAdbThenTheKasiAndResolvesWhenItReturns() {
        Agents.Registered server = Agents.register("ktpel-silent", "KTPEL");
        heartbeat(server);
        JsonPath adb = Await.value("a silent-agent escalation to the ADB", WAIT, () -> find("ADB", "AGENT_SILENT", server.id()));
        assertEquals(1, adb.getInt("level"));
        JsonPath kasi = Await.value("the silent agent moving up to the KASI", WAIT, () -> find("KASI", "AGENT_SILENT", server.id()));
        assertEquals(2, kasi.getInt("level"));
        heartbeat(server);
        Await.until("the escalation to resolve when the agent reports", WAIT, () -> Api.as(KASI)
                .get("/api/v1/escalations/{id}", kasi.getInt("id")).then().extract().path("resolvedAt") != null);
    }

    @Test
    void maintenanceWindowStopsTicketsEscalationsAndTheClock() {
        Agents.Registered server = Agents.register("siak-db-maint", "SIAK_DB");
        Instant end = Instant.now().plusSeconds(3600);
        Map<String, Object> window = Map.of("serverId", server.id(), "from", Instant.now().minusSeconds(60).toString(),
                "to", end.toString(), "reason", "Pembaruan SIAK dari pusat");
        Api.as(ADB).body(window).post("/api/v1/maintenance").then().statusCode(403);
        Api.as(KASI).body(Map.of("serverId", server.id(), "from", end.toString(), "to", Instant.now().toString(),
                "reason", "terbalik")).post("/api/v1/maintenance").then().statusCode(422);
        int windowId = Api.as(KASI).body(window).post("/api/v1/maintenance").then().statusCode(201)
                .body("active", equalTo(true)).extract().path("id");

        Agents.results(server, "oracle", "jdbc", Instant.now().minusSeconds(30), "CRIT", "CRIT", "CRIT");
        assertEquals(3, Sql.count(dataSource, "select count(*) from finding where server_id = " + server.id()));
        assertEquals(0, Sql.count(dataSource, "select count(*) from ticket where server_id = " + server.id()));
        assertEquals(0, Sql.count(dataSource, "select count(*) from escalation where server_id = " + server.id()));

        Map<String, Object> complaint = new HashMap<>(Api.complaint("SIAK lambat saat pembaruan"));
        complaint.put("serverId", server.id());
        long id = ((Number) Api.as(ADB).body(complaint).post("/api/v1/tickets").then().statusCode(201)
                .extract().path("id")).longValue();
        Api.move(ADB, id, "INSPECTION", "diterima");
        Instant due = Instant.parse(Api.as(ADB).get("/api/v1/tickets/{id}", id).then().extract().path("dueAt"));
        assertTrue(Duration.between(end, due).abs().toSeconds() <= 3, "the clock waits for the window's end: " + due);

        Api.as(KASI).delete("/api/v1/maintenance/{id}", windowId).then().statusCode(204);
        Instant started = Instant.parse(Api.as(ADB).get("/api/v1/tickets/{id}", id).then().extract().path("stepStartedAt"));
        Instant moved = Instant.parse(Api.as(ADB).get("/api/v1/tickets/{id}", id).then().extract().path("dueAt"));
        assertEquals(started.plusSeconds(2), moved, "without the window the step is due 2 s after it started");

        Agents.results(server, "oracle", "jdbc", Instant.now(), "CRIT", "CRIT");
        assertEquals(1, Sql.count(dataSource, "select count(*) from ticket where server_id = " + server.id()
                + " and check_key = 'oracle'"));
    }

    @Test
    void anAgentTicketsClockWaitsOutAMaintenanceWindowAheadOfIt() {
        Agents.Registered planned = Agents.register("siak-app-planned", "SIAK_APP");
        Agents.Registered control = Agents.register("siak-app-unplanned", "SIAK_APP");
        Instant from = Instant.now().plusSeconds(1);
        Api.as(KASI).body(Map.of("serverId", planned.id(), "from", from.toString(),
                "to", from.plusSeconds(3600).toString(), "reason", "Pembaruan terjadwal")).post("/api/v1/maintenance")
                .then().statusCode(201);

        Agents.results(planned, "siak-web", "http", Instant.now().minusSeconds(20), "CRIT", "CRIT");
        Agents.results(control, "siak-web", "http", Instant.now().minusSeconds(20), "CRIT", "CRIT");
        Instant planned0 = agentTicketDue(planned);
        Instant control0 = agentTicketDue(control);
        long waited = Duration.between(control0, planned0).toSeconds();
        assertTrue(waited >= 3590 && waited <= 3605,
                "the walked ticket's step is due an hour later when the hour is maintenance: " + waited + " s");
    }

    private Instant agentTicketDue(Agents.Registered server) {
        long id = Sql.count(dataSource, "select id from ticket where server_id = " + server.id());
        assertEquals("ANALYSIS", Api.as(ADB).get("/api/v1/tickets/{id}", id).then().extract().path("step"));
        return Instant.parse(Api.as(ADB).get("/api/v1/tickets/{id}", id).then().extract().path("dueAt"));
    }

    @Test
    void attachesFailuresBehindAFailingDataCentreLinkToOneTicket() {
        Agents.Registered server = Agents.register("siak-app-link", "SIAK_APP");
        Instant t = Instant.now().minusSeconds(120);
        for (int cycle = 0; cycle < 3; cycle++) {
            Instant at = t.plusSeconds(cycle * 10L);
            Agents.post(server, List.of(
                    Agents.finding("dc-link", "reachability", "CRIT", "pusat tidak terjangkau", at),
                    dependent("siak-web", "http", "CRIT", at),
                    dependent("sync-pusat", "tcp", "CRIT", at))).statusCode(200);
        }
        assertEquals(1, Sql.count(dataSource, "select count(*) from ticket where server_id = " + server.id()));
        long linkTicket = Sql.count(dataSource, "select id from ticket where server_id = " + server.id()
                + " and check_key = 'dc-link'");
        List<String> inhibited = Api.as(ADB).get("/api/v1/tickets/{id}/evidence", linkTicket).then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.kind == 'INHIBITED' }.check");
        assertTrue(inhibited.contains("siak-web") && inhibited.contains("sync-pusat"), inhibited.toString());

        for (int cycle = 3; cycle < 6; cycle++) {
            Instant at = t.plusSeconds(cycle * 10L);
            Agents.post(server, List.of(Agents.finding("dc-link", "reachability", "OK", "pusat terjangkau", at),
                    dependent("siak-web", "http", "CRIT", at), dependent("sync-pusat", "tcp", "OK", at))).statusCode(200);
        }
        assertEquals(1, Sql.count(dataSource, "select count(*) from ticket where server_id = " + server.id()
                + " and check_key = 'siak-web'"), "with the link back, a failing check gets its own ticket");
    }

    @Test
    void sendsTheKabidOneDailyDigestOfOpenEscalations() throws Exception {
        long id = Api.newTicket("Digest");
        Api.move(ADB, id, "INSPECTION", "diterima");
        escalation(id, "KASI", "STEP_OVERDUE");
        sweep.dailyDigest();
        sweep.dailyDigest();
        MimeMessage digest = mailTo(KABID + "@siaga.test", "Ringkasan eskalasi");
        assertTrue(String.valueOf(digest.getContent()).contains(String.valueOf(number(id))));
        Await.sleep(2500);
        long digests = Arrays.stream(mail.getReceivedMessages()).filter(m -> subject(m).contains("Ringkasan eskalasi")).count();
        assertEquals(1, digests, "one digest per day");
    }

    @Test
    void countsEscalationsInTheMetrics() {
        long id = Api.newTicket("metrics");
        Api.move(ADB, id, "INSPECTION", "diterima");
        escalation(id, "KASI", "STEP_OVERDUE");
        String metrics = Api.admin().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("siaga_escalations_made_total{level=\"1\",reason=\"STEP_OVERDUE\"}"), metrics);
        assertTrue(metrics.contains("siaga_steps_overdue "), "open overdue steps gauge");
    }

    private static Map<String, Object> dependent(String check, String kind, String status, Instant at) {
        Map<String, Object> f = new HashMap<>(Agents.finding(check, kind, status, check + " " + status, at));
        f.put("dependsOn", "dc-link");
        return f;
    }

    private static void heartbeat(Agents.Registered server) {
        Map<String, Object> beat = new HashMap<>(Agents.finding("agent", "heartbeat", "OK", null, Instant.now()));
        beat.put("measurements", Map.of("intervalSeconds", 1.0));
        Agents.post(server, List.of(beat)).statusCode(200);
    }

    private static JsonPath escalation(long ticketId, String recipient, String reason) {
        return Await.value(reason + " escalation to " + recipient, WAIT, () -> {
            JsonPath page = Api.as(recipient.equals("JF_ADB") ? JF_ADB : KABID).queryParam("ticketId", ticketId)
                    .queryParam("recipient", recipient).get("/api/v1/escalations").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            return items.stream().filter(e -> reason.equals(e.get("reason"))).findFirst()
                    .map(e -> new JsonPath(toJson(e))).orElse(null);
        });
    }

    private static JsonPath find(String recipient, String reason, long serverId) {
        List<Map<String, Object>> items = Api.as(KABID).queryParam("recipient", recipient).get("/api/v1/escalations")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(e -> reason.equals(e.get("reason")) && ((Number) e.get("serverId")).longValue() == serverId)
                .findFirst().map(e -> new JsonPath(toJson(e))).orElse(null);
    }

    private static String toJson(Map<String, Object> map) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(map);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String number(long ticketId) {
        return Api.as(ADB).get("/api/v1/tickets/{id}", ticketId).then().extract().path("number");
    }

    private MimeMessage mailTo(String address, String subjectPart) {
        return Await.value("an e-mail to " + address + " about " + subjectPart, WAIT, () -> Arrays.stream(mail.getReceivedMessages())
                .filter(m -> subject(m).contains(subjectPart) && recipients(m).contains(address)).findFirst().orElse(null));
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject() == null ? "" : m.getSubject();
        } catch (MessagingException e) {
            return "";
        }
    }

    private static String recipients(MimeMessage m) {
        try {
            return Arrays.toString(m.getRecipients(Message.RecipientType.TO));
        } catch (MessagingException e) {
            return "";
        }
    }
}
