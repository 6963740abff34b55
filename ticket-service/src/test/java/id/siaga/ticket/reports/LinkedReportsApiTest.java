package id.siaga.ticket.reports;

import id.siaga.ticket.support.Agents;
import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Pages;
import id.siaga.ticket.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Further complaints recorded on an open ticket (linked reports) through the API: what is recorded and shown, the
 * audit trail, the monthly count, who may record one, the open tickets a complaint may be about, cancelling a
 * ticket as a duplicate (its reports move), and every refusal writing nothing.
 */
@QuarkusTest
class LinkedReportsApiTest {

    private static final Pattern TILE = Pattern.compile("id=\"linked-reports\"><span class=\"tile-number\">(\\d+)<");

    @Inject
    DataSource dataSource;

    @Test
    void recordsALinkedReportShownOnTheTicketInTheAuditTrailAndTheMonthlyReport() {
        long id = Api.newTicket("SIAK mati di seluruh kecamatan");
        long csvBefore = Linked.monthlyCsvCount();
        long pageBefore = monthlyTile();
        long tickets = Sql.count(dataSource, "select count(*) from ticket");

        JsonPath report = Api.as(Api.ADB).body(Linked.report("Operator Kecamatan Lunang"))
                .post("/api/v1/tickets/{id}/reports", id).then().statusCode(201)
                .body("source", equalTo("PHONE")).body("reporterName", equalTo("Operator Kecamatan Lunang"))
                .body("reporterContact", equalTo("0812-1111-2222"))
                .body("note", equalTo("SIAK juga tidak bisa dibuka di kantor kami"))
                .body("receivedAt", notNullValue()).body("recordedBy", equalTo(Api.ADB))
                .body("originTicketId", equalTo((int) id)).extract().jsonPath();

        Api.as(Api.VIEWER).get("/api/v1/tickets/{id}", id).then().statusCode(200)
                .body("reports", hasSize(1)).body("reports[0].id", equalTo(report.getInt("id")))
                .body("reports[0].reporterName", equalTo("Operator Kecamatan Lunang"))
                .body("reports[0].reporterContact", equalTo("0812-1111-2222"))
                .body("reports[0].recordedBy", equalTo(Api.ADB))
                .body("duplicateOf", nullValue())
                .body("step", equalTo("COMPLAINT_RECEIVED")).body("steps", hasSize(1));
        Api.as(Api.VIEWER).get("/api/v1/tickets/{id}/reports", id).then().statusCode(200).body("", hasSize(1))
                .body("[0].note", equalTo("SIAK juga tidak bisa dibuka di kantor kami"));
        JsonPath events = Api.as(Api.VIEWER).get("/api/v1/tickets/{id}/events", id).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("CREATED", "REPORT_LINKED"), events.getList("type"));
        assertEquals(Api.ADB, events.getString("[1].actor"));
        assertTrue(events.getString("[1].note").contains("Operator Kecamatan Lunang"), events.getString("[1].note"));
        assertFalse(events.getString("[1].note").contains("0812"), "the contact stays out of the audit trail");

        assertEquals(tickets, Sql.count(dataSource, "select count(*) from ticket"), "no new ticket");
        assertEquals(csvBefore + 1, Linked.monthlyCsvCount());
        assertEquals(pageBefore + 1, monthlyTile());
    }

    @Test
    void everyRoleFromTheAdbUpMayLinkAReportAndNoOtherMay() {
        long id = Api.newTicket("peran laporan terkait");
        for (String role : List.of(Api.ADB, Api.JF_ADB, Api.KASI, Api.KABID)) {
            Api.as(role).body(Linked.report("Pelapor " + role)).post("/api/v1/tickets/{id}/reports", id).then()
                    .statusCode(201).body("recordedBy", equalTo(role));
        }
        long written = reports(id);
        long events = events(id);
        Api.as(Api.VIEWER).body(Linked.report("x")).post("/api/v1/tickets/{id}/reports", id).then().statusCode(403)
                .contentType("application/problem+json");
        Api.admin().body(Linked.report("x")).post("/api/v1/tickets/{id}/reports", id).then().statusCode(403);
        Api.anonymous().body(Linked.report("x")).post("/api/v1/tickets/{id}/reports", id).then().statusCode(401);
        assertEquals(4, written);
        assertEquals(written, reports(id));
        assertEquals(events, events(id));
        Api.as(Api.VIEWER).get("/api/v1/tickets/{id}/reports", id).then().statusCode(200).body("", hasSize(4));
        Api.anonymous().get("/api/v1/tickets/{id}/reports", id).then().statusCode(401);
    }

    @Test
    void refusesBadInputAndTicketsThatAreNotOpenWritingNothing() {
        long id = Api.newTicket("masukan buruk laporan terkait");
        long closed = Linked.closedTicket("tiket selesai untuk laporan");
        long cancelled = Linked.cancelledTicket("tiket batal untuk laporan");
        long all = Sql.count(dataSource, "select count(*) from ticket_report");
        long allEvents = Sql.count(dataSource, "select count(*) from ticket_event");

        Api.as(Api.ADB).body(Linked.report("x")).post("/api/v1/tickets/{id}/reports", 987654321L).then().statusCode(404)
                .contentType("application/problem+json");
        refused(id, 400, b -> b.remove("source"));
        refused(id, 400, b -> b.put("source", "phone"));
        refused(id, 400, b -> b.put("source", "TELEGRAM"));
        refused(id, 400, b -> b.put("source", 1));
        refused(id, 422, b -> b.put("source", "AGENT"));
        refused(id, 400, b -> b.remove("reporterName"));
        refused(id, 400, b -> b.put("reporterName", "   "));
        refused(id, 400, b -> b.put("reporterName", "n".repeat(201)));
        refused(id, 400, b -> b.put("reporterContact", "c".repeat(201)));
        refused(id, 400, b -> b.put("note", "n".repeat(4001)));
        refused(id, 400, b -> b.put("note", 5));
        Api.as(Api.ADB).body("{\"source\":\"PHONE\",\"reporterName\":\"a\",\"reporterName\":\"b\"}")
                .post("/api/v1/tickets/{id}/reports", id).then().statusCode(400);
        Api.as(Api.ADB).body("{\"source\":\"PHONE\",").post("/api/v1/tickets/{id}/reports", id).then().statusCode(400);
        Api.as(Api.ADB).body("").post("/api/v1/tickets/{id}/reports", id).then().statusCode(400);
        Api.as(Api.ADB).body(Linked.report("x")).post("/api/v1/tickets/{id}/reports", closed).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("closed"));
        Api.as(Api.ADB).body(Linked.report("x")).post("/api/v1/tickets/{id}/reports", cancelled).then().statusCode(409)
                .body("detail", containsString("cancelled"));

        assertEquals(all, Sql.count(dataSource, "select count(*) from ticket_report"));
        assertEquals(allEvents, Sql.count(dataSource, "select count(*) from ticket_event"));
        Api.as(Api.ADB).body(Map.of("source", "WALK_IN", "reporterName", "Hanya nama"))
                .post("/api/v1/tickets/{id}/reports", id).then().statusCode(201)
                .body("reporterContact", nullValue()).body("note", nullValue());
    }

    @Test
    void listsTheOpenTicketsAboutTheServerOrTheApplication() {
        Agents.Registered server = Agents.register("ktpel-related", "KTPEL");
        Map<String, Object> complaint = new HashMap<>(Api.complaint("KTP-el gagal rekam di server"));
        complaint.put("serverId", server.id());
        complaint.put("application", "KTP_EL");
        long aboutServer = ((Number) Api.as(Api.ADB).body(complaint).post("/api/v1/tickets").then().statusCode(201)
                .extract().path("id")).longValue();
        Map<String, Object> other = new HashMap<>(Api.complaint("aplikasi lain"));
        other.put("application", "OTHER");
        long otherApplication = ((Number) Api.as(Api.ADB).body(other).post("/api/v1/tickets").then().statusCode(201)
                .extract().path("id")).longValue();
        long cancelled = Linked.cancelledTicket("SIAK batal, bukan terkait");

        List<Integer> byServer = Api.as(Api.VIEWER).queryParam("serverId", server.id()).get("/api/v1/tickets/related")
                .then().statusCode(200).extract().jsonPath().getList("id");
        assertEquals(List.of((int) aboutServer), byServer);
        List<Integer> byApplication = Api.as(Api.ADB).queryParam("application", "KTP_EL").get("/api/v1/tickets/related")
                .then().statusCode(200).extract().jsonPath().getList("id");
        assertTrue(byApplication.contains((int) aboutServer), byApplication.toString());
        List<Integer> siak = Api.as(Api.ADB).queryParam("application", "SIAK").get("/api/v1/tickets/related")
                .then().statusCode(200).extract().jsonPath().getList("id");
        assertFalse(siak.contains((int) aboutServer) || siak.contains((int) otherApplication)
                || siak.contains((int) cancelled), siak.toString());
        Api.as(Api.ADB).queryParam("application", "OTHER").get("/api/v1/tickets/related").then().statusCode(200)
                .body("", hasSize(0));
        Api.as(Api.ADB).queryParam("application", "siak-x").get("/api/v1/tickets/related").then().statusCode(400)
                .contentType("application/problem+json");
        Api.as(Api.ADB).queryParam("serverId", "abc").get("/api/v1/tickets/related").then().statusCode(400);
        Api.anonymous().get("/api/v1/tickets/related").then().statusCode(401);
    }

    @Test
    void cancellingAsADuplicateMovesItsReportsAndItsComplaintToTheSurvivingTicket() {
        long survivor = Api.newTicket("SIAK Lengayang mati (pertama)");
        long duplicate = Api.newTicket("SIAK Lengayang mati (telepon kedua)");
        long onSurvivor = Linked.link(survivor, "Operator Lengayang");
        long first = Linked.link(duplicate, "Operator Koto XI");
        long second = Linked.link(duplicate, "Operator Batang Kapas");
        long month = Linked.monthlyCsvCount();
        JsonPath before = Api.as(Api.ADB).get("/api/v1/tickets/{id}", duplicate).then().extract().jsonPath();

        Api.as(Api.KASI).body(Map.of("to", "CANCELLED", "note", "Duplikat", "duplicateOf", survivor))
                .post("/api/v1/tickets/{id}/transitions", duplicate).then().statusCode(200)
                .body("state", equalTo("CANCELLED")).body("duplicateOf", equalTo((int) survivor))
                .body("reports", hasSize(0)).body("cancelReason", equalTo("Duplikat"));

        JsonPath after = Api.as(Api.VIEWER).get("/api/v1/tickets/{id}", survivor).then().statusCode(200)
                .body("state", equalTo("OPEN")).body("duplicateOf", nullValue()).extract().jsonPath();
        // oldest first: the duplicate's own complaint was received before any of the linked calls
        assertEquals(4, after.getList("reports").size());
        assertEquals(List.of((int) onSurvivor, (int) first, (int) second), after.getList("reports.id").subList(1, 4));
        assertEquals(List.of((int) duplicate, (int) survivor, (int) duplicate, (int) duplicate),
                after.getList("reports.originTicketId"));
        Map<String, Object> complaint = after.getMap("reports[0]");
        assertEquals("PHONE", complaint.get("source"));
        assertEquals("Operator Kecamatan Lengayang", complaint.get("reporterName"));
        assertEquals("0812-0000-0000", complaint.get("reporterContact"));
        assertEquals("SIAK Lengayang mati (telepon kedua) — Aplikasi SIAK tidak bisa dibuka di kecamatan", complaint.get("note"));
        assertEquals(Api.ADB, complaint.get("recordedBy"));
        assertEquals(before.getString("createdAt"), complaint.get("receivedAt"));

        List<String> duplicateEvents = Api.as(Api.VIEWER).get("/api/v1/tickets/{id}/events", duplicate).then()
                .extract().jsonPath().getList("type");
        assertEquals(List.of("CREATED", "REPORT_LINKED", "REPORT_LINKED", "CANCELLED", "MARKED_DUPLICATE"), duplicateEvents);
        JsonPath survivorEvents = Api.as(Api.VIEWER).get("/api/v1/tickets/{id}/events", survivor).then().extract().jsonPath();
        assertEquals(List.of("CREATED", "REPORT_LINKED", "DUPLICATE_MERGED"), survivorEvents.getList("type"));
        assertTrue(survivorEvents.getString("[2].note").contains(before.getString("number")));
        assertTrue(survivorEvents.getString("[2].note").contains("3 report(s)"), survivorEvents.getString("[2].note"));
        assertEquals(Api.KASI, survivorEvents.getString("[2].actor"));
        assertEquals(month + 1, Linked.monthlyCsvCount(), "the duplicate's own complaint is a linked report now");

        long agentLike = Api.newTicket("dibatalkan Kabid sebagai duplikat");
        Api.as(Api.KABID).body(Map.of("to", "CANCELLED", "reason", "Duplikat", "duplicateOf", survivor))
                .post("/api/v1/tickets/{id}/transitions", agentLike).then().statusCode(200)
                .body("duplicateOf", equalTo((int) survivor));
        Api.as(Api.VIEWER).get("/api/v1/tickets/{id}", survivor).then().body("reports", hasSize(5));
    }

    @Test
    void refusesDuplicatesThatCannotBeAndWritesNothing() {
        long duplicate = Api.newTicket("calon duplikat");
        Linked.link(duplicate, "Operator Ranah Pesisir");
        long survivor = Api.newTicket("tiket yang bertahan");
        long closed = Linked.closedTicket("tiket selesai untuk duplikat");
        long cancelled = Linked.cancelledTicket("tiket batal untuk duplikat");
        long alreadyDuplicate = Api.newTicket("sudah duplikat");
        Api.as(Api.KASI).body(Map.of("to", "CANCELLED", "note", "Duplikat", "duplicateOf", survivor))
                .post("/api/v1/tickets/{id}/transitions", alreadyDuplicate).then().statusCode(200);
        long all = Sql.count(dataSource, "select count(*) from ticket_report");
        long allEvents = Sql.count(dataSource, "select count(*) from ticket_event");

        cancel(Api.ADB, duplicate, survivor).statusCode(403).contentType("application/problem+json");
        cancel(Api.KASI, duplicate, duplicate).statusCode(422).body("detail", containsString("itself"));
        cancel(Api.KASI, duplicate, 987654321L).statusCode(422).body("detail", containsString("987654321"));
        cancel(Api.KASI, duplicate, closed).statusCode(409).body("detail", containsString("closed"));
        cancel(Api.KASI, duplicate, cancelled).statusCode(409).body("detail", containsString("cancelled"));
        cancel(Api.KABID, duplicate, alreadyDuplicate).statusCode(409).body("detail", containsString("itself a duplicate"));
        cancel(Api.KASI, 987654321L, survivor).statusCode(404);
        Api.as(Api.ADB).body(Map.of("to", "INSPECTION", "output", "ok", "duplicateOf", survivor))
                .post("/api/v1/tickets/{id}/transitions", duplicate).then().statusCode(422)
                .body("detail", containsString("CANCELLED"));
        for (Object bad : new Object[] {0, -3, "5", 1.5, true}) {
            Api.as(Api.KASI).body(Map.of("to", "CANCELLED", "note", "Duplikat", "duplicateOf", bad))
                    .post("/api/v1/tickets/{id}/transitions", duplicate).then().statusCode(400);
        }
        Api.as(Api.KASI).body(Map.of("to", "CANCELLED", "note", "Duplikat", "duplicateOf", survivor))
                .post("/api/v1/tickets/{id}/transitions", closed).then().statusCode(409);

        assertEquals(all, Sql.count(dataSource, "select count(*) from ticket_report"));
        assertEquals(allEvents, Sql.count(dataSource, "select count(*) from ticket_event"));
        Api.as(Api.VIEWER).get("/api/v1/tickets/{id}", duplicate).then().body("state", equalTo("OPEN"))
                .body("duplicateOf", nullValue()).body("reports", hasSize(1)).body("step", equalTo("COMPLAINT_RECEIVED"));
        Api.as(Api.VIEWER).get("/api/v1/tickets/{id}", survivor).then().body("reports", hasSize(1));
    }

    private static io.restassured.response.ValidatableResponse cancel(String role, long id, long duplicateOf) {
        return Api.as(role).body(Map.of("to", "CANCELLED", "note", "Duplikat", "duplicateOf", duplicateOf))
                .post("/api/v1/tickets/{id}/transitions", id).then();
    }

    private void refused(long id, int status, Consumer<Map<String, Object>> change) {
        Map<String, Object> body = Linked.report("Pelapor");
        change.accept(body);
        Api.as(Api.ADB).body(body).post("/api/v1/tickets/{id}/reports", id).then().statusCode(status)
                .contentType("application/problem+json");
    }

    private long reports(long ticketId) {
        return Sql.count(dataSource, "select count(*) from ticket_report where ticket_id = " + ticketId);
    }

    private long events(long ticketId) {
        return Sql.count(dataSource, "select count(*) from ticket_event where ticket_id = " + ticketId);
    }

    private static long monthlyTile() {
        String html = Pages.signIn(Api.VIEWER).get("/laporan/bulanan").then().statusCode(200).extract().asString();
        Matcher m = TILE.matcher(html);
        assertTrue(m.find(), "the monthly page shows the linked reports");
        return Long.parseLong(m.group(1));
    }
}
