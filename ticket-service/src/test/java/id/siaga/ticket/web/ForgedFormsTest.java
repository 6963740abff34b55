package id.siaga.ticket.web;

import id.siaga.ticket.support.Agents;
import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Pages;
import id.siaga.ticket.support.RawRequest;
import id.siaga.ticket.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests that another site can make a signed-in browser send: a post with no body and no Content-Type, a form
 * with a foreign {@code Origin}, a form without its token. None of them may change anything.
 */
@QuarkusTest
class ForgedFormsTest {

    private static final String EVIL = "https://evil.example";

    @Inject
    DataSource dataSource;

    @Test
    void refusesABodilessApprovalFromAnotherSite() {
        long id = Api.newTicket("forged approval");
        Api.toThirdPartyRepair(id);
        Pages kabid = Pages.signIn(Api.KABID);
        assertRefused(forged(kabid, "/tiket/" + id + "/persetujuan"));
        Api.as(Api.ADB).get("/api/v1/tickets/{id}", id).then().body("step", equalTo("THIRD_PARTY_REPAIR"))
                .body("thirdParty.approvedBy", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void refusesABodilessAcknowledgementFromAnotherSite() {
        long id = Api.newTicket("forged acknowledgement");
        Api.toThirdPartyRepair(id);
        long escalation = Api.as(Api.VIEWER).queryParam("ticketId", id).get("/api/v1/escalations").then().statusCode(200)
                .extract().jsonPath().getLong("items.find { it.reason == 'THIRD_PARTY' }.id");
        Pages kabid = Pages.signIn(Api.KABID);
        assertRefused(forged(kabid, "/eskalasi/" + escalation + "/tanggapan"));
        JsonPath list = Api.as(Api.VIEWER).queryParam("ticketId", id).get("/api/v1/escalations").then().extract().jsonPath();
        assertNull(list.get("items.find { it.id == " + escalation + " }.acknowledgedAt"), "not acknowledged");
    }

    @Test
    void refusesABodilessCancellationOfAMaintenanceWindowFromAnotherSite() {
        Instant from = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        long window = ((Number) Api.as(Api.KASI).body(Map.of("from", from.toString(),
                "to", from.plus(2, ChronoUnit.HOURS).toString(), "reason", "Ganti disk")).post("/api/v1/maintenance")
                .then().statusCode(201).extract().path("id")).longValue();
        Pages kasi = Pages.signIn(Api.KASI);
        assertRefused(forged(kasi, "/pemeliharaan/" + window + "/batal"));
        Api.as(Api.VIEWER).get("/api/v1/maintenance/{id}", window).then().statusCode(200).body("reason", equalTo("Ganti disk"));
    }

    @Test
    void refusesABodilessRecheckFromAnotherSite() {
        Agents.Registered server = Agents.register("siak-app-forged-recheck", "SIAK_APP");
        Map<String, Object> complaint = new HashMap<>(Api.complaint("forged recheck"));
        complaint.put("serverId", server.id());
        long id = ((Number) Api.as(Api.ADB).body(complaint).post("/api/v1/tickets").then().statusCode(201)
                .extract().path("id")).longValue();
        Pages adb = Pages.signIn(Api.ADB);
        assertRefused(forged(adb, "/tiket/" + id + "/cek-ulang"));
        List<String> types = Api.as(Api.ADB).get("/api/v1/tickets/{id}/events", id).then().statusCode(200)
                .extract().jsonPath().getList("type");
        assertTrue(!types.contains("RECHECK_REQUESTED"), types.toString());
        assertEquals(0, Sql.count(dataSource, "select count(*) from recheck_request where ticket_id = " + id));
    }

    @Test
    void refusesABodilessSignOutFromAnotherSite() {
        Pages adb = Pages.signIn(Api.ADB);
        RawRequest.Answer answer = forged(adb, "/keluar");
        assertRefused(answer);
        assertTrue(answer.all("Set-Cookie").stream().noneMatch(c -> c.startsWith(Pages.SESSION_COOKIE + "=")),
                "the session cookie is left alone: " + answer.all("Set-Cookie"));
        adb.get("/papan").then().statusCode(200).body(containsString("Test ADB"));
    }

    @Test
    void refusesBodilessPostsToTheOtherFormsAndWritesNothing() {
        long id = Api.newTicket("forged step");
        long tickets = Sql.count(dataSource, "select count(*) from ticket");
        long windows = Sql.count(dataSource, "select count(*) from maintenance_window");
        Pages kasi = Pages.signIn(Api.KASI);
        for (String path : List.of("/tiket", "/tiket/" + id + "/langkah", "/pemeliharaan")) {
            assertRefused(forged(kasi, path));
        }
        assertEquals(tickets, Sql.count(dataSource, "select count(*) from ticket"));
        assertEquals(windows, Sql.count(dataSource, "select count(*) from maintenance_window"));
        Api.as(Api.ADB).get("/api/v1/tickets/{id}", id).then().body("step", equalTo("COMPLAINT_RECEIVED"));
    }

    @Test
    void refusesBodilessPostsWithoutAnOriginToo() {
        long id = Api.newTicket("no origin");
        Api.toThirdPartyRepair(id);
        Pages kabid = Pages.signIn(Api.KABID);
        String path = "/tiket/" + id + "/persetujuan";
        assertRefused(session(kabid, RawRequest.post(path)).send());
        assertRefused(session(kabid, RawRequest.post(path)).body("text/plain", "csrf-token=x").send());
        assertRefused(session(kabid, RawRequest.post(path)).body(null, "csrf-token=x").send());
        assertRefused(session(kabid, RawRequest.post(path)).body("application/json", "{}").send());
        Api.as(Api.ADB).get("/api/v1/tickets/{id}", id).then().body("thirdParty.approvedBy", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void refusesAFormWithItsTokenWhenItComesFromAnotherSite() {
        long id = Api.newTicket("foreign origin");
        Pages adb = Pages.signIn(Api.ADB);
        String token = adb.csrfToken("/tiket/" + id);
        adb.request().header("Origin", EVIL).contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token)
                .formParam("form", "main").formParam("to", "INSPECTION").post("/tiket/" + id + "/langkah")
                .then().statusCode(403).contentType(startsWith("text/html"))
                .body(containsString("Formulir ini sudah kedaluwarsa atau tidak berasal dari halaman SIAGA"));
        adb.request().header("Referer", EVIL + "/tiket/" + id).contentType(ContentType.URLENC)
                .formParam(Pages.CSRF_FIELD, token).formParam("form", "main").formParam("to", "INSPECTION")
                .post("/tiket/" + id + "/langkah").then().statusCode(403);
        adb.request().header("Origin", "null").contentType(ContentType.URLENC)
                .formParam(Pages.CSRF_FIELD, token).formParam("form", "main").formParam("to", "INSPECTION")
                .post("/tiket/" + id + "/langkah").then().statusCode(403);
        Api.as(Api.ADB).get("/api/v1/tickets/{id}", id).then().body("step", equalTo("COMPLAINT_RECEIVED"));
    }

    @Test
    void acceptsAFormFromItsOwnOriginAndATokenInTheHeader() {
        long id = Api.newTicket("own origin");
        Pages adb = Pages.signIn(Api.ADB);
        String token = adb.csrfToken("/tiket/" + id);
        String own = "http://localhost:" + RestAssured.port;
        adb.request().header("Origin", own).header("Referer", own + "/tiket/" + id).contentType(ContentType.URLENC)
                .formParam(Pages.CSRF_FIELD, token).formParam("form", "main").formParam("to", "INSPECTION")
                .formParam("output", "diterima").post("/tiket/" + id + "/langkah").then().statusCode(303)
                .header("Location", endsWith("/tiket/" + id + "?ok=moved"));
        Api.as(Api.ADB).get("/api/v1/tickets/{id}", id).then().body("step", equalTo("INSPECTION"));

        Agents.Registered server = Agents.register("siak-app-header-token", "SIAK_APP");
        Map<String, Object> complaint = new HashMap<>(Api.complaint("header token"));
        complaint.put("serverId", server.id());
        long withServer = ((Number) Api.as(Api.ADB).body(complaint).post("/api/v1/tickets").then().statusCode(201)
                .extract().path("id")).longValue();
        token = adb.csrfToken("/tiket/" + withServer);
        adb.request().header("X-CSRF-Token", token).header("Origin", own).post("/tiket/" + withServer + "/cek-ulang")
                .then().statusCode(303).header("Location", endsWith("?ok=recheck"));
        assertEquals(1, Sql.count(dataSource, "select count(*) from recheck_request where ticket_id = " + withServer));
    }

    @Test
    void answersABodilessIntakeWithItsHeaderTokenWithTheFormNotAnError() {
        Pages adb = Pages.signIn(Api.ADB);
        String token = adb.csrfToken("/tiket/baru");
        long before = Sql.count(dataSource, "select count(*) from ticket");
        for (String contentType : new String[] {null, "application/x-www-form-urlencoded"}) {
            RawRequest request = RawRequest.post("/tiket").header("X-CSRF-Token", token).header("Cookie", adb.cookieHeader());
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            RawRequest.Answer answer = request.send();
            assertTrue(answer.status() >= 400 && answer.status() < 500, answer.status() + ": " + answer.body());
        }
        assertEquals(before, Sql.count(dataSource, "select count(*) from ticket"));
    }

    @Test
    void refusesASignInFormPostedFromAnotherSite() {
        Api.ensureUsers();
        String credentials = "username=" + Api.ADB + "&password=" + Api.PASSWORD;
        RawRequest.Answer forged = RawRequest.post("/j_security_check").header("Origin", EVIL)
                .body("application/x-www-form-urlencoded", credentials).send();
        assertEquals(403, forged.status(), forged.body());
        assertTrue(forged.all("Set-Cookie").stream().noneMatch(c -> c.startsWith(Pages.SESSION_COOKIE + "=")),
                "no session: " + forged.all("Set-Cookie"));
        RawRequest.Answer own = RawRequest.post("/j_security_check").header("Origin", "http://localhost:" + RestAssured.port)
                .body("application/x-www-form-urlencoded", credentials).send();
        assertEquals(302, own.status(), own.body());
        assertTrue(own.all("Set-Cookie").stream().anyMatch(c -> c.startsWith(Pages.SESSION_COOKIE + "=")));
    }

    @Test
    void leavesTheApiToBasicAndBearerWithoutAToken() {
        long id = Api.newTicket("api without csrf");
        Api.as(Api.ADB).header("Origin", EVIL).body(Map.of("to", "INSPECTION", "output", "lewat API"))
                .post("/api/v1/tickets/{id}/transitions", id).then().statusCode(200).body("step", equalTo("INSPECTION"));
        Agents.Registered server = Agents.register("siak-app-api-csrf", "SIAK_APP");
        Agents.post(server, List.of()).statusCode(200);
    }

    /** A post from another site: the browser adds the session cookie, the attacker chooses the rest. */
    private static RawRequest.Answer forged(Pages pages, String path) {
        return session(pages, RawRequest.post(path)).header("Origin", EVIL).send();
    }

    /** @return the request with only the session cookie, as a browser adds it to a request another site makes */
    private static RawRequest session(Pages pages, RawRequest request) {
        return request.header("Cookie", Pages.SESSION_COOKIE + "=" + pages.sessionCookie());
    }

    private static void assertRefused(RawRequest.Answer answer) {
        int status = answer.status();
        assertTrue(status == 400 || status == 403, "refused, not " + status + ": " + answer.body());
        assertTrue(String.valueOf(answer.header("Content-Type")).startsWith("text/html"), answer.headers().toString());
        assertTrue(answer.body().contains("Formulir ini sudah kedaluwarsa atau tidak berasal dari halaman SIAGA"),
                answer.body());
    }
}
