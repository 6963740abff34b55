package id.siaga.ticket.web;

import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Pages;
import id.siaga.ticket.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pages' sign-in, language, CSRF and role rules, checked without a browser. */
@QuarkusTest
class WebPagesTest {

    @Inject
    DataSource dataSource;

    @Test
    void redirectsToTheSignInPageWhenSignedOut() {
        for (String path : new String[] {"/papan", "/tiket", "/tiket/baru", "/tiket/1", "/eskalasi", "/pemeliharaan",
            "/laporan/bulanan", "/cetak/agenda", "/cetak/laporan-kerusakan/1"}) {
            RestAssured.given().redirects().follow(false).get(path).then().statusCode(302)
                    .header("Location", endsWith("/masuk"));
        }
        RestAssured.given().redirects().follow(false).get("/").then().statusCode(302)
                .header("Location", endsWith("/papan"));
        RestAssured.given().get("/masuk").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("<html lang=\"id\">"))
                .body(containsString("Nama pengguna"));
    }

    @Test
    void signsInWithTheSameUsersAsTheApiAndRefusesAWrongPassword() {
        Api.ensureUsers();
        RestAssured.given().redirects().follow(false).formParam("username", Api.ADB).formParam("password", "wrong")
                .post("/j_security_check").then().statusCode(302).header("Location", endsWith("/masuk?gagal=1"));
        Pages adb = Pages.signIn(Api.ADB);
        adb.get("/papan").then().statusCode(200).body(containsString("Papan status"))
                .body(containsString("Test ADB"));
    }

    @Test
    void filesAComplaintThroughTheFormThenRedirectsToTheNewTicket() {
        Pages adb = Pages.signIn(Api.ADB);
        String token = adb.csrfToken("/tiket/baru");
        String location = adb.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token)
                .formParam("source", "WALK_IN").formParam("reporterName", "Operator Kec. Sutera")
                .formParam("reporterContact", "0812-1111-2222").formParam("serverId", "")
                .formParam("application", "KTP_EL").formParam("title", "Cetak KTP-el gagal")
                .formParam("description", "Printer tidak merespons dari aplikasi").formParam("severity", "HIGH")
                .post("/tiket").then().statusCode(303).header("Location", containsString("/tiket/"))
                .extract().header("Location");
        long id = Long.parseLong(location.replaceAll(".*/tiket/([0-9]+).*", "$1"));
        Api.as(Api.ADB).get("/api/v1/tickets/{id}", id).then().statusCode(200)
                .body("source", equalTo("WALK_IN")).body("title", equalTo("Cetak KTP-el gagal"))
                .body("step", equalTo("COMPLAINT_RECEIVED"));
        adb.get(location.replaceAll("^https?://[^/]+", "")).then().statusCode(200)
                .body(containsString("Keluhan tersimpan sebagai tiket baru."))
                .body(containsString("Cetak KTP-el gagal"));
    }

    @Test
    void showsWhatIsMissingNextToTheFieldAndSavesNothing() {
        Pages adb = Pages.signIn(Api.ADB);
        String token = adb.csrfToken("/tiket/baru");
        long before = count("select count(*) from ticket");
        String html = adb.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token)
                .formParam("source", "PHONE").formParam("reporterName", "Pak Budi").formParam("application", "SIAK")
                .formParam("title", "").formParam("description", "x".repeat(10_001)).formParam("severity", "LOW")
                .post("/tiket").then().statusCode(400).contentType(startsWith("text/html")).extract().asString();
        assertTrue(html.contains("id=\"title-error\">Wajib diisi."), html);
        assertTrue(html.contains("id=\"description-error\">Terlalu panjang: paling banyak 10000 huruf."), html);
        assertTrue(html.contains("value=\"Pak Budi\""), "keeps what was typed");
        assertEquals(before, count("select count(*) from ticket"));
    }

    @Test
    void movesATicketThroughTheStepForm() {
        long id = Api.newTicket("form move");
        Pages adb = Pages.signIn(Api.ADB);
        String token = adb.csrfToken("/tiket/" + id);
        adb.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token).formParam("form", "main")
                .formParam("to", "INSPECTION").formParam("output", "Keluhan dicatat")
                .post("/tiket/" + id + "/langkah").then().statusCode(303)
                .header("Location", endsWith("/tiket/" + id + "?ok=moved"));
        Api.as(Api.ADB).get("/api/v1/tickets/{id}", id).then().body("step", equalTo("INSPECTION"))
                .body("steps[0].output", equalTo("Keluhan dicatat")).body("steps[0].actor", equalTo(Api.ADB));
    }

    @Test
    void refusesAFormPostWithoutItsCsrfTokenAndChangesNothing() {
        long id = Api.newTicket("csrf");
        Pages adb = Pages.signIn(Api.ADB);
        String token = adb.csrfToken("/tiket/" + id);
        adb.request().contentType(ContentType.URLENC).formParam("to", "INSPECTION")
                .post("/tiket/" + id + "/langkah").then().statusCode(400).contentType(startsWith("text/html"))
                .body(containsString("Formulir ini sudah kedaluwarsa atau tidak berasal dari halaman SIAGA"));
        adb.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token + "x").formParam("to", "INSPECTION")
                .post("/tiket/" + id + "/langkah").then().statusCode(400);
        RestAssured.given().redirects().follow(false).cookie(Pages.SESSION_COOKIE, adb.sessionCookie())
                .cookie(Pages.CSRF_COOKIE, "forged").contentType(ContentType.URLENC)
                .formParam(Pages.CSRF_FIELD, "forged").formParam("to", "INSPECTION")
                .post("/tiket/" + id + "/langkah").then().statusCode(400);
        Api.as(Api.ADB).get("/api/v1/tickets/{id}", id).then().body("step", equalTo("COMPLAINT_RECEIVED"));
        assertEquals(1, count("select count(*) from ticket_event where ticket_id = " + id));
    }

    @Test
    void answers403ToAViewerPostingAStepFormAndChangesNothing() {
        long id = Api.newTicket("viewer form");
        Pages viewer = Pages.signIn(Api.VIEWER);
        String html = viewer.get("/tiket/" + id).then().statusCode(200).extract().asString();
        assertFalse(html.contains("/langkah\""), "a viewer sees no step form");
        String token = viewer.csrfToken("/tiket/" + id);
        viewer.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token).formParam("form", "main")
                .formParam("to", "INSPECTION").post("/tiket/" + id + "/langkah")
                .then().statusCode(403).contentType(startsWith("text/html")).body(containsString("Tidak diizinkan"));
        Api.as(Api.ADB).get("/api/v1/tickets/{id}", id).then().body("step", equalTo("COMPLAINT_RECEIVED"));
    }

    @Test
    void explainsAnIllegalOrForbiddenMoveOnTheTicketPage() {
        long id = Api.newTicket("wrong move");
        Pages adb = Pages.signIn(Api.ADB);
        String token = adb.csrfToken("/tiket/" + id);
        adb.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token).formParam("form", "main")
                .formParam("to", "AGENDA").post("/tiket/" + id + "/langkah")
                .then().statusCode(409).body(containsString("tiket sudah berpindah langkah"));
        adb.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token).formParam("form", "cancel")
                .formParam("to", "CANCELLED").formParam("note", "duplikat").post("/tiket/" + id + "/langkah")
                .then().statusCode(403).body(containsString("Peran Anda tidak boleh menyelesaikan langkah ini"));
        Pages kasi = Pages.signIn(Api.KASI);
        String kasiToken = kasi.csrfToken("/tiket/" + id);
        kasi.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, kasiToken).formParam("form", "cancel")
                .formParam("to", "CANCELLED").formParam("note", " ").post("/tiket/" + id + "/langkah")
                .then().statusCode(422).body(containsString("id=\"note-error\">Tulis alasan pembatalan"));
        Api.as(Api.ADB).get("/api/v1/tickets/{id}", id).then().body("step", equalTo("COMPLAINT_RECEIVED"));
    }

    @Test
    void walksTheNoBranchToAThirdPartyRepairThatTheKabidApproves() {
        long id = Api.newTicket("cabang tidak");
        for (String[] move : new String[][] {{"INSPECTION", "diterima"}, {"FUNCTION_CHECK", "tampilan error"},
            {"ANALYSIS", "fungsi gagal"}, {"REPAIR", "kesimpulan: modul rusak"}, {"SOFTWARE_CHECK", "modul dipasang ulang"},
            {"DECISION", "masih gagal"}}) {
            Api.move(Api.ADB, id, move[0], move[1]);
        }
        Pages adb = Pages.signIn(Api.ADB);
        String html = adb.get("/tiket/" + id).then().statusCode(200).extract().asString();
        assertTrue(html.contains("name=\"to\" value=\"REPORT_TO_KABID\" class=\"button-yes\">Ya, software berfungsi</button>"), html);
        assertTrue(html.contains("name=\"to\" value=\"REPORT_TO_JF_ADB\" class=\"button-no\">Tidak</button>"), html);
        post(adb, id, "langkah", "form", "main", "to", "REPORT_TO_JF_ADB", "output", "Software belum berfungsi")
                .then().statusCode(303);

        Pages jfAdb = Pages.signIn(Api.JF_ADB);
        html = jfAdb.get("/tiket/" + id).then().statusCode(200).extract().asString();
        assertTrue(html.contains("Analisis ulang: kembali ke 4. Menganalisis kerusakan"), html);
        assertTrue(html.contains("value=\"THIRD_PARTY_REPAIR\""), "the third-party form");
        assertFalse(html.contains("value=\"CANCELLED\""), "a JF ADB cannot cancel");
        post(jfAdb, id, "langkah", "form", "third-party", "to", "THIRD_PARTY_REPAIR", "thirdPartyName", " ")
                .then().statusCode(422).body(containsString("id=\"thirdPartyName-error\">Tulis nama pihak ketiga"));
        Api.as(Api.ADB).get("/api/v1/tickets/{id}", id).then().body("step", equalTo("REPORT_TO_JF_ADB"));
        post(jfAdb, id, "langkah", "form", "third-party", "to", "THIRD_PARTY_REPAIR", "thirdPartyName",
                "Helpdesk Ditjen Dukcapil", "thirdPartyContact", "helpdesk@dukcapil", "output", "Laporan ke JF ADB")
                .then().statusCode(303);
        Api.as(Api.ADB).get("/api/v1/tickets/{id}", id).then().body("step", equalTo("THIRD_PARTY_REPAIR"))
                .body("thirdParty.name", equalTo("Helpdesk Ditjen Dukcapil"))
                .body("thirdParty.approvedBy", org.hamcrest.Matchers.nullValue());

        post(adb, id, "persetujuan").then().statusCode(403);
        Pages kabid = Pages.signIn(Api.KABID);
        assertTrue(kabid.get("/tiket/" + id).asString().contains("Setujui perbaikan pihak ketiga"));
        post(kabid, id, "persetujuan").then().statusCode(303).header("Location", endsWith("?ok=approved"));
        Api.as(Api.ADB).get("/api/v1/tickets/{id}", id).then().body("thirdParty.approvedBy", equalTo(Api.KABID));
        assertFalse(kabid.get("/tiket/" + id).asString().contains("Setujui perbaikan pihak ketiga"), "approved once");
        post(kabid, id, "langkah", "form", "main", "to", "SOFTWARE_CHECK", "thirdPartyReference", "HD-2026-0042",
                "output", "Perbaikan pusat selesai").then().statusCode(303);
        Api.as(Api.ADB).get("/api/v1/tickets/{id}", id).then().body("step", equalTo("SOFTWARE_CHECK"))
                .body("thirdParty.reference", equalTo("HD-2026-0042"));
    }

    @Test
    void servesTheMonthlyFiguresAsCsv() {
        long id = Api.newTicket("csv");
        Api.move(Api.ADB, id, "INSPECTION", "diterima");
        String csv = Pages.signIn(Api.VIEWER).request().queryParam("lang", "en").get("/laporan/bulanan.csv")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment; filename=\"siaga-laporan-bulanan-"))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals("section,code,name,count,median_minutes,p90_minutes,standard_min_minutes,standard_max_minutes,"
                + "within_standard_percent,availability_percent,ok_percent,warn_percent,crit_percent,unknown_percent,"
                + "no_data_percent,maintenance_percent", lines[0]);
        assertTrue(csv.matches("(?s).*\r\nstep,INSPECTION,Inspect,[0-9]+,[0-9.]*,[0-9.]*,10.0,30.0,[0-9.]*,,,,,,,\r\n.*"), csv);
        assertTrue(csv.matches("(?s).*\r\nstep,COMPLAINT_RECEIVED,Receive a fault complaint from a user,[1-9][0-9]*,.*"), csv);
        assertTrue(csv.matches("(?s).*\r\nsource,PHONE,Phone,[1-9][0-9]*,.*"), csv);
    }

    @Test
    void answers404ForAnUnknownTicket() {
        Pages.signIn(Api.ADB).get("/tiket/987654321").then().statusCode(404).contentType(startsWith("text/html"))
                .body(containsString("Tidak ditemukan"));
    }

    @Test
    void keepsTheApiOnBasicAndBearerEvenWithASessionCookie() {
        Pages adb = Pages.signIn(Api.ADB);
        adb.request().get("/api/v1/tickets").then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    private long count(String sql) {
        return Sql.count(dataSource, sql);
    }

    /** Posts a ticket form with its CSRF token; {@code fields} are name, value pairs. */
    private static io.restassured.response.Response post(Pages pages, long id, String action, String... fields) {
        String token = pages.csrfToken("/tiket/" + id);
        var request = pages.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token);
        for (int i = 0; i < fields.length; i += 2) {
            request.formParam(fields[i], fields[i + 1]);
        }
        return request.post("/tiket/" + id + "/" + action);
    }
}
