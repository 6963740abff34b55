package id.siaga.ticket.web;

import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Pages;
import id.siaga.ticket.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The escalation list without a browser: the Kabid's list and its acknowledge button, who is offered the button and
 * who is refused, CSRF, and a ticket's escalations on its page. A "No" decision escalates to the JF ADB and a
 * third-party request to the Kabid at once, so no clock has to run out.
 */
@QuarkusTest
class EscalationPagesTest {

    @Inject
    DataSource dataSource;

    @Test
    void showsTheKabidTheirOpenEscalationsAndAcknowledgesOneThroughTheForm() {
        Escalated e = thirdPartyTicket("Kabid list");
        Pages kabid = Pages.signIn(Api.KABID);
        String html = kabid.get("/eskalasi").then().statusCode(200).contentType(startsWith("text/html")).extract().asString();
        String row = row(html, e.thirdParty());
        assertTrue(row.contains("Perbaikan oleh pihak ketiga menunggu persetujuan Kabid"), row);
        assertTrue(row.contains("Tingkat 1"), row);
        assertTrue(row.contains("href=\"/tiket/" + e.ticketId() + "\">" + e.number() + "</a>"), row);
        assertTrue(row.contains("11. "), "the step, by the ticket's SOP: " + row);
        assertTrue(row.contains(" lalu"), "how long ago: " + row);
        assertTrue(row.contains("action=\"/eskalasi/" + e.thirdParty() + "/tanggapan\""), row);
        assertTrue(row.contains(">Tanggapi</button>"), row);
        assertFalse(html.contains("id=\"eskalasi-" + e.decisionNo() + "\""), "the JF ADB's escalation is not the Kabid's");
        long open = Api.as(Api.KABID).queryParam("recipient", "KABID").queryParam("open", true).get("/api/v1/escalations")
                .then().extract().jsonPath().getLong("total");
        assertTrue(html.contains("<span class=\"nav-count\"><span aria-hidden=\"true\">" + open + "</span>"),
                "the navigation counts the Kabid's open escalations");
        assertTrue(kabid.get("/eskalasi?untuk=semua").asString().contains("id=\"eskalasi-" + e.decisionNo() + "\""));

        String token = kabid.csrfToken("/eskalasi");
        kabid.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token)
                .formParam("untuk", "saya").formParam("status", "terbuka").formParam("halaman", "1")
                .post("/eskalasi/" + e.thirdParty() + "/tanggapan").then().statusCode(303)
                .header("Location", endsWith("/eskalasi?untuk=saya&status=terbuka&halaman=1&ok=acknowledged"));
        assertEquals(1, Sql.count(dataSource, "select count(*) from escalation where id = " + e.thirdParty()
                + " and acknowledged_by = '" + Api.KABID + "' and acknowledged_at is not null"));
        html = kabid.get("/eskalasi?untuk=saya&status=terbuka&halaman=1&ok=acknowledged").asString();
        assertTrue(html.contains("Eskalasi ditanggapi; rantai eskalasinya berhenti di sini."), html);
        assertFalse(html.contains("id=\"eskalasi-" + e.thirdParty() + "\""), "gone from the open list");
        row = row(kabid.get("/eskalasi?status=ditanggapi").asString(), e.thirdParty());
        assertTrue(row.contains("Test KABID (" + Api.KABID + ")"), row);
        assertFalse(row.contains("/tanggapan"), "no button once acknowledged");

        kabid.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token)
                .post("/eskalasi/" + e.thirdParty() + "/tanggapan").then().statusCode(409)
                .contentType(startsWith("text/html"))
                .body(containsString("Eskalasi ini sudah ditanggapi oleh " + Api.KABID));
    }

    @Test
    void offersNoButtonToAViewerOrAnAdbAndRefusesTheirForgedPosts() {
        Escalated e = thirdPartyTicket("Forged acknowledgement");
        Pages viewer = Pages.signIn(Api.VIEWER);
        String html = viewer.get("/eskalasi").then().statusCode(200).extract().asString();
        assertFalse(html.contains("/tanggapan"), "a viewer is offered no button");
        assertTrue(row(html, e.thirdParty()).contains("Kabid"), "a viewer reads every role's list");
        String viewerToken = viewer.csrfToken("/eskalasi");
        viewer.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, viewerToken)
                .post("/eskalasi/" + e.thirdParty() + "/tanggapan").then().statusCode(403)
                .contentType(startsWith("text/html")).body(containsString("Tidak diizinkan"));

        Pages adb = Pages.signIn(Api.ADB);
        html = adb.get("/eskalasi?untuk=KABID").then().statusCode(200).extract().asString();
        assertFalse(row(html, e.thirdParty()).contains("/tanggapan"), "an ADB may not acknowledge the Kabid's");
        String adbToken = adb.csrfToken("/eskalasi");
        adb.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, adbToken)
                .post("/eskalasi/" + e.thirdParty() + "/tanggapan").then().statusCode(403)
                .contentType(startsWith("text/html"))
                .body(containsString("Eskalasi ini untuk Kabid. Hanya peran itu, atau peran yang lebih tinggi"));

        Pages kasi = Pages.signIn(Api.KASI);
        html = kasi.get("/eskalasi?untuk=semua").then().statusCode(200).extract().asString();
        assertTrue(row(html, e.decisionNo()).contains("/tanggapan"), "a Kasi may acknowledge the JF ADB's");
        assertFalse(row(html, e.thirdParty()).contains("/tanggapan"), "but not the Kabid's");

        assertEquals(0, Sql.count(dataSource, "select count(*) from escalation where acknowledged_at is not null and id in ("
                + e.thirdParty() + ", " + e.decisionNo() + ")"), "nothing was acknowledged");
    }

    @Test
    void refusesAnAcknowledgementWithoutItsCsrfToken() {
        Escalated e = thirdPartyTicket("CSRF acknowledgement");
        Pages kabid = Pages.signIn(Api.KABID);
        kabid.csrfToken("/eskalasi");
        kabid.request().contentType(ContentType.URLENC).post("/eskalasi/" + e.thirdParty() + "/tanggapan")
                .then().statusCode(400).contentType(startsWith("text/html"))
                .body(containsString("Formulir ini sudah kedaluwarsa atau tidak berasal dari halaman SIAGA"));
        kabid.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, "forged")
                .post("/eskalasi/" + e.thirdParty() + "/tanggapan").then().statusCode(400);
        assertEquals(0, Sql.count(dataSource, "select count(*) from escalation where acknowledged_at is not null and id = "
                + e.thirdParty()));
    }

    @Test
    void showsTheListInEnglishWhenChosen() {
        Escalated e = thirdPartyTicket("English list");
        String html = Pages.signIn(Api.KABID).get("/eskalasi?lang=en").then().statusCode(200).extract().asString();
        assertTrue(html.contains("<html lang=\"en\">"));
        assertTrue(html.contains("<h1>Escalations</h1>"), html);
        String row = row(html, e.thirdParty());
        assertTrue(row.contains("A third-party repair waits for the Kabid&#39;s approval"), row);
        assertTrue(row.contains("Level 1"), row);
        assertTrue(row.contains(">Acknowledge</button>"), row);
        assertTrue(html.contains("My role (Division head (Kabid))"), html);
    }

    @Test
    void listsTheTicketsEscalationsOnItsPage() {
        Escalated e = thirdPartyTicket("Ticket escalations");
        Api.as(Api.JF_ADB).post("/api/v1/escalations/{id}/acknowledgement", e.decisionNo()).then().statusCode(200);
        String html = Pages.signIn(Api.VIEWER).get("/tiket/" + e.ticketId()).then().statusCode(200).extract().asString();
        String section = html.substring(html.indexOf("id=\"escalations-h\""), html.indexOf("id=\"events-h\""));
        assertTrue(section.contains("Keputusan &quot;Tidak&quot;: software belum berfungsi"), section);
        assertTrue(section.contains("Test JF_ADB (" + Api.JF_ADB + ")"), "who acknowledged it: " + section);
        assertTrue(section.contains("Perbaikan oleh pihak ketiga menunggu persetujuan Kabid"), section);
        assertTrue(section.contains("Belum ditanggapi"), section);
        assertTrue(section.indexOf("Keputusan") < section.indexOf("pihak ketiga"), "oldest first");
        assertTrue(section.contains("JF ADB") && section.contains("Kabid"), "the recipients");
        Pages.signIn(Api.VIEWER).get("/tiket/" + Api.newTicket("no escalations")).then()
                .body(containsString("Belum ada eskalasi untuk tiket ini.")).body(not(containsString("id=\"ticket-escalations\"")));
    }

    /** A ticket decided "No" (an escalation to the JF ADB) and handed to a third party (one to the Kabid). */
    private static Escalated thirdPartyTicket(String title) {
        long id = Api.newTicket(title);
        Api.toThirdPartyRepair(id);
        JsonPath list = Api.as(Api.VIEWER).queryParam("ticketId", id).get("/api/v1/escalations").then().statusCode(200)
                .extract().jsonPath();
        String number = Api.as(Api.VIEWER).get("/api/v1/tickets/{id}", id).then().extract().path("number");
        return new Escalated(id, number, list.getLong("items.find { it.reason == 'THIRD_PARTY' }.id"),
                list.getLong("items.find { it.reason == 'DECISION_NO' }.id"));
    }

    private record Escalated(long ticketId, String number, long thirdParty, long decisionNo) {
    }

    /** @return the HTML of the escalation's row in the list */
    private static String row(String html, long escalationId) {
        int start = html.indexOf("<tr id=\"eskalasi-" + escalationId + "\"");
        assertTrue(start >= 0, "escalation " + escalationId + " is listed");
        return html.substring(start, html.indexOf("</tr>", start));
    }
}
