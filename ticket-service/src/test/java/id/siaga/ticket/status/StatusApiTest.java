package id.siaga.ticket.status;

import id.siaga.ticket.support.Agents;
import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Await;
import id.siaga.ticket.support.Pages;
import id.siaga.ticket.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static id.siaga.ticket.support.Api.ADB;
import static id.siaga.ticket.support.Api.KASI;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public status page and its JSON, signed out: what shows (applications, public servers, open incidents with
 * their public summaries, planned maintenance) and what never does; the public summary's API and form with their
 * refusals; the server's public flag. The test profile reads the snapshot at most every second.
 */
@QuarkusTest
class StatusApiTest {

    private static final Duration REFRESH = Duration.ofSeconds(10);

    @Inject
    DataSource dataSource;

    @Test
    void signedOutTheStatusShowsTheApplicationsAndAPublicServerButNothingInternal() {
        Agents.Registered hidden = Agents.register("jaringan-rahasia-" + System.nanoTime(), "NETWORK");
        Agents.Registered shown = publicServer("portal-publik-" + System.nanoTime());
        long ticket = complaintAbout(hidden.id(), "OTHER", "Kabel putus di rak 3 lantai 2", "MEDIUM");
        Instant planned = Instant.now().plus(Duration.ofDays(2));
        Api.as(KASI).body(Map.of("serverId", hidden.id(), "from", planned.toString(),
                "to", planned.plus(Duration.ofHours(1)).toString(), "reason", "Ganti switch inti di ruang 12"))
                .post("/api/v1/maintenance").then().statusCode(201);

        JsonPath status = Await.value("the public server on the status page", REFRESH, () -> {
            JsonPath s = anonymousStatus("");
            return s.getList("applications.key").contains("server-" + shown.id()) ? s : null;
        });
        List<String> keys = status.getList("applications.key");
        assertEquals(List.of("SIAK", "KTP_EL"), keys.subList(0, 2), "the applications first");
        assertEquals(shown.name(), status.getString("applications.find { it.key == 'server-" + shown.id() + "' }.name"));
        assertEquals("OPERATIONAL", status.getString("applications.find { it.key == 'server-" + shown.id() + "' }.state"));
        assertEquals("Normal", status.getString("applications.find { it.key == 'server-" + shown.id() + "' }.stateLabel"));
        assertEquals(90, status.getList("applications[0].days").size());
        assertEquals("id", status.getString("language"));

        String json = anonymousStatusText("");
        String html = RestAssured.given().get("/status").then().statusCode(200).extract().asString();
        String number = Api.as(ADB).get("/api/v1/tickets/{id}", ticket).then().extract().path("number");
        for (String internal : List.of(hidden.name(), "Painan", "Kabel putus", "Ganti switch", "Operator Kecamatan",
                "0812-0000-0000", ADB, "adb.test", number, "message", "127.0.0.1")) {
            assertFalse(json.contains(internal), internal + " must not show in " + json);
            assertFalse(html.contains(internal), internal + " must not show on the page");
        }
        assertTrue(html.contains(shown.name()) && html.contains("Status layanan") && html.contains("Normal"), html);
    }

    @Test
    void aPublicSummaryShowsWhileTheTicketIsOpenAndGoesToTheRecentIncidentsWhenItCloses() {
        Agents.Registered server = publicServer("layanan-publik-" + System.nanoTime());
        String line = "applications.find { it.key == 'server-" + server.id() + "' }";
        long ticket = complaintAbout(server.id(), "OTHER", "Portal lambat", "MEDIUM");
        String number = Api.as(ADB).get("/api/v1/tickets/{id}", ticket).then().extract().path("number");

        JsonPath open = Await.value("the incident on the status page", REFRESH, () -> {
            JsonPath s = anonymousStatus("");
            return "PARTIAL_OUTAGE".equals(s.getString(line + ".state")) ? s : null;
        });
        assertEquals("Gangguan sebagian", open.getString(line + ".stateLabel"));
        assertEquals(number, open.getString(line + ".incidents[0].ticketNumber"));
        assertNull(open.get(line + ".incidents[0].summary"));
        assertEquals("partial", open.getString(line + ".days[89].level"), "today's bar");

        String text = "Portal tidak bisa dibuka sejak 08.10; sedang diperbaiki, perkiraan selesai 10.00";
        Api.as(ADB).body(Map.of("text", "  " + text + " ")).put("/api/v1/tickets/{id}/public-summary", ticket)
                .then().statusCode(200).body("publicSummary", equalTo(text));
        Api.as(Api.VIEWER).get("/api/v1/tickets/{id}/events", ticket).then().statusCode(200)
                .body("find { it.type == 'PUBLIC_SUMMARY' }.actor", equalTo(ADB))
                .body("find { it.type == 'PUBLIC_SUMMARY' }.note", equalTo(text));
        Await.until("the summary on the status page", REFRESH,
                () -> text.equals(anonymousStatus("").getString(line + ".incidents[0].summary")));
        Await.until("the summary in English too", REFRESH, () -> {
            JsonPath en = anonymousStatus("?lang=en");
            return "Partial outage".equals(en.getString(line + ".stateLabel"))
                    && text.equals(en.getString(line + ".incidents[0].summary"));
        });
        Await.until("the summary on the page", REFRESH,
                () -> RestAssured.given().get("/status").asString().contains(text));
        String english = RestAssured.given().queryParam("lang", "en").get("/status").then().statusCode(200)
                .cookie("siaga-lang", "en").extract().asString();
        assertTrue(english.contains("Service status") && english.contains("Partial outage")
                && english.contains("Ticket " + number), english);

        Api.as(KASI).body(Map.of("to", "CANCELLED", "note", "Sudah pulih sendiri"))
                .post("/api/v1/tickets/{id}/transitions", ticket).then().statusCode(200);
        JsonPath closed = Await.value("the incident gone from the line", REFRESH, () -> {
            JsonPath s = anonymousStatus("");
            return "OPERATIONAL".equals(s.getString(line + ".state")) ? s : null;
        });
        assertEquals(List.of(), closed.getList(line + ".incidents"));
        assertEquals(text, closed.getString("recentIncidents.find { it.ticketNumber == '" + number + "' }.summary"));
        assertEquals(List.of(server.name()), closed.getList("recentIncidents.find { it.ticketNumber == '" + number + "' }.applications"));
        assertEquals("partial", closed.getString(line + ".days[89].level"), "today still saw the incident");
        String html = RestAssured.given().get("/status").asString();
        String card = html.substring(html.indexOf("id=\"line-server-" + server.id() + "\""));
        card = card.substring(0, card.indexOf("</li>\n"));
        assertFalse(card.contains(text), "no longer on the line: " + card);
        assertTrue(html.substring(html.indexOf("id=\"recent\"")).contains(text), "kept in the recent incidents");
    }

    @Test
    void aTicketAboutSiakIsAnIncidentOfSiakAndAMajorOneIsAnOutage() {
        long ticket = Api.newTicket("SIAK mati total");
        String number = Api.as(ADB).get("/api/v1/tickets/{id}", ticket).then().extract().path("number");
        String incident = "applications.find { it.key == 'SIAK' }.incidents.find { it.ticketNumber == '" + number + "' }";
        JsonPath s = Await.value("the SIAK incident", REFRESH, () -> {
            JsonPath now = anonymousStatus("");
            return now.get(incident) != null ? now : null;
        });
        assertEquals(Boolean.TRUE, s.get(incident + ".major"), "HIGH severity");
        assertEquals("MAJOR_OUTAGE", s.getString("applications.find { it.key == 'SIAK' }.state"));
        assertEquals("Gangguan", s.getString("applications.find { it.key == 'SIAK' }.stateLabel"));
        Api.as(KASI).body(Map.of("to", "CANCELLED", "note", "Duplikat")).post("/api/v1/tickets/{id}/transitions", ticket)
                .then().statusCode(200);
        Await.until("the SIAK incident gone", REFRESH, () -> anonymousStatus("").get(incident) == null);
    }

    @Test
    void thePublicSummaryIsRefusedWithNothingWritten() {
        long ticket = Api.newTicket("SIAK lambat");
        String path = "/api/v1/tickets/{id}/public-summary";
        Map<String, Object> ok = Map.of("text", "Sedang diperbaiki");
        Api.anonymous().body(ok).put(path, ticket).then().statusCode(401);
        Api.as(Api.VIEWER).body(ok).put(path, ticket).then().statusCode(403).contentType("application/problem+json");
        Api.admin().body(ok).put(path, ticket).then().statusCode(403);
        Api.as(ADB).body(ok).put(path, 999_999_999L).then().statusCode(404).contentType("application/problem+json");
        Map<String, Object> nullText = new HashMap<>();
        nullText.put("text", null);
        for (Object bad : List.of(Map.of(), nullText, Map.of("text", 12), Map.of("text", List.of("a")),
                Map.of("text", "x".repeat(501)), "{\"text\": \"a\"} trailing", "{\"text\": \"a\", \"text\": \"b\"}",
                "{\"text\": \"a\u0000b\"}", "not json")) {
            Api.as(ADB).body(bad).put(path, ticket).then().statusCode(400).contentType("application/problem+json");
        }
        Api.as(ADB).contentType(ContentType.TEXT).body("Sedang diperbaiki").put(path, ticket).then().statusCode(415);
        assertEquals(0, events(ticket), "nothing recorded");
        assertEquals(0, Sql.count(dataSource, "select count(*) from ticket where id = " + ticket + " and public_summary is not null"));

        Api.as(ADB).body(Map.of("text", "x".repeat(500))).put(path, ticket).then().statusCode(200);
        Api.as(ADB).body(Map.of("text", "x".repeat(500))).put(path, ticket).then().statusCode(200);
        assertEquals(1, events(ticket), "the same text again records nothing");
        Api.as(ADB).body(Map.of("text", "   ")).put(path, ticket).then().statusCode(200).body("publicSummary", equalTo(null));
        assertEquals(2, events(ticket), "removing it is recorded");

        Api.as(KASI).body(Map.of("to", "CANCELLED", "note", "Salah input")).post("/api/v1/tickets/{id}/transitions", ticket)
                .then().statusCode(200);
        Api.as(ADB).body(ok).put(path, ticket).then().statusCode(409).contentType("application/problem+json");
        assertEquals(2, events(ticket));
    }

    @Test
    void theTicketPageWritesThePublicSummaryWithItsCsrfToken() {
        long ticket = Api.newTicket("KTP-el cetak gagal");
        Pages adb = Pages.signIn(ADB);
        String form = adb.get("/tiket/" + ticket).then().statusCode(200).extract().asString();
        assertTrue(form.contains("action=\"/tiket/" + ticket + "/ringkasan-publik\""), "the form is on the page");
        String token = adb.csrfToken("/tiket/" + ticket);
        adb.request().contentType(ContentType.URLENC).formParam("publicSummary", "Pencetakan KTP-el terganggu")
                .post("/tiket/" + ticket + "/ringkasan-publik").then().statusCode(400);
        assertEquals(0, events(ticket), "refused without the CSRF token");
        adb.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token)
                .formParam("publicSummary", "y".repeat(501)).post("/tiket/" + ticket + "/ringkasan-publik").then()
                .statusCode(400).contentType(startsWith("text/html")).body(containsString("id=\"publicSummary-error\""));
        assertEquals(0, events(ticket), "refused when too long");
        adb.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token)
                .formParam("publicSummary", "Pencetakan KTP-el terganggu").post("/tiket/" + ticket + "/ringkasan-publik")
                .then().statusCode(303).header("Location", containsString("/tiket/" + ticket + "?ok=summary"));
        assertEquals(1, events(ticket));
        Api.as(Api.VIEWER).get("/api/v1/tickets/{id}", ticket).then().body("publicSummary", equalTo("Pencetakan KTP-el terganggu"));
        assertTrue(adb.get("/tiket/" + ticket + "?ok=summary").asString().contains("Ringkasan publik disimpan."));
        Pages viewer = Pages.signIn(Api.VIEWER);
        assertFalse(viewer.get("/tiket/" + ticket).asString().contains("ringkasan-publik"), "not for a viewer");
    }

    @Test
    void theAdministratorMarksAServerPublicAndBadChangesAreRefused() {
        Agents.Registered server = Agents.register("srv-flag-" + System.nanoTime(), "SIAK_APP");
        Api.as(Api.VIEWER).get("/api/v1/servers/{id}", server.id()).then().statusCode(200).body("public", equalTo(false));
        String path = "/api/v1/servers/{id}";
        Map<String, Object> nullFlag = new HashMap<>();
        nullFlag.put("public", null);
        for (Object bad : List.of(Map.of(), nullFlag, Map.of("public", "true"), Map.of("public", 1), "{\"public\": tru}")) {
            Api.admin().body(bad).patch(path, server.id()).then().statusCode(400).contentType("application/problem+json");
        }
        Api.as(KASI).body(Map.of("public", true)).patch(path, server.id()).then().statusCode(403);
        Api.anonymous().body(Map.of("public", true)).patch(path, server.id()).then().statusCode(401);
        Api.admin().body(Map.of("public", true)).patch(path, 999_999_999L).then().statusCode(404);
        assertEquals(0, Sql.count(dataSource, "select count(*) from server where is_public"
                + " and id = " + server.id()), "nothing written");
        Api.admin().body(Map.of("public", true)).patch(path, server.id()).then().statusCode(200)
                .body("public", equalTo(true)).body("name", equalTo(server.name())).body("agentToken", equalTo(null));
        Api.admin().body(Map.of("public", false)).patch(path, server.id()).then().statusCode(200).body("public", equalTo(false));
        Api.admin().body(Map.of("name", "srv-public-" + System.nanoTime(), "role", "KTPEL", "public", true))
                .post("/api/v1/servers").then().statusCode(201).body("public", equalTo(true));
        Api.admin().body(Map.of("name", "srv-bad-" + System.nanoTime(), "role", "KTPEL", "public", "yes"))
                .post("/api/v1/servers").then().statusCode(400);
    }

    @Test
    void theStatusPassesTheSecurityFiltersAsAPublicPage() {
        Response page = RestAssured.given().redirects().follow(false).get("/status");
        assertEquals(200, page.statusCode());
        assertTrue(page.contentType().startsWith("text/html"));
        assertTrue(page.header("Content-Security-Policy").contains("script-src 'self'"), page.header("Content-Security-Policy"));
        assertEquals("DENY", page.header("X-Frame-Options"));
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        String html = page.asString();
        assertFalse(html.contains("<script>") || html.contains("style=\"") || html.contains("http://")
                || html.contains("https://"), "no inline script or style, nothing from outside");
        assertTrue(html.contains("data-refresh=\"2\""), "reloads itself");
        RestAssured.given().get("/assets/status.css").then().statusCode(200);

        Response api = RestAssured.given().get("/api/v1/status");
        assertEquals(200, api.statusCode());
        assertEquals("default-src 'none'; frame-ancestors 'none'", api.header("Content-Security-Policy"));
        RestAssured.given().auth().preemptive().basic("nobody", "wrong").get("/api/v1/status").then().statusCode(200);
        RestAssured.given().cookie("siaga-session", "forged").get("/status").then().statusCode(200);
        RestAssured.given().get("/api/v1/status?lang=fr").then().statusCode(400).contentType("application/problem+json")
                .body(containsString("lang"));
        RestAssured.given().cookie("siaga-lang", "en").get("/status").then().statusCode(200)
                .body(containsString("Service status"));
        for (String origin : List.of("", "https://evil.example")) {
            var post = RestAssured.given().redirects().follow(false);
            if (!origin.isEmpty()) {
                post.header("Origin", origin);
            }
            int refused = post.contentType(ContentType.URLENC).formParam("x", "1").post("/status").statusCode();
            assertTrue(refused >= 400 && refused < 500, "a post to the status page is refused: " + refused);
        }
        RestAssured.given().post("/api/v1/status").then().statusCode(405);
    }

    private static Agents.Registered publicServer(String name) {
        Agents.Registered server = Agents.register(name, "OTHER");
        Api.admin().body(Map.of("public", true)).patch("/api/v1/servers/{id}", server.id()).then().statusCode(200);
        return server;
    }

    private static long complaintAbout(long serverId, String application, String title, String severity) {
        return ((Number) Api.as(ADB).body(Map.of("source", "PHONE", "reporterName", "Operator Kecamatan Sutera",
                "reporterContact", "0812-0000-0000", "application", application, "serverId", serverId, "title", title,
                "description", title + " (rinci)", "severity", severity)).post("/api/v1/tickets").then().statusCode(201)
                .extract().path("id")).longValue();
    }

    private static JsonPath anonymousStatus(String query) {
        return RestAssured.given().get("/api/v1/status" + query).then().statusCode(200).extract().jsonPath();
    }

    private static String anonymousStatusText(String query) {
        return RestAssured.given().get("/api/v1/status" + query).then().statusCode(200).extract().asString();
    }

    private long events(long ticket) {
        return Sql.count(dataSource, "select count(*) from ticket_event where type = 'PUBLIC_SUMMARY' and ticket_id = " + ticket);
    }
}
