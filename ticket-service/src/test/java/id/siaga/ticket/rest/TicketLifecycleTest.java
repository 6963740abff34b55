package id.siaga.ticket.rest;

import id.siaga.ticket.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static id.siaga.ticket.support.Api.ADB;
import static id.siaga.ticket.support.Api.JF_ADB;
import static id.siaga.ticket.support.Api.KABID;
import static id.siaga.ticket.support.Api.KASI;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tickets walked through the whole SOP by the people who own each step. */
@QuarkusTest
class TicketLifecycleTest {

    private static final String YEAR = String.valueOf(Year.now(ZoneId.of("Asia/Jakarta")).getValue());

    @Test
    void walksTheYesPathToClosedWithAnAgendaNumber() {
        long id = Api.newTicket("SIAK tidak bisa dibuka di Kecamatan Lengayang");
        Api.move(ADB, id, "INSPECTION", "Keluhan diterima via telepon");
        Api.move(ADB, id, "FUNCTION_CHECK", "Tampilan SIAK: HTTP 500 di halaman login");
        Api.move(ADB, id, "ANALYSIS", "Login gagal, layanan database tidak menjawab");
        Api.move(ADB, id, "REPAIR", "Kesimpulan: listener database mati setelah pemadaman listrik");
        Api.move(ADB, id, "SOFTWARE_CHECK", "Listener dinyalakan ulang");
        Api.move(ADB, id, "DECISION", "Login SIAK berhasil dari kecamatan");
        Api.as(ADB).body(Map.of("to", "REPORT_TO_KABID", "output", "Ya, software berfungsi"))
                .post("/api/v1/tickets/{id}/transitions", id).then().statusCode(200)
                .body("step", equalTo("REPORT_TO_KABID")).body("decision", equalTo("YES"))
                .body("allowedNext", equalTo(List.of()));
        Api.as(ADB).body(Map.of("to", "AGENDA")).post("/api/v1/tickets/{id}/transitions", id).then().statusCode(403)
                .contentType("application/problem+json");
        Api.move(KABID, id, "AGENDA", "Laporan kerusakan software diterima Kabid");
        JsonPath closed = Api.as(KASI).body(Map.of("to", "CLOSED", "output", "Dicatat dalam agenda"))
                .post("/api/v1/tickets/{id}/transitions", id).then().statusCode(200)
                .body("step", equalTo("CLOSED"))
                .body("state", equalTo("CLOSED"))
                .body("open", equalTo(false))
                .body("endState", equalTo("Software berjalan dengan baik"))
                .body("agendaNumber", matchesPattern("\\d{3}/PIAK/" + YEAR))
                .body("closedAt", notNullValue())
                .body("dueAt", nullValue())
                .body("allowedNext", equalTo(List.of()))
                .extract().jsonPath();

        List<Map<String, Object>> steps = closed.getList("steps");
        List<String> codes = steps.stream().map(s -> (String) s.get("code")).toList();
        assertEquals(List.of("COMPLAINT_RECEIVED", "INSPECTION", "FUNCTION_CHECK", "ANALYSIS", "REPAIR",
                "SOFTWARE_CHECK", "DECISION", "REPORT_TO_KABID", "AGENDA"), codes);
        for (Map<String, Object> step : steps) {
            assertNotNull(step.get("startedAt"), "startedAt of " + step.get("code"));
            assertNotNull(step.get("endedAt"), "endedAt of " + step.get("code"));
            assertNotNull(step.get("actor"), "actor of " + step.get("code"));
            assertTrue(Instant.parse((String) step.get("endedAt")).compareTo(Instant.parse((String) step.get("startedAt"))) >= 0);
            assertEquals(false, step.get("overdue"));
        }
        assertEquals(ADB, steps.get(0).get("actor"));
        assertEquals(KABID, steps.get(7).get("actor"));
        assertEquals(KASI, steps.get(8).get("actor"));
        assertEquals("Keluhan diterima via telepon", steps.get(0).get("output"));
        assertEquals("Kesimpulan: listener database mati setelah pemadaman listrik", steps.get(3).get("output"));
        assertNull(steps.get(0).get("dueAt"), "step 1 has no time standard");
        Map<String, Object> inspection = steps.get(1);
        assertEquals("PT30M", inspection.get("maxDuration"));
        assertEquals(Duration.ofMinutes(30), Duration.between(Instant.parse((String) inspection.get("startedAt")),
                Instant.parse((String) inspection.get("dueAt"))));
        assertEquals(Duration.ofHours(5), Duration.between(Instant.parse((String) steps.get(4).get("startedAt")),
                Instant.parse((String) steps.get(4).get("dueAt"))));

        JsonPath events = Api.as(Api.VIEWER).get("/api/v1/tickets/{id}/events", id).then().statusCode(200)
                .body("$", hasSize(10)).extract().jsonPath();
        assertEquals("CREATED", events.getString("[0].type"));
        assertEquals("COMPLAINT_RECEIVED", events.getString("[0].toStep"));
        assertEquals(ADB, events.getString("[0].actor"));
        assertEquals("TRANSITION", events.getString("[7].type"));
        assertEquals("DECISION", events.getString("[7].fromStep"));
        assertEquals("REPORT_TO_KABID", events.getString("[7].toStep"));
        assertEquals("CLOSED", events.getString("[9].type"));
        assertEquals(KASI, events.getString("[9].actor"));
        assertEquals("AGENDA", events.getString("[9].fromStep"));
        assertEquals("CLOSED", events.getString("[9].toStep"));
        assertTrue(events.getString("[9].note").contains(closed.getString("agendaNumber")));
        for (int i = 0; i < 10; i++) {
            assertNotNull(events.getString("[" + i + "].at"));
        }
    }

    @Test
    void walksTheNoPathThroughAnotherRoundAndAThirdPartyRepairToClosed() {
        long id = Api.newTicket("Perekaman KTP-el gagal: biometrik tidak terkirim");
        walkToDecision(id);
        Api.as(ADB).body(Map.of("to", "REPORT_TO_JF_ADB", "output", "Tidak, pengiriman masih gagal"))
                .post("/api/v1/tickets/{id}/transitions", id).then().statusCode(200)
                .body("decision", equalTo("NO")).body("step", equalTo("REPORT_TO_JF_ADB"));
        Api.as(ADB).body(Map.of("to", "ANALYSIS")).post("/api/v1/tickets/{id}/transitions", id).then().statusCode(403);
        Api.as(JF_ADB).body(Map.of("to", "ANALYSIS", "output", "Laporan kerusakan software: ulangi analisis"))
                .post("/api/v1/tickets/{id}/transitions", id).then().statusCode(200)
                .body("round", equalTo(2)).body("step", equalTo("ANALYSIS"));
        Api.move(ADB, id, "REPAIR", "Kesimpulan: sertifikat klien kedaluwarsa");
        Api.move(ADB, id, "SOFTWARE_CHECK", "Sertifikat tidak dapat diperbarui dari daerah");
        Api.move(ADB, id, "DECISION", "Masih gagal");
        Api.move(ADB, id, "REPORT_TO_JF_ADB", "Tidak");

        Api.as(JF_ADB).body(Map.of("to", "THIRD_PARTY_REPAIR", "output", "Perlu pihak ketiga"))
                .post("/api/v1/tickets/{id}/transitions", id).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("thirdParty.name"));
        Api.as(Api.VIEWER).get("/api/v1/tickets/{id}", id).then().body("step", equalTo("REPORT_TO_JF_ADB"));

        Api.as(JF_ADB).body(Map.of("to", "THIRD_PARTY_REPAIR", "output", "Laporan kerusakan software ke pusat",
                        "thirdParty", Map.of("name", "Helpdesk Ditjen Dukcapil", "contact", "helpdesk@dukcapil.go.id",
                                "reference", "HD-2026-4411")))
                .post("/api/v1/tickets/{id}/transitions", id).then().statusCode(200)
                .body("step", equalTo("THIRD_PARTY_REPAIR"))
                .body("dueAt", nullValue())
                .body("thirdParty.name", equalTo("Helpdesk Ditjen Dukcapil"))
                .body("thirdParty.contact", equalTo("helpdesk@dukcapil.go.id"))
                .body("thirdParty.reference", equalTo("HD-2026-4411"))
                .body("thirdParty.contactedAt", notNullValue())
                .body("thirdParty.repairedAt", nullValue())
                .body("thirdParty.approvedBy", nullValue());

        Api.as(JF_ADB).post("/api/v1/tickets/{id}/third-party/approval", id).then().statusCode(403);
        Api.as(KABID).body(Map.of("note", "Disetujui")).post("/api/v1/tickets/{id}/third-party/approval", id)
                .then().statusCode(200).body("thirdParty.approvedBy", equalTo(KABID))
                .body("thirdParty.approvedAt", notNullValue());
        Api.as(KABID).post("/api/v1/tickets/{id}/third-party/approval", id).then().statusCode(409);

        Api.as(ADB).body(Map.of("to", "SOFTWARE_CHECK")).post("/api/v1/tickets/{id}/transitions", id).then().statusCode(403);
        Api.as(KABID).body(Map.of("to", "SOFTWARE_CHECK", "output", "Pusat memperbarui sertifikat"))
                .post("/api/v1/tickets/{id}/transitions", id).then().statusCode(200)
                .body("step", equalTo("SOFTWARE_CHECK"))
                .body("thirdParty.repairedAt", notNullValue());
        Api.move(ADB, id, "DECISION", "Pengiriman biometrik berhasil");
        Api.move(ADB, id, "REPORT_TO_KABID", "Ya");
        Api.move(KABID, id, "AGENDA", "Laporan diterima");
        JsonPath closed = Api.as(KABID).body(Map.of("to", "CLOSED")).post("/api/v1/tickets/{id}/transitions", id)
                .then().statusCode(200)
                .body("state", equalTo("CLOSED"))
                .body("decision", equalTo("YES"))
                .body("agendaNumber", matchesPattern("\\d{3}/PIAK/" + YEAR))
                .extract().jsonPath();

        List<String> codes = closed.getList("steps.code");
        assertEquals(List.of("COMPLAINT_RECEIVED", "INSPECTION", "FUNCTION_CHECK", "ANALYSIS", "REPAIR", "SOFTWARE_CHECK",
                "DECISION", "REPORT_TO_JF_ADB", "ANALYSIS", "REPAIR", "SOFTWARE_CHECK", "DECISION", "REPORT_TO_JF_ADB",
                "THIRD_PARTY_REPAIR", "SOFTWARE_CHECK", "DECISION", "REPORT_TO_KABID", "AGENDA"), codes);
        assertEquals(KABID, closed.getString("steps[13].actor"));
        assertNull(closed.get("steps[13].dueAt"), "the third-party step's clock is paused");

        List<String> types = Api.as(ADB).get("/api/v1/tickets/{id}/events", id).then().statusCode(200)
                .extract().jsonPath().getList("type");
        assertEquals(1, types.stream().filter("THIRD_PARTY_APPROVED"::equals).count());
        assertEquals(1, types.stream().filter("CREATED"::equals).count());
        assertEquals(1 + codes.size() + 1, types.size(), "the creation, one event per move (17 between steps and the close), and the approval");
    }

    @Test
    void givesConsecutiveAgendaNumbers() {
        String first = closeQuickly("agenda satu");
        String second = closeQuickly("agenda dua");
        int a = Integer.parseInt(first.substring(0, 3));
        int b = Integer.parseInt(second.substring(0, 3));
        assertEquals(a + 1, b, first + " then " + second);
    }

    @Test
    void listsClosedTicketsInTheAgendaRegisterOfTheYear() {
        String number = closeQuickly("agenda register");
        Api.as(Api.VIEWER).queryParam("year", YEAR).get("/api/v1/agenda").then().statusCode(200)
                .body("year", equalTo(Integer.parseInt(YEAR)))
                .body("items.find { it.agendaNumber == '" + number + "' }.recordedBy", equalTo(KASI))
                .body("items.find { it.agendaNumber == '" + number + "' }.ticketNumber", matchesPattern("SIAGA-" + YEAR + "-\\d{6}"));
        List<String> numbers = Api.as(Api.VIEWER).get("/api/v1/agenda").then().statusCode(200).extract().jsonPath()
                .getList("items.agendaNumber");
        assertEquals(numbers.stream().sorted().toList(), numbers, "in agenda-number order");
        Api.as(Api.VIEWER).queryParam("year", "last year").get("/api/v1/agenda").then().statusCode(400)
                .body("errors[0].field", equalTo("year"));
        Api.as(Api.VIEWER).queryParam("year", 2001).get("/api/v1/agenda").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void letsAKasiCancelWithAReasonButNotAnAdb() {
        long id = Api.newTicket("Laporan ganda");
        Api.as(ADB).body(Map.of("to", "CANCELLED", "note", "duplikat")).post("/api/v1/tickets/{id}/transitions", id)
                .then().statusCode(403);
        Api.as(KASI).body(Map.of("to", "CANCELLED")).post("/api/v1/tickets/{id}/transitions", id)
                .then().statusCode(422).body("errors[0].field", equalTo("note"));
        Api.as(KASI).get("/api/v1/tickets/{id}", id).then().body("allowedNext", equalTo(List.of("INSPECTION", "CANCELLED")));
        Api.as(KASI).body(Map.of("to", "CANCELLED", "reason", "Duplikat dari tiket sebelumnya"))
                .post("/api/v1/tickets/{id}/transitions", id).then().statusCode(200)
                .body("state", equalTo("CANCELLED")).body("step", equalTo("CANCELLED"))
                .body("open", equalTo(false)).body("cancelReason", equalTo("Duplikat dari tiket sebelumnya"))
                .body("agendaNumber", nullValue()).body("endState", nullValue());
        Api.as(KABID).body(Map.of("to", "INSPECTION")).post("/api/v1/tickets/{id}/transitions", id)
                .then().statusCode(409).body("allowed", equalTo(List.of()));
        Api.as(ADB).get("/api/v1/tickets/{id}/events", id).then().body("type", equalTo(List.of("CREATED", "CANCELLED")))
                .body("[1].note", equalTo("Duplikat dari tiket sebelumnya")).body("[1].actor", equalTo(KASI));
    }

    @Test
    void showsEachCallerOnlyTheMovesTheirRoleAllows() {
        long id = Api.newTicket("allowedNext");
        Api.as(ADB).get("/api/v1/tickets/{id}", id).then().body("allowedNext", equalTo(List.of("INSPECTION")));
        Api.as(Api.VIEWER).get("/api/v1/tickets/{id}", id).then().body("allowedNext", equalTo(List.of()));
        Api.admin().get("/api/v1/tickets/{id}", id).then().body("allowedNext", equalTo(List.of()));
        Api.as(KABID).get("/api/v1/tickets/{id}", id).then().body("allowedNext", equalTo(List.of("INSPECTION", "CANCELLED")));
    }

    @Test
    void listsTicketsWithFiltersAndPages() {
        long a = Api.newTicket("filter a");
        long b = Api.newTicket("filter b");
        Api.move(ADB, b, "INSPECTION", null);
        Api.as(Api.VIEWER).queryParam("step", "INSPECTION").queryParam("size", 200).get("/api/v1/tickets").then()
                .statusCode(200)
                .body("items.find { it.id == " + b + " }.step", equalTo("INSPECTION"))
                .body("items.find { it.id == " + a + " }", nullValue())
                .body("page", equalTo(0)).body("size", equalTo(200));
        JsonPath firstPage = Api.as(Api.VIEWER).queryParam("size", 1).queryParam("open", true).get("/api/v1/tickets")
                .then().statusCode(200).body("items", hasSize(1)).extract().jsonPath();
        assertTrue(firstPage.getLong("total") >= 2);
        assertEquals(b, firstPage.getLong("items[0].id"), "newest first");
        Api.as(Api.VIEWER).queryParam("size", 1).queryParam("page", 1).get("/api/v1/tickets").then()
                .body("items[0].id", equalTo((int) a)).body("page", equalTo(1));
        Api.as(Api.VIEWER).queryParam("source", "PHONE").queryParam("open", "false").queryParam("size", 200)
                .get("/api/v1/tickets").then().statusCode(200)
                .body("items.findAll { it.open == true }", hasSize(0));
        Api.as(Api.VIEWER).queryParam("overdue", true).get("/api/v1/tickets").then().statusCode(200)
                .body("items.findAll { it.id == " + b + " }", hasSize(0));
    }

    private static void walkToDecision(long id) {
        Api.move(ADB, id, "INSPECTION", "Keluhan diterima");
        Api.move(ADB, id, "FUNCTION_CHECK", "Tampilan normal");
        Api.move(ADB, id, "ANALYSIS", "Fungsi kirim biometrik gagal");
        Api.move(ADB, id, "REPAIR", "Kesimpulan: antrean pengiriman macet");
        Api.move(ADB, id, "SOFTWARE_CHECK", "Antrean dibersihkan");
        Api.move(ADB, id, "DECISION", "Pengiriman dicoba ulang");
    }

    private static String closeQuickly(String title) {
        long id = Api.newTicket(title);
        walkToDecision(id);
        Api.move(ADB, id, "REPORT_TO_KABID", "Ya");
        Api.move(KABID, id, "AGENDA", null);
        return Api.as(KASI).body(Map.of("to", "CLOSED")).post("/api/v1/tickets/{id}/transitions", id).then()
                .statusCode(200).extract().path("agendaNumber");
    }
}
