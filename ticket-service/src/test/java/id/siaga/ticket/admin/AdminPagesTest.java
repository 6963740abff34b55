package id.siaga.ticket.admin;

import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Await;
import id.siaga.ticket.support.EmbeddedPostgresResource;
import id.siaga.ticket.support.Pages;
import id.siaga.ticket.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The administration pages and the profile page without a browser: posts with the page's CSRF token, refused forms
 * shown again with the reason next to the field and nothing saved, forged posts refused, and who may open what.
 */
@QuarkusTest
@TestProfile(OfficeCalendarProfile.class)
class AdminPagesTest {

    private static final String PASSWORD = "rahasia-halaman-1";
    private static final List<String> ADMIN_PAGES = List.of("/admin/pengguna", "/admin/server", "/admin/hari-libur");

    @Inject
    DataSource dataSource;

    @Test
    void onlyTheAdministratorOpensTheAdministrationPagesAndEveryoneTheirProfile() {
        for (String user : List.of(Api.VIEWER, Api.ADB, Api.JF_ADB, Api.KASI, Api.KABID)) {
            Pages pages = Pages.signIn(user);
            for (String path : ADMIN_PAGES) {
                pages.get(path).then().statusCode(403).body(not(containsString("name=\"password\"")));
            }
            String token = pages.csrfToken("/profil");
            pages.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token).formParam("date", "2033-01-02")
                    .post("/admin/hari-libur").then().statusCode(403);
            pages.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token)
                    .formParam("username", "tidak.boleh").formParam("fullName", "X").formParam("roles", "ADMIN")
                    .formParam("password", "rahasia-12345").post("/admin/pengguna").then().statusCode(403);
            String profile = pages.get("/profil").then().statusCode(200).extract().asString();
            assertTrue(profile.contains("href=\"/profil/telegram\""), "the Telegram link");
            assertFalse(profile.contains("href=\"/admin/pengguna\""), "no administration in the navigation");
        }
        assertEquals(0, Sql.count(dataSource, "select count(*) from app_user where username = 'tidak.boleh'"));
        Api.as(Api.VIEWER).get("/api/v1/calendar/holidays").then().body("$", not(hasItem("2033-01-02")));
        RestAssured.given().redirects().follow(false).get("/admin/pengguna").then().statusCode(302)
                .header("Location", endsWith("/masuk"));
        Pages admin = admin();
        for (String path : ADMIN_PAGES) {
            admin.get(path).then().statusCode(200).body(containsString("href=\"/admin/hari-libur\""));
        }
    }

    @Test
    void theAdministratorAddsAPersonAndARefusedFormSavesNothing() {
        Pages admin = admin();
        String token = admin.csrfToken("/admin/pengguna");
        String html = admin.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token)
                .formParam("username", "Bukan Nama").formParam("fullName", "").formParam("email", "bukan-email")
                .formParam("password", "pendek").post("/admin/pengguna").then().statusCode(400).extract().asString();
        for (String field : List.of("username", "fullName", "email", "roles", "password")) {
            assertTrue(html.contains("id=\"" + field + "-error\""), field + " has its reason");
        }
        assertTrue(html.contains("value=\"Bukan Nama\""), "what was typed is kept");
        assertTrue(html.contains("Pilih paling sedikit satu peran."), html);
        assertEquals(0, Sql.count(dataSource, "select count(*) from app_user where username = 'bukan nama'"));

        admin.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token)
                .formParam("username", "sari.kasi").formParam("fullName", "Sari Kasi").formParam("email", "sari@pessel.go.id")
                .formParam("roles", "KASI").formParam("roles", "VIEWER").formParam("password", PASSWORD)
                .post("/admin/pengguna").then().statusCode(303).header("Location", endsWith("/admin/pengguna?ok=user-created"));
        Api.admin().get("/api/v1/users").then().body("find { it.username == 'sari.kasi' }.roles", equalTo(List.of("VIEWER", "KASI")))
                .body("find { it.username == 'sari.kasi' }.email", equalTo("sari@pessel.go.id"));
        RestAssured.given().auth().preemptive().basic("sari.kasi", PASSWORD).get("/api/v1/users/me").then().statusCode(200);

        String taken = admin.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token)
                .formParam("username", "sari.kasi").formParam("fullName", "Lain").formParam("roles", "ADB")
                .formParam("password", PASSWORD).post("/admin/pengguna").then().statusCode(409).extract().asString();
        assertTrue(taken.contains("Nama pengguna ini sudah dipakai."), taken);
        assertEquals(1, Sql.count(dataSource, "select count(*) from app_user where username = 'sari.kasi' and full_name = 'Sari Kasi'"));
    }

    @Test
    void theAdministratorEditsResetsAndDisablesAnAccountWhoseSessionEndsAtOnce() {
        long id = createUser("dedi.adb");
        String session = Pages.signIn("dedi.adb", PASSWORD).sessionCookie();
        opensTheBoard(session);
        Pages admin = admin();
        String token = admin.csrfToken("/admin/pengguna/" + id);

        String refused = admin.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token)
                .formParam("fullName", "Dedi").formParam("email", "dedi@").post("/admin/pengguna/" + id)
                .then().statusCode(400).extract().asString();
        assertTrue(refused.contains("id=\"email-error\"") && refused.contains("id=\"roles-error\""), refused);
        admin.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token)
                .formParam("fullName", "Dedi Saputra").formParam("email", "dedi@pessel.go.id").formParam("roles", "JF_ADB")
                .post("/admin/pengguna/" + id).then().statusCode(303);
        Api.admin().get("/api/v1/users").then().body("find { it.id == " + id + " }.fullName", equalTo("Dedi Saputra"))
                .body("find { it.id == " + id + " }.roles", equalTo(List.of("JF_ADB")));

        admin.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token).formParam("password", "pendek")
                .post("/admin/pengguna/" + id + "/sandi").then().statusCode(400).body(containsString("id=\"password-error\""));
        RestAssured.given().auth().preemptive().basic("dedi.adb", PASSWORD).get("/api/v1/users/me").then().statusCode(200);

        admin.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token)
                .post("/admin/pengguna/" + id + "/nonaktif").then().statusCode(303)
                .header("Location", endsWith("/admin/pengguna/" + id + "?ok=user-disabled"));
        sentToTheSignInPage(session);
        RestAssured.given().auth().preemptive().basic("dedi.adb", PASSWORD).get("/api/v1/users/me").then().statusCode(401);
        admin.get("/admin/pengguna").then().statusCode(200).body(containsString("data-active=\"false\""));

        admin.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token)
                .post("/admin/pengguna/" + id + "/aktif").then().statusCode(303);
        sentToTheSignInPage(session);
        opensTheBoard(Pages.signIn("dedi.adb", PASSWORD).sessionCookie());
    }

    @Test
    void theLastAdministratorIsToldWhyTheyCannotDisableThemselves() {
        long me = Api.admin().get("/api/v1/users/me").then().extract().jsonPath().getLong("id");
        Api.admin().get("/api/v1/users").then().extract().jsonPath()
                .getList("findAll { it.active && it.roles.contains('ADMIN') && it.username != 'admin' }.id", Integer.class)
                .forEach(other -> Api.admin().body(Map.of("active", false)).patch("/api/v1/users/{id}", other).then().statusCode(200));
        Pages admin = admin();
        String token = admin.csrfToken("/admin/pengguna/" + me);
        String html = admin.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token)
                .post("/admin/pengguna/" + me + "/nonaktif").then().statusCode(409).extract().asString();
        assertTrue(html.contains("administrator aktif terakhir"), html);
        admin.get("/admin/pengguna").then().statusCode(200);
    }

    @Test
    void registeringAServerShowsItsTokenOnceWithTheLinesToPaste() {
        Pages admin = admin();
        String token = admin.csrfToken("/admin/server");
        String refused = admin.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token)
                .formParam("name", "").formParam("role", "MAINFRAME").post("/admin/server").then().statusCode(400)
                .extract().asString();
        assertTrue(refused.contains("id=\"name-error\"") && refused.contains("id=\"role-error\""), refused);

        Response posted = admin.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token)
                .formParam("name", "siak-db-halaman").formParam("role", "SIAK_DB").formParam("location", "Painan")
                .post("/admin/server");
        posted.then().statusCode(303).header("Location", containsString("/admin/server/")).header("Location", endsWith("/token"));
        String location = posted.header("Location").replaceFirst("^https?://[^/]+", "");
        String cookie = posted.getCookie("siaga-agent-token");
        assertNotNull(cookie);
        String page = admin.request().cookie("siaga-agent-token", cookie).get(location).then().statusCode(200)
                .header("Cache-Control", "no-store").extract().asString();
        assertTrue(page.contains(cookie) && page.contains("SIAGA_AGENT_TOKEN=" + cookie), "the token and its env line");
        assertTrue(page.contains("sudo ./install.sh siak-db"), page);
        long id = Long.parseLong(location.replaceAll("\\D", ""));
        assertTrue(page.contains("  id: " + id + "\n  name: siak-db-halaman\n"), page);
        RestAssured.given().header("Authorization", "Bearer " + cookie).contentType(ContentType.JSON)
                .body(List.of(AdministrationApiTest.heartbeat("2.0.0", 3, java.time.Instant.now())))
                .post("/api/v1/findings").then().statusCode(200);
        admin.get(location).then().statusCode(200).body(not(containsString(cookie))).body(containsString("id=\"token-gone\""));
        admin.get("/admin/server").then().statusCode(200).body(containsString("2.0.0")).body(containsString("3 temuan"));

        String taken = admin.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token)
                .formParam("name", "siak-db-halaman").formParam("role", "OTHER").post("/admin/server").then().statusCode(409)
                .extract().asString();
        assertTrue(taken.contains("Sudah ada server dengan nama ini."), taken);
        admin.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token)
                .formParam("name", "siak-db-painan").formParam("role", "SIAK_DB").formParam("location", "Ruang server")
                .post("/admin/server/" + id).then().statusCode(303);
        Api.admin().get("/api/v1/servers/{id}", id).then().body("name", equalTo("siak-db-painan"))
                .body("location", equalTo("Ruang server"));
        assertEquals(1, Sql.count(dataSource, "select count(*) from admin_event where type = 'SERVER_CHANGED' and subject = 'server:" + id + "'"));
        Api.admin().get("/api/v1/servers/{id}", id).then().body("public", equalTo(false));

        admin.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token)
                .formParam("name", "siak-db-painan").formParam("role", "SIAK_DB").formParam("location", "Ruang server")
                .formParam("publik", "on").post("/admin/server/" + id).then().statusCode(303);
        Api.admin().get("/api/v1/servers/{id}", id).then().body("public", equalTo(true));
        admin.get("/admin/server/" + id).then().statusCode(200)
                .body(containsString("name=\"publik\" checked"));
        Await.until("the public server on the status page", Duration.ofSeconds(30),
                () -> RestAssured.given().get("/api/v1/status").then().statusCode(200).extract().asString()
                        .contains("siak-db-painan"));
    }

    @Test
    void theAdministratorAddsAndRemovesAHolidayOnThePage() {
        Pages admin = admin();
        String token = admin.csrfToken("/admin/hari-libur");
        assertTrue(admin.get("/admin/hari-libur").asString().contains("id=\"libur-" + OfficeCalendarProfile.SEEDED + "\""),
                "the seeded holiday");
        for (String bad : List.of("", "2033-02-30", "kemarin")) {
            admin.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token).formParam("date", bad)
                    .post("/admin/hari-libur").then().statusCode(400).body(containsString("id=\"date-error\""));
        }
        admin.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token).formParam("date", "2033-06-01")
                .post("/admin/hari-libur").then().statusCode(303).header("Location", endsWith("?ok=holiday-added"));
        Api.as(Api.VIEWER).get("/api/v1/calendar/holidays").then().body("$", hasItem("2033-06-01"));
        admin.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token).formParam("date", "2033-06-01")
                .post("/admin/hari-libur").then().statusCode(400).body(containsString("Tanggal ini sudah hari libur."));
        admin.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token)
                .post("/admin/hari-libur/2033-06-01/hapus").then().statusCode(303);
        admin.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token)
                .post("/admin/hari-libur/2033-06-01/hapus").then().statusCode(404);
        Api.as(Api.VIEWER).get("/api/v1/calendar/holidays").then().body("$", not(hasItem("2033-06-01")));
    }

    @Test
    void anotherInstancesHolidayCountsHereWithinSeconds() {
        Sql.tryExecute(dataSource, "insert into calendar_holiday (day) values ('2034-02-02')");
        Await.until("the holiday written by another instance", Duration.ofSeconds(10), () ->
                Api.as(Api.VIEWER).get("/api/v1/calendar/holidays").then().extract().jsonPath().getList("$").contains("2034-02-02"));
    }

    @Test
    void aPersonChangesTheirEmailLanguageAndPassword() {
        createUser("rudi.viewer");
        Pages rudi = Pages.signIn("rudi.viewer", PASSWORD);
        String token = rudi.csrfToken("/profil");
        rudi.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token).formParam("email", "rudi@")
                .formParam("language", "fr").post("/profil").then().statusCode(400)
                .body(containsString("id=\"email-error\"")).body(containsString("id=\"language-error\""));
        rudi.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token).formParam("email", "rudi@pessel.go.id")
                .formParam("language", "en").post("/profil").then().statusCode(303).cookie("siaga-lang", "en");
        Api.admin().get("/api/v1/users").then().body("find { it.username == 'rudi.viewer' }.email", equalTo("rudi@pessel.go.id"));
        assertEquals(1, Sql.count(dataSource, "select count(*) from app_user where username = 'rudi.viewer' and language = 'en'"));
        Pages.signIn("rudi.viewer", PASSWORD).get("/papan").then().statusCode(200).body(containsString("<html lang=\"en\""));

        rudi.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token).formParam("currentPassword", "salah-sekali")
                .formParam("newPassword", "baru-rudi-123").formParam("confirmPassword", "baru-rudi-123").post("/profil/sandi")
                .then().statusCode(422).body(containsString("id=\"currentPassword-error\""));
        rudi.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token).formParam("currentPassword", PASSWORD)
                .formParam("newPassword", "baru-rudi-123").formParam("confirmPassword", "lain-rudi-123").post("/profil/sandi")
                .then().statusCode(400).body(containsString("id=\"confirmPassword-error\""));
        RestAssured.given().auth().preemptive().basic("rudi.viewer", PASSWORD).get("/api/v1/users/me").then().statusCode(200);
        rudi.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token).formParam("currentPassword", PASSWORD)
                .formParam("newPassword", "baru-rudi-123").formParam("confirmPassword", "baru-rudi-123").post("/profil/sandi")
                .then().statusCode(303).header("Location", containsString("/masuk"));
        sentToTheSignInPage(rudi.sessionCookie());
        RestAssured.given().auth().preemptive().basic("rudi.viewer", "baru-rudi-123").get("/api/v1/users/me").then().statusCode(200);
    }

    @Test
    void refusesForgedAdministrationPosts() {
        long id = createUser("korban.forged");
        Pages admin = admin();
        admin.csrfToken("/admin/pengguna");
        long events = Sql.count(dataSource, "select count(*) from admin_event");
        for (String path : List.of("/admin/pengguna/" + id + "/nonaktif", "/admin/server", "/admin/hari-libur",
                "/admin/pengguna", "/profil/sandi")) {
            admin.request().post(path).then().statusCode(400);
            admin.request().contentType(ContentType.URLENC).formParam("date", "2035-01-01").post(path).then().statusCode(400);
            admin.request().header("Origin", "https://evil.example").contentType(ContentType.URLENC)
                    .formParam(Pages.CSRF_FIELD, "forged").formParam("date", "2035-01-01").post(path).then().statusCode(403);
        }
        RestAssured.given().auth().preemptive().basic("korban.forged", PASSWORD).get("/api/v1/users/me").then().statusCode(200);
        assertEquals(events, Sql.count(dataSource, "select count(*) from admin_event"), "nothing changed");
    }

    private static Pages admin() {
        Api.ensureUsers();
        return Pages.signIn("admin", EmbeddedPostgresResource.ADMIN_PASSWORD);
    }

    private static long createUser(String username) {
        Api.ensureUsers();
        return Api.admin().body(Map.of("username", username, "fullName", "Akun " + username, "password", PASSWORD,
                "roles", List.of("ADB"))).post("/api/v1/users").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static void opensTheBoard(String cookie) {
        RestAssured.given().redirects().follow(false).cookie(Pages.SESSION_COOKIE, cookie).get("/papan")
                .then().statusCode(200);
    }

    static void sentToTheSignInPage(String cookie) {
        RestAssured.given().redirects().follow(false).cookie(Pages.SESSION_COOKIE, cookie).get("/papan")
                .then().statusCode(302).header("Location", endsWith("/masuk"));
    }
}
