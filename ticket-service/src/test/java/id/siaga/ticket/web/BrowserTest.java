package id.siaga.ticket.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.siaga.ticket.support.Agents;
import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Browser;
import id.siaga.ticket.support.Pages;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages in a real browser (headless Chromium) against the running service and its database: sign in, take
 * a phone complaint, walk it through the SOP to CLOSED with the right person at each step, see a late step
 * turn red, print the fault report and the agenda register, read the monthly report and download its CSV, and
 * switch between Indonesian and English. Screenshots are kept in {@code target/screenshots/}.
 */
@QuarkusTest
class BrowserTest {

    private static Browser browser;

    @TestHTTPResource("/")
    URL base;

    private Browser browser() {
        if (browser == null) {
            Api.ensureUsers();
            browser = Browser.start(base.toString());
        }
        return browser;
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void showsTheBoardInIndonesianByDefaultAndInEnglishWhenChosen() {
        Agents.Registered siak = Agents.register("siak-app-painan", "SIAK_APP");
        Agents.register("ktpel-painan", "KTPEL");
        Instant now = Instant.now();
        for (Instant at : List.of(now.minusSeconds(60), now)) {
            Agents.post(siak, new ArrayList<>(List.of(
                    Agents.finding("siak-web", "http", "CRIT", "Halaman login SIAK menjawab HTTP 500", at),
                    Agents.finding("siak-db", "jdbc", "OK", "Query baca berhasil dalam 12 ms", at)))).statusCode(200);
        }
        Agents.post(siak, new ArrayList<>(List.of(
                Agents.finding("disk-root", "host", "WARN", "Sisa ruang disk / tinggal 12 %", now)))).statusCode(200);

        Browser b = browser();
        b.open("/papan");
        assertTrue(b.path().startsWith("/masuk"), "signed out, the board asks to sign in first: " + b.path());
        assertEquals("id", b.find("html").getAttribute("lang"), "Indonesian although the browser asks for English");
        assertEquals(List.of(), b.unlabelledFields());
        b.signIn(Api.ADB, Api.PASSWORD);
        assertEquals("/papan", b.path());
        assertEquals("Papan status", b.find("h1").getText());
        WebElement card = cardOf(b, siak.name());
        assertTrue(card.getText().contains("Gangguan"), card.getText());
        assertTrue(card.getText().contains("Halaman login SIAK menjawab HTTP 500"));
        assertTrue(card.getText().contains("Laporan terakhir"));
        assertTrue(card.getText().contains("Tiket terbuka: 1"), "two failures in a row opened a ticket");
        assertTrue(b.text().contains("Tidak ada laporan: agen belum pernah melapor"));
        assertEquals("30", b.find("body").getAttribute("data-refresh"), "the board reloads itself");
        b.screenshot("board");
        b.resize(390, 844);
        b.screenshot("board-phone");
        b.resize(1280, 1000);

        b.clickLink("English");
        assertEquals("en", b.find("html").getAttribute("lang"));
        assertEquals("Status board", b.find("h1").getText());
        assertTrue(cardOf(b, siak.name()).getText().contains("Critical"));
        b.open("/tiket");
        assertEquals("Tickets", b.find("h1").getText(), "the choice is remembered");
        b.screenshot("tickets-en");
        b.clickLink("Bahasa Indonesia");
        assertEquals("Tiket", b.find("h1").getText());
        b.open("/papan?lang=en");
        assertEquals("Status board", b.find("h1").getText(), "?lang=en works on any page");
        b.open("/papan?lang=id");
        b.signOut();
        assertTrue(b.text().contains("Anda sudah keluar."));
    }

    @Test
    void walksAPhoneComplaintThroughTheSopToClosed() {
        Agents.Registered server = Agents.register("siak-db-painan", "SIAK_DB");
        Browser b = browser();
        b.signIn(Api.ADB, Api.PASSWORD);
        b.clickLink("Terima keluhan");
        assertEquals("Terima keluhan", b.find("h1").getText());
        assertTrue(b.find("input[name='source'][value='PHONE']").isSelected(), "phone is the usual source");
        assertEquals(List.of(), b.unlabelledFields());
        b.type("#reporterName", "Operator Kec. Lengayang");
        b.type("#reporterContact", "0812-6600-1234");
        new Select(b.find("#application")).selectByVisibleText("SIAK");
        new Select(b.find("#serverId")).selectByVisibleText(server.name());
        b.type("#title", "SIAK tidak bisa login");
        b.type("#description", "Halaman login SIAK error 500 sejak pagi");
        b.find("input[name='severity'][value='HIGH']").click();
        b.clickButton("Simpan keluhan");
        assertTrue(b.text().contains("Keluhan tersimpan sebagai tiket baru."), b.text());
        long id = Long.parseLong(b.path().replaceAll("^/tiket/([0-9]+).*", "$1"));
        String number = b.find("h1").getText().split(":")[0];

        complete(b, "Keluhan diterima via telepon", "Selesai, lanjut ke 2. Melakukan pemeriksaan");
        complete(b, "Cek tampilan: halaman login HTTP 500", "Selesai, lanjut ke 3. Melakukan pengecekan fungsi software");
        complete(b, "Cek fungsi: database tidak menjawab", "Selesai, lanjut ke 4. Menganalisis kerusakan");
        complete(b, "Kesimpulan kerusakan: listener database mati", "Selesai, lanjut ke 5. Mereparasi software");
        complete(b, "Listener dinyalakan ulang", "Selesai, lanjut ke 6. Cek software");
        b.clickButton("Cek ulang");
        assertTrue(b.text().contains("Permintaan cek ulang dikirim"), "re-check requested from the page");
        complete(b, "Login SIAK berhasil", "Selesai, lanjut ke 7. Apakah software sudah bisa berfungsi dengan baik?");

        assertTrue(b.text().contains("Tidak"), "the decision offers Yes and No");
        assertEquals(2, b.driver().findElements(By.cssSelector("button.button-yes, button.button-no[name='to']")).size());
        b.screenshot("ticket");
        complete(b, "Ya, software berfungsi dengan baik", "Ya, software berfungsi");
        assertTrue(b.text().contains("Tidak ada tindakan untuk peran Anda pada langkah ini."), "step 9 is the Kabid's");
        b.signOut();

        b.signIn(Api.KABID, Api.PASSWORD);
        b.open("/tiket/" + id);
        complete(b, "Laporan kerusakan software diterima", "Selesai, lanjut ke 10. Mencatat dalam agenda");
        b.signOut();

        b.signIn(Api.KASI, Api.PASSWORD);
        b.open("/tiket?langkah=AGENDA");
        assertEquals(List.of(), b.unlabelledFields());
        b.clickLink(number);
        assertEquals(List.of(), b.unlabelledFields(), "the step form and the Kasi's cancellation form");
        complete(b, "Dicatat dalam agenda", "Catat dalam agenda dan tutup tiket");
        String page = b.text();
        assertTrue(page.contains("Selesai (ditutup)"), page);
        assertTrue(page.matches("(?s).*Nomor agenda: [0-9]{3}/PIAK/[0-9]{4}.*"), page);
        assertTrue(page.contains("Pencatatan: Software berjalan dengan baik"));
        b.screenshot("ticket-closed");
        b.signOut();

        Api.as(Api.VIEWER).get("/api/v1/tickets/{id}", id).then().statusCode(200)
                .body("state", equalTo("CLOSED")).body("source", equalTo("PHONE"))
                .body("steps.size()", equalTo(9))
                .body("steps.find { it.code == 'INSPECTION' }.actor", equalTo(Api.ADB))
                .body("steps.find { it.code == 'REPORT_TO_KABID' }.actor", equalTo(Api.KABID))
                .body("steps.find { it.code == 'AGENDA' }.actor", equalTo(Api.KASI))
                .body("steps.find { it.code == 'DECISION' }.output", equalTo("Ya, software berfungsi dengan baik"))
                .body("decision", equalTo("YES"));
    }

    @Test
    void turnsALateStepRed() throws Exception {
        Map<String, Object> fast = defaultSop();
        fast.put("number", "800/488/DKPS-PS/2022-UJI");
        steps(fast).get(0).put("maxDuration", "PT1S");
        Api.admin().body(fast).post("/api/v1/sop").then().statusCode(201);
        long id;
        try {
            id = Api.newTicket("Langkah terlambat");
        } finally {
            Api.admin().body(defaultSop()).post("/api/v1/sop").then().statusCode(201);
        }
        Thread.sleep(1500);
        try {
            Browser b = browser();
            b.signIn(Api.JF_ADB, Api.PASSWORD);
            b.open("/tiket?langkah=COMPLAINT_RECEIVED");
            String number = Api.as(Api.JF_ADB).get("/api/v1/tickets/{id}", id).then().extract().path("number");
            WebElement row = b.driver().findElement(By.xpath("//tr[.//a[normalize-space(.)='" + number + "']]"));
            assertTrue(row.getAttribute("class").contains("row-late"), row.getAttribute("outerHTML"));
            assertTrue(row.getText().contains("terlambat"), row.getText());
            String colour = row.findElement(By.cssSelector("td.clock .late")).getCssValue("color");
            assertEquals("rgba(179, 38, 30, 1)", colour, "late is red (and says so in words)");
            b.screenshot("tickets-late");
            b.open("/tiket/" + id);
            assertTrue(b.text().contains("Terlambat: batas waktu"), b.text());
            assertTrue(b.find(".current-step").getAttribute("class").contains("is-late"));
            b.open("/papan");
            assertTrue(b.find("a.tile-late").getText().contains("tiket terlambat"));
            b.signOut();
        } finally {
            Api.as(Api.KASI).body(Map.of("to", "CANCELLED", "note", "tiket uji keterlambatan"))
                    .post("/api/v1/tickets/{id}/transitions", id).then().statusCode(200);
        }
    }

    @Test
    void printsTheFaultReportAndTheAgendaRegister() throws IOException {
        long id = closedTicket("Cetak KTP-el macet");
        String agendaNumber = Api.as(Api.VIEWER).get("/api/v1/tickets/{id}", id).then().extract().path("agendaNumber");
        Browser b = browser();
        b.signIn(Api.VIEWER, Api.PASSWORD);
        b.open("/tiket/" + id);
        b.clickLink("Cetak Laporan Kerusakan Software");
        String report = b.text();
        for (String expected : List.of("PEMERINTAH KABUPATEN PESISIR SELATAN", "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL",
                "800/488/DKPS-PS/2022", "LAPORAN KERUSAKAN SOFTWARE", "Kesimpulan: pita printer habis",
                "Kabid PIAK & PD (langkah 9)", agendaNumber, "Yang melaporkan,", "Mengetahui,")) {
            assertTrue(report.contains(expected), expected + " in " + report);
        }
        b.screenshot("fault-report");
        assertTrue(Files.size(b.printA4("fault-report")) > 1000);

        int year = Year.now(ZoneId.of("Asia/Jakarta")).getValue();
        b.open("/cetak/agenda?tahun=" + year);
        assertTrue(b.find("h1").getText().contains("BUKU AGENDA TAHUN " + year));
        assertEquals(List.of(), b.unlabelledFields());
        WebElement row = b.driver().findElement(By.xpath("//tr[th[normalize-space(.)='" + agendaNumber + "']]"));
        assertTrue(row.getText().contains("Cetak KTP-el macet"), row.getText());
        assertTrue(row.getText().contains("Test KASI (" + Api.KASI + ")"), row.getText());
        b.screenshot("agenda");
        assertTrue(Files.size(b.printA4("agenda")) > 1000);
        b.open("/papan");
        b.signOut();
    }

    @Test
    void showsTheMonthlyReportAndDownloadsItsCsv() throws IOException {
        long id = Api.newTicket("laporan bulanan");
        Api.move(Api.ADB, id, "INSPECTION", "diterima");
        Api.move(Api.ADB, id, "FUNCTION_CHECK", "tampilan normal");
        Browser b = browser();
        b.signIn(Api.KABID, Api.PASSWORD);
        b.clickLink("Laporan bulanan");
        assertTrue(b.find("h1").getText().startsWith("Laporan bulanan"));
        WebElement inspection = b.driver().findElement(
                By.xpath("//table[@id='step-figures']//tr[th[normalize-space(.)='2. Melakukan pemeriksaan']]"));
        List<WebElement> cells = inspection.findElements(By.tagName("td"));
        assertTrue(Integer.parseInt(cells.get(0).getText()) >= 1, inspection.getText());
        assertEquals("10 mnt – 30 mnt", cells.get(3).getText());
        assertEquals("100 %", cells.get(4).getText());
        assertFalse(b.driver().findElements(By.cssSelector("svg.chart rect.bar-within")).isEmpty(), "a bar chart");
        assertEquals(List.of(), b.unlabelledFields());
        b.screenshot("report");

        WebElement link = b.driver().findElement(By.xpath("//a[normalize-space(.)='Unduh CSV']"));
        String href = link.getAttribute("href");
        link.click();
        String month = YearMonth.now(ZoneId.of("Asia/Jakarta")).toString();
        Path csv = b.downloaded("siaga-laporan-bulanan-" + month + ".csv");
        String content = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(content.startsWith("bagian,kode,nama,jumlah,median_menit"), content);
        assertTrue(content.contains("langkah,INSPECTION,Melakukan pemeriksaan,"), content);

        RestAssured.given().cookie(Pages.SESSION_COOKIE, b.cookie(Pages.SESSION_COOKIE)).get(href).then()
                .statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("attachment; filename=\"siaga-laporan-bulanan-" + month))
                .body(containsString("ringkasan,OPENED,"));
        b.signOut();
    }

    /** Completes the current step through the main form: types its output and presses the button. */
    private static void complete(Browser b, String output, String button) {
        b.type("#output", output);
        b.clickButton(button);
        assertTrue(b.text().contains("Langkah selesai dan tiket dipindahkan."), b.text());
    }

    private static WebElement cardOf(Browser b, String serverName) {
        return b.driver().findElement(By.xpath("//li[contains(@class,'card')][.//h3[normalize-space(.)='" + serverName + "']]"));
    }

    /** A ticket walked to CLOSED through the API, with its fault conclusion. */
    private static long closedTicket(String title) {
        long id = ((Number) Api.as(Api.ADB).body(Map.of("source", "LETTER", "reporterName", "Kantor Kec. Bayang",
                "application", "KTP_EL", "title", title, "description", "Printer kartu berhenti", "severity", "MEDIUM"))
                .post("/api/v1/tickets").then().statusCode(201).extract().path("id")).longValue();
        Api.move(Api.ADB, id, "INSPECTION", "Surat diterima");
        Api.move(Api.ADB, id, "FUNCTION_CHECK", "Tampilan normal");
        Api.move(Api.ADB, id, "ANALYSIS", "Cetak gagal");
        Api.move(Api.ADB, id, "REPAIR", "Kesimpulan: pita printer habis");
        Api.move(Api.ADB, id, "SOFTWARE_CHECK", "Pita diganti");
        Api.move(Api.ADB, id, "DECISION", "Cetak berhasil");
        Api.move(Api.ADB, id, "REPORT_TO_KABID", "Ya");
        Api.move(Api.KABID, id, "AGENDA", "Laporan diterima");
        Api.move(Api.KASI, id, "CLOSED", "Dicatat");
        return id;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> defaultSop() throws IOException {
        try (InputStream in = BrowserTest.class.getClassLoader().getResourceAsStream("sop/sop-800-488-DKPS-PS-2022.json")) {
            Map<String, Object> sop = new ObjectMapper().readValue(in, Map.class);
            List<Map<String, Object>> steps = new ArrayList<>();
            ((List<Map<String, Object>>) sop.get("steps")).forEach(s -> steps.add(new HashMap<>(s)));
            sop.put("steps", steps);
            return sop;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(Map<String, Object> sop) {
        return (List<Map<String, Object>>) sop.get("steps");
    }
}
