package id.siaga.ticket.admin;

import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Browser;
import id.siaga.ticket.support.EmbeddedPostgresResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The administration pages in a real browser (headless Chromium): a server registered and its token read once, a
 * person disabled while their own browser has a page open, and a holiday added that moves a ticket's due time.
 * Screenshots are kept in {@code target/screenshots/}.
 */
@QuarkusTest
@TestProfile(OfficeCalendarProfile.class)
class AdminBrowserTest {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");
    private static Browser admin;

    @TestHTTPResource("/")
    URL base;

    @AfterAll
    static void closeBrowser() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
    }

    @Test
    void theAdministratorRegistersAServerAndReadsItsTokenOnlyOnce() {
        Browser b = admin();
        b.clickLink("Server");
        assertEquals("/admin/server", b.path());
        assertEquals(List.of(), b.unlabelledFields());
        b.type("#name", "ktpel-peramban");
        new Select(b.find("#role")).selectByValue("KTPEL");
        b.type("#location", "Ruang server Painan");
        b.clickButton("Daftarkan dan buat token");
        assertTrue(b.path().matches("/admin/server/[0-9]+/token"), b.path());
        String token = b.find("#agent-token").getAttribute("value");
        assertTrue(token.startsWith("siaga_"), token);
        assertTrue(b.find("#env-line").getText().equals("SIAGA_AGENT_TOKEN=" + token));
        assertEquals("sudo ./install.sh ktpel", b.find("#install-line").getText());
        assertTrue(b.find("#config-lines").getText().contains("name: ktpel-peramban"), b.find("#config-lines").getText());
        b.screenshot("admin-server-token");
        RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(List.of(AdministrationApiTest.heartbeat("1.9.0", 4, Instant.now()))).post("/api/v1/findings")
                .then().statusCode(200);

        b.driver().navigate().refresh();
        assertTrue(b.driver().findElements(By.id("agent-token")).isEmpty(), "the token is gone after a reload");
        assertFalse(b.driver().getPageSource().contains(token));
        assertTrue(b.find("#token-gone").getText().contains("sekali"), b.find("#token-gone").getText());
        b.clickLink("Kembali ke daftar server");
        String row = b.driver().findElement(By.xpath("//tr[th[normalize-space(.)='ktpel-peramban']]")).getText();
        assertTrue(row.contains("1.9.0") && row.contains("45 detik") && row.contains("4 temuan"), row);
        b.screenshot("admin-servers");
    }

    @Test
    void disablingAPersonEndsTheirOpenBrowserSession() {
        Api.admin().body(Map.of("username", "yanti.adb", "fullName", "Yanti ADB", "password", "rahasia-yanti",
                "roles", List.of("ADB"))).post("/api/v1/users").then().statusCode(201);
        try (Browser yanti = Browser.start(base.toString())) {
            yanti.signIn("yanti.adb", "rahasia-yanti");
            yanti.open("/tiket");
            assertEquals("/tiket", yanti.path());

            Browser b = admin();
            b.clickLink("Pengguna");
            b.clickAndWait(b.driver().findElement(By.xpath("//tr[th[normalize-space(.)='yanti.adb']]//a")));
            b.clickButton("Nonaktifkan akun");
            assertTrue(b.text().contains("Akun dinonaktifkan"), b.text());
            assertTrue(b.find("#account-state").getText().contains("nonaktif"));
            b.screenshot("admin-user-disabled");

            yanti.driver().navigate().refresh();
            assertEquals("/masuk", yanti.path(), "the open session ended");
            yanti.type("#username", "yanti.adb");
            yanti.type("#password", "rahasia-yanti");
            yanti.clickAndWait(yanti.find("form[action='/j_security_check'] button[type='submit']"));
            assertTrue(yanti.path().startsWith("/masuk"), "a disabled account cannot sign in again: " + yanti.path());
        }
    }

    @Test
    void addingAHolidayMovesATicketsDueTime() {
        long id = Api.newTicket("SIAK lambat, libur mendadak");
        Api.move(Api.ADB, id, "INSPECTION", "diterima");
        Instant before = Instant.parse(Api.as(Api.ADB).get("/api/v1/tickets/{id}", id).then().extract().path("dueAt"));
        LocalDate dueDay = before.atZone(OFFICE).toLocalDate();

        Browser b = admin();
        b.open("/tiket/" + id);
        String dueBefore = b.find(".current-step").getText();
        b.clickLink("Hari libur");
        assertEquals("/admin/hari-libur", b.path());
        assertTrue(b.driver().findElements(By.id("libur-" + OfficeCalendarProfile.SEEDED)).size() == 1, "seeded");
        ((JavascriptExecutor) b.driver()).executeScript("document.getElementById('date').value = arguments[0]",
                dueDay.toString());
        b.clickButton("Tambah hari libur");
        assertTrue(b.text().contains("Hari libur ditambahkan"), b.text());
        assertEquals(1, b.driver().findElements(By.id("libur-" + dueDay)).size());
        b.screenshot("admin-holidays");

        Instant after = Instant.parse(Api.as(Api.ADB).get("/api/v1/tickets/{id}", id).then().extract().path("dueAt"));
        Instant nextDay = dueDay.plusDays(1).atStartOfDay(OFFICE).toInstant();
        assertTrue(!after.isBefore(nextDay) && !after.isAfter(nextDay.plus(30, ChronoUnit.MINUTES)),
                "the 30 minutes of the inspection now count from the next working day: " + before + " -> " + after);
        assertTrue(after.atZone(OFFICE).toLocalDate().isAfter(dueDay), "due on a later day: " + after);
        b.open("/tiket/" + id);
        assertNotEquals(dueBefore, b.find(".current-step").getText(), "the page shows the new due time");
        b.screenshot("admin-holiday-due");
    }

    private Browser admin() {
        Api.ensureUsers();
        if (admin == null) {
            admin = Browser.start(base.toString());
            admin.signIn("admin", EmbeddedPostgresResource.ADMIN_PASSWORD);
        }
        admin.open("/papan");
        return admin;
    }
}
