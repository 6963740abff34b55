package id.siaga.ticket.web;

import id.siaga.ticket.support.Agents;
import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Pages;
import id.siaga.ticket.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The maintenance schedule without a browser: planning and cancelling as a Kasi, refusals in plain words. */
@QuarkusTest
class MaintenancePagesTest {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");

    @Inject
    DataSource dataSource;

    @Test
    void aKasiPlansAWindowThatTheBoardMarksThenCancelsIt() {
        Agents.Registered server = Agents.register("siak-app-jadwal", "SIAK_APP");
        LocalDateTime from = LocalDateTime.now(OFFICE).minusMinutes(5).truncatedTo(ChronoUnit.MINUTES);
        LocalDateTime to = from.plusHours(2);
        Pages kasi = Pages.signIn(Api.KASI);
        assertTrue(kasi.get("/pemeliharaan").asString().contains("<form method=\"post\" action=\"/pemeliharaan\""));
        plan(kasi, String.valueOf(server.id()), from.toString(), to.toString(), "Pembaruan SIAK versi 8 dari pusat")
                .then().statusCode(303).header("Location", endsWith("/pemeliharaan?ok=planned"));

        List<Map<String, Object>> windows = Api.as(Api.VIEWER).get("/api/v1/maintenance").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.serverId == " + server.id() + " }");
        assertEquals(1, windows.size(), windows.toString());
        Map<String, Object> window = windows.get(0);
        assertEquals(from.atZone(OFFICE).toInstant(), Instant.parse((String) window.get("from")), "office time");
        assertEquals(to.atZone(OFFICE).toInstant(), Instant.parse((String) window.get("to")));
        assertEquals("Pembaruan SIAK versi 8 dari pusat", window.get("reason"));
        assertEquals(Api.KASI, window.get("createdBy"));
        assertEquals(Boolean.TRUE, window.get("active"));
        long id = ((Number) window.get("id")).longValue();

        String html = kasi.get("/pemeliharaan?ok=planned").asString();
        assertTrue(html.contains("Jadwal pemeliharaan tersimpan."), html);
        String row = html.substring(html.indexOf("<tr id=\"jadwal-" + id + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertTrue(row.contains(server.name()) && row.contains("Sedang berlangsung"), row);
        assertTrue(row.contains("action=\"/pemeliharaan/" + id + "/batal\""), row);

        String card = card(kasi.get("/papan").asString(), server.name());
        assertTrue(card.contains("sedang pemeliharaan"), card);
        assertTrue(card.contains("Pembaruan SIAK versi 8 dari pusat"), card);

        String kasiToken = kasi.csrfToken("/pemeliharaan");
        kasi.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, kasiToken)
                .post("/pemeliharaan/" + id + "/batal").then().statusCode(303)
                .header("Location", endsWith("/pemeliharaan?ok=window-cancelled"));
        assertEquals(1, Sql.count(dataSource, "select count(*) from maintenance_window where id = " + id
                + " and deleted_at is not null and deleted_by = '" + Api.KASI + "'"));
        assertFalse(kasi.get("/pemeliharaan").asString().contains("id=\"jadwal-" + id + "\""));
        assertFalse(card(kasi.get("/papan").asString(), server.name()).contains("sedang pemeliharaan"),
                "no longer marked on the board");
        kasiToken = kasi.csrfToken("/pemeliharaan");
        kasi.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, kasiToken)
                .post("/pemeliharaan/" + id + "/batal").then().statusCode(404).contentType(startsWith("text/html"))
                .body(containsString("Jadwal ini sudah dibatalkan atau tidak ada lagi."));
    }

    @Test
    void showsWhatIsWrongNextToTheFieldsAndStoresNothing() {
        Pages kabid = Pages.signIn(Api.KABID);
        long before = Sql.count(dataSource, "select count(*) from maintenance_window");
        String html = plan(kabid, "", "2026-12-01T10:00", "2026-12-01T08:00", "Ganti disk server database")
                .then().statusCode(422).contentType(startsWith("text/html")).extract().asString();
        assertTrue(html.contains("id=\"to-error\">Waktu selesai harus sesudah waktu mulai.</p>"), html);
        assertTrue(html.contains("value=\"2026-12-01T10:00\""), "keeps what was typed");
        assertTrue(html.contains("Ganti disk server database</textarea>"));

        html = plan(kabid, "abc", "besok pagi", "", " ").then().statusCode(400).extract().asString();
        assertTrue(html.contains("id=\"serverId-error\">Pilih salah satu.</p>"), html);
        assertTrue(html.contains("id=\"from-error\">Tulis tanggal dan jam, mis. 2026-11-25 08:00.</p>"), html);
        assertTrue(html.contains("id=\"to-error\">Wajib diisi.</p>"), html);
        assertTrue(html.contains("id=\"reason-error\">Wajib diisi.</p>"), html);
        assertTrue(html.contains("Formulir belum bisa disimpan."), html);

        html = plan(kabid, "987654321", "2026-12-01T08:00", "2026-12-01T10:00", "server hilang").then().statusCode(422)
                .extract().asString();
        assertTrue(html.contains("id=\"serverId-error\">Server ini tidak ada lagi; pilih server lain.</p>"), html);
        assertEquals(before, Sql.count(dataSource, "select count(*) from maintenance_window"));
    }

    @Test
    void aViewerAndAnAdbReadTheScheduleButCannotPlan() {
        long before = Sql.count(dataSource, "select count(*) from maintenance_window");
        for (String user : List.of(Api.VIEWER, Api.ADB)) {
            Pages pages = Pages.signIn(user);
            String html = pages.get("/pemeliharaan").then().statusCode(200).extract().asString();
            assertFalse(html.contains("action=\"/pemeliharaan\""), "no planning form for " + user);
            assertTrue(html.contains("Hanya Kasi dan Kabid yang menjadwalkan pemeliharaan."));
            plan(pages, "", "2026-12-01T08:00", "2026-12-01T10:00", "coba").then().statusCode(403)
                    .contentType(startsWith("text/html")).body(containsString("Tidak diizinkan"));
        }
        assertEquals(before, Sql.count(dataSource, "select count(*) from maintenance_window"));
    }

    @Test
    void refusesAPlanWithoutItsCsrfToken() {
        long before = Sql.count(dataSource, "select count(*) from maintenance_window");
        Pages kasi = Pages.signIn(Api.KASI);
        kasi.csrfToken("/pemeliharaan");
        kasi.request().contentType(ContentType.URLENC).formParam("from", "2026-12-01T08:00")
                .formParam("to", "2026-12-01T10:00").formParam("reason", "tanpa token").post("/pemeliharaan")
                .then().statusCode(400).body(containsString("Formulir ini sudah kedaluwarsa"));
        assertEquals(before, Sql.count(dataSource, "select count(*) from maintenance_window"));
    }

    /** @return the HTML of the server's card on the status board */
    private static String card(String board, String serverName) {
        int start = board.indexOf("<h3>" + serverName + "</h3>");
        assertTrue(start >= 0, serverName + " is on the board");
        return board.substring(start, board.indexOf("</li>", start));
    }

    private static Response plan(Pages pages, String serverId, String from, String to, String reason) {
        String token = pages.csrfToken("/pemeliharaan");
        return pages.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token)
                .formParam("serverId", serverId).formParam("from", from).formParam("to", to).formParam("reason", reason)
                .post("/pemeliharaan");
    }
}
