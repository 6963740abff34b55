package id.siaga.ticket.reports;

import id.siaga.ticket.support.Agents;
import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Pages;
import id.siaga.ticket.support.RawRequest;
import id.siaga.ticket.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Linked reports on the pages: the ticket page's form and the intake form's button (CSRF-checked posts, refusals
 * shown next to the fields with nothing written, forged posts refused), the open tickets the intake form offers, and
 * the cancellation form naming the ticket a duplicate belongs to.
 */
@QuarkusTest
class LinkedReportPagesTest {

    private static final String REFUSED = "Formulir ini sudah kedaluwarsa atau tidak berasal dari halaman SIAGA";

    @Inject
    DataSource dataSource;

    @Test
    void recordsAReportFromTheTicketPageAndShowsIt() {
        long id = Api.newTicket("halaman laporan terkait");
        Pages adb = Pages.signIn(Api.ADB);
        String page = adb.get("/tiket/" + id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"link-form\""), "the ADB sees the form");
        assertTrue(page.contains("Laporan terkait (0)"));
        String token = adb.csrfToken("/tiket/" + id);
        form(adb, token).formParam("source", "WALK_IN").formParam("reporterName", "Petugas Kecamatan Sutera")
                .formParam("reporterContact", "0813-5555-6666").formParam("note", "Antrean KTP-el berhenti")
                .post("/tiket/" + id + "/laporan").then().statusCode(303)
                .header("Location", endsWith("/tiket/" + id + "?ok=linked#laporan-h"));
        adb.get("/tiket/" + id + "?ok=linked").then().statusCode(200)
                .body(containsString("Laporan terkait tercatat pada tiket ini."))
                .body(containsString("Laporan terkait (1)"))
                .body(containsString("Petugas Kecamatan Sutera")).body(containsString("0813-5555-6666"))
                .body(containsString("Antrean KTP-el berhenti")).body(containsString("Datang langsung"));
        Api.as(Api.VIEWER).get("/api/v1/tickets/{id}", id).then().body("reports", hasSize(1))
                .body("reports[0].source", equalTo("WALK_IN")).body("reports[0].recordedBy", equalTo(Api.ADB));
        Pages.signIn(Api.VIEWER).get("/tiket/" + id).then().statusCode(200)
                .body(not(containsString("id=\"link-form\""))).body(containsString("Petugas Kecamatan Sutera"));
        adb.get("/tiket/" + id + "?lang=en").then().statusCode(200).body(containsString("Linked reports (1)"))
                .body(containsString("Record a linked report")).body(containsString("Walk-in"));
    }

    @Test
    void recordsTheIntakeFormAsAReportOnTheOpenTicketItOffers() {
        Agents.Registered server = Agents.register("siak-app-intake-link", "SIAK_APP");
        Map<String, Object> complaint = new HashMap<>(Api.complaint("SIAK app mati, kecamatan tidak bisa login"));
        complaint.put("serverId", server.id());
        long id = ((Number) Api.as(Api.ADB).body(complaint).post("/api/v1/tickets").then().statusCode(201)
                .extract().path("id")).longValue();
        String number = Api.as(Api.ADB).get("/api/v1/tickets/{id}", id).then().extract().path("number");
        Pages adb = Pages.signIn(Api.ADB);
        adb.get("/tiket/baru").then().statusCode(200).body(containsString(number))
                .body(containsString("formaction=\"/tiket/" + id + "/laporan\""));
        adb.get("/tiket/terkait?aplikasi=OTHER&server=" + server.id()).then().statusCode(200)
                .body(containsString(number)).body(containsString("data-ticket=\"" + id + "\""));
        adb.get("/tiket/terkait?aplikasi=OTHER&server=").then().statusCode(200).body(not(containsString("data-ticket")));
        Pages.signIn(Api.VIEWER).get("/tiket/terkait?aplikasi=SIAK").then().statusCode(403);

        long tickets = Sql.count(dataSource, "select count(*) from ticket");
        String token = adb.csrfToken("/tiket/baru");
        form(adb, token).formParam("source", "MESSAGE").formParam("reporterName", "Operator Linggo Sari Baganti")
                .formParam("reporterContact", "WA 0812-7777").formParam("application", "SIAK")
                .formParam("serverId", String.valueOf(server.id())).formParam("title", "Tidak bisa login")
                .formParam("description", "Sejak pagi").formParam("severity", "HIGH")
                .post("/tiket/" + id + "/laporan").then().statusCode(303).header("Location", endsWith("?ok=linked#laporan-h"));
        assertEquals(tickets, Sql.count(dataSource, "select count(*) from ticket"), "no new ticket");
        Api.as(Api.VIEWER).get("/api/v1/tickets/{id}", id).then().body("reports", hasSize(1))
                .body("reports[0].source", equalTo("MESSAGE"))
                .body("reports[0].reporterName", equalTo("Operator Linggo Sari Baganti"))
                .body("reports[0].note", equalTo("Tidak bisa login — Sejak pagi"));
    }

    @Test
    void showsARefusedFormAgainAndWritesNothing() {
        long id = Api.newTicket("laporan ditolak");
        long closed = Linked.closedTicket("laporan ke tiket selesai");
        long reports = Sql.count(dataSource, "select count(*) from ticket_report");
        long events = Sql.count(dataSource, "select count(*) from ticket_event");
        Pages adb = Pages.signIn(Api.ADB);
        String token = adb.csrfToken("/tiket/" + id);

        form(adb, token).formParam("source", "PHONE").formParam("reporterName", " ").formParam("note", "catatan saya")
                .post("/tiket/" + id + "/laporan").then().statusCode(400).contentType(startsWith("text/html"))
                .body(containsString("Wajib diisi.")).body(containsString("id=\"link-reporterName-error\""))
                .body(containsString("catatan saya"));
        form(adb, token).formParam("source", "AGENT").formParam("reporterName", "Agen")
                .post("/tiket/" + id + "/laporan").then().statusCode(400).body(containsString("id=\"link-source-error\""));
        form(adb, token).formParam("source", "PHONE").formParam("reporterName", "x").formParam("note", "n".repeat(4001))
                .post("/tiket/" + id + "/laporan").then().statusCode(400).body(containsString("id=\"link-note-error\""));
        form(adb, token).formParam("source", "PHONE").formParam("reporterName", "Terlambat")
                .post("/tiket/" + closed + "/laporan").then().statusCode(409)
                .body(containsString("Tiket ini sudah selesai atau dibatalkan"));
        form(adb, token).formParam("source", "PHONE").formParam("reporterName", "Tidak ada")
                .post("/tiket/987654321/laporan").then().statusCode(404).contentType(startsWith("text/html"));
        Pages viewer = Pages.signIn(Api.VIEWER);
        form(viewer, viewer.csrfToken("/tiket/" + id)).formParam("source", "PHONE").formParam("reporterName", "Pengamat")
                .post("/tiket/" + id + "/laporan").then().statusCode(403).contentType(startsWith("text/html"));

        assertEquals(reports, Sql.count(dataSource, "select count(*) from ticket_report"));
        assertEquals(events, Sql.count(dataSource, "select count(*) from ticket_event"));
    }

    @Test
    void refusesForgedPostsAndWritesNothing() {
        long id = Api.newTicket("laporan palsu");
        long reports = Sql.count(dataSource, "select count(*) from ticket_report");
        Pages adb = Pages.signIn(Api.ADB);
        String path = "/tiket/" + id + "/laporan";
        String body = "source=PHONE&reporterName=Palsu";
        String session = Pages.SESSION_COOKIE + "=" + adb.sessionCookie();
        assertRefused(RawRequest.post(path).header("Cookie", session).header("Origin", "https://evil.example").send());
        assertRefused(RawRequest.post(path).header("Cookie", session)
                .body("application/x-www-form-urlencoded", body).send());
        String token = adb.csrfToken("/tiket/" + id);
        adb.request().header("Origin", "https://evil.example").contentType(ContentType.URLENC)
                .formParam(Pages.CSRF_FIELD, token).formParam("source", "PHONE").formParam("reporterName", "Palsu")
                .post(path).then().statusCode(403).body(containsString(REFUSED));
        adb.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, "not-the-token")
                .formParam("source", "PHONE").formParam("reporterName", "Palsu").post(path).then().statusCode(400)
                .body(containsString(REFUSED));
        assertEquals(reports, Sql.count(dataSource, "select count(*) from ticket_report"));
    }

    @Test
    void cancelsADuplicateFromTheTicketPage() {
        Agents.Registered server = Agents.register("ktpel-duplicate-page", "KTPEL");
        long survivor = onServer(server, "KTP-el rekam gagal");
        long duplicate = onServer(server, "KTP-el rekam gagal lagi");
        long closed = Linked.closedTicket("selesai, bukan pilihan duplikat");
        Linked.link(duplicate, "Operator Basa Ampek Balai");
        String survivorNumber = Api.as(Api.ADB).get("/api/v1/tickets/{id}", survivor).then().extract().path("number");
        Pages kasi = Pages.signIn(Api.KASI);
        kasi.get("/tiket/" + duplicate).then().statusCode(200).body(containsString("name=\"duplicateOf\""))
                .body(containsString("<option value=\"" + survivor + "\""));
        String token = kasi.csrfToken("/tiket/" + duplicate);
        long events = Sql.count(dataSource, "select count(*) from ticket_event");

        cancelForm(kasi, token, "abc").post("/tiket/" + duplicate + "/langkah").then().statusCode(400)
                .body(containsString("id=\"duplicateOf-error\""));
        cancelForm(kasi, token, String.valueOf(duplicate)).post("/tiket/" + duplicate + "/langkah").then().statusCode(422)
                .body(containsString("id=\"duplicateOf-error\""));
        cancelForm(kasi, token, String.valueOf(closed)).post("/tiket/" + duplicate + "/langkah").then().statusCode(409)
                .body(containsString("Tiket yang dipilih sudah selesai"));
        assertEquals(events, Sql.count(dataSource, "select count(*) from ticket_event"));
        Api.as(Api.VIEWER).get("/api/v1/tickets/{id}", duplicate).then().body("state", equalTo("OPEN"));

        cancelForm(kasi, token, String.valueOf(survivor)).post("/tiket/" + duplicate + "/langkah").then().statusCode(303);
        JsonPath moved = Api.as(Api.VIEWER).get("/api/v1/tickets/{id}", survivor).then().extract().jsonPath();
        assertEquals(2, moved.getList("reports").size());
        assertEquals(List.of("Operator Kecamatan Lengayang", "Operator Basa Ampek Balai"), moved.getList("reports.reporterName"));
        kasi.get("/tiket/" + duplicate).then().statusCode(200).body(containsString("id=\"duplicate-of\""))
                .body(containsString(survivorNumber)).body(containsString("Ditandai duplikat"));
        kasi.get("/tiket/" + survivor).then().statusCode(200).body(containsString("Duplikat digabung"))
                .body(containsString("Laporan terkait (2)"));
    }

    private static long onServer(Agents.Registered server, String title) {
        Map<String, Object> complaint = new HashMap<>(Api.complaint(title));
        complaint.put("serverId", server.id());
        complaint.put("application", "KTP_EL");
        return ((Number) Api.as(Api.ADB).body(complaint).post("/api/v1/tickets").then().statusCode(201)
                .extract().path("id")).longValue();
    }

    private static RequestSpecification cancelForm(Pages pages, String token, String duplicateOf) {
        return form(pages, token).formParam("form", "cancel").formParam("to", "CANCELLED")
                .formParam("note", "Duplikat").formParam("duplicateOf", duplicateOf);
    }

    private static RequestSpecification form(Pages pages, String token) {
        return pages.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token);
    }

    private static void assertRefused(RawRequest.Answer answer) {
        assertTrue(answer.status() == 400 || answer.status() == 403, answer.status() + ": " + answer.body());
        assertTrue(answer.body().contains(REFUSED), answer.body());
    }
}
