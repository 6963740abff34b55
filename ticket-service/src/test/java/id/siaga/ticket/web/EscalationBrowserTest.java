package id.siaga.ticket.web;

import id.siaga.ticket.escalation.FastClockProfile;
import id.siaga.ticket.support.Agents;
import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Await;
import id.siaga.ticket.support.Browser;
import id.siaga.ticket.support.Sops;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.URL;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static id.siaga.ticket.support.Api.ADB;
import static id.siaga.ticket.support.Api.KABID;
import static id.siaga.ticket.support.Api.KASI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kabid's escalation list and the maintenance schedule in a real browser (headless Chromium), on the service
 * with one-second sweeps of {@link FastClockProfile} and an SOP version with two-second time standards, so a late
 * step reaches the Kabid within seconds. Screenshots are kept in {@code target/screenshots/}.
 */
@QuarkusTest
@TestProfile(FastClockProfile.class)
class EscalationBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static Browser browser;

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void secondLongStandards() {
        Sops.activateSecondStandards();
        Api.ensureUsers();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void theKabidAcknowledgesALateStepFromTheirListInIndonesianAndReadsItInEnglish() {
        long id = Api.newTicket("SIAK lambat di kecamatan");
        Api.move(ADB, id, "INSPECTION", "diterima");
        String number = Api.as(ADB).get("/api/v1/tickets/{id}", id).then().extract().path("number");
        long raised = Await.value("the late step to reach the Kabid", WAIT, () -> escalationId(id, "KABID", "STEP_OVERDUE"));
        long thirdParty = thirdPartyEscalation();

        Browser b = browser();
        b.signIn(KABID, Api.PASSWORD);
        long open = Api.as(KABID).queryParam("recipient", "KABID").queryParam("open", true).get("/api/v1/escalations")
                .then().extract().jsonPath().getLong("total");
        WebElement nav = b.find("a[href='/eskalasi']");
        assertEquals(String.valueOf(open), nav.findElement(By.cssSelector(".nav-count [aria-hidden='true']")).getText(),
                "the navigation counts the Kabid's open escalations");
        b.clickAndWait(nav);
        assertEquals("/eskalasi", b.path());
        assertEquals("Daftar eskalasi", b.find("h1").getText());
        assertEquals("Peran saya (Kabid)", new Select(b.find("#f-untuk")).getFirstSelectedOption().getText());
        assertEquals("Belum ditanggapi", new Select(b.find("#f-status")).getFirstSelectedOption().getText());
        assertEquals(List.of(), b.unlabelledFields());

        List<WebElement> rows = b.driver().findElements(By.cssSelector("#escalations tbody tr"));
        List<Integer> levels = rows.stream().map(r -> Integer.parseInt(r.getAttribute("data-level"))).toList();
        assertEquals(levels.stream().sorted((x, y) -> y - x).toList(), levels, "second level first");
        List<String> ids = rows.stream().map(r -> r.getAttribute("id")).toList();
        assertTrue(ids.indexOf("eskalasi-" + raised) < ids.indexOf("eskalasi-" + thirdParty),
                "the late step (level 2) before the newer third-party request (level 1): " + ids);
        assertTrue(rows.stream().allMatch(r -> r.getText().contains("Kabid")), "only the Kabid's list");

        WebElement row = b.find("#eskalasi-" + raised);
        String text = row.getText();
        for (String expected : List.of("Langkah SOP terlambat dan belum ditanggapi Kasi", "Tingkat 2",
                "diteruskan", number, "2. Melakukan pemeriksaan", "lalu", "Belum ditanggapi", "Tanggapi")) {
            assertTrue(text.contains(expected), expected + " in " + text);
        }
        assertEquals("/tiket/" + id, row.findElement(By.linkText(number)).getAttribute("pathname"));
        assertTrue(b.find("#eskalasi-" + thirdParty).getText()
                .contains("Perbaikan oleh pihak ketiga menunggu persetujuan Kabid"));
        b.screenshot("escalations");

        b.clickAndWait(row.findElement(By.xpath(".//button[normalize-space(.)='Tanggapi']")));
        assertTrue(b.text().contains("Eskalasi ditanggapi; rantai eskalasinya berhenti di sini."), b.text());
        assertTrue(b.driver().findElements(By.id("eskalasi-" + raised)).isEmpty(), "it left the open list");
        Api.as(KABID).get("/api/v1/escalations/{id}", raised).then().statusCode(200)
                .body("acknowledgedBy", org.hamcrest.Matchers.equalTo(KABID));

        new Select(b.find("#f-status")).selectByVisibleText("Sudah ditanggapi");
        b.clickButton("Tampilkan");
        row = b.find("#eskalasi-" + raised);
        assertTrue(row.getText().contains("Test KABID (" + KABID + ")"), row.getText());
        assertTrue(row.findElements(By.tagName("button")).isEmpty(), "nothing left to acknowledge");
        b.screenshot("escalations-acknowledged");

        b.clickAndWait(row.findElement(By.linkText(number)));
        WebElement section = b.find("#ticket-escalations");
        WebElement mine = section.findElement(By.cssSelector("tr[data-level='2']"));
        assertTrue(mine.getText().contains("Test KABID (" + KABID + ")"), mine.getText());
        WebElement kasi = section.findElement(By.cssSelector("tr[data-level='1']"));
        assertTrue(kasi.getText().contains("Langkah SOP melewati batas waktu") && kasi.getText().contains("Kasi"),
                kasi.getText());
        b.screenshot("ticket-escalations");

        b.clickLink("English");
        assertEquals("Escalations", b.find("#escalations-h").getText());
        assertTrue(b.find("#ticket-escalations").getText().contains("An SOP step is late and the Kasi has not acknowledged it"));
        b.clickAndWait(b.find("a[href='/eskalasi']"));
        assertEquals("Escalations", b.find("h1").getText(), "the choice is remembered");
        assertEquals("My role (Division head (Kabid))", new Select(b.find("#f-untuk")).getFirstSelectedOption().getText());
        WebElement english = b.find("#eskalasi-" + thirdParty);
        assertTrue(english.getText().contains("A third-party repair waits for the Kabid's approval"), english.getText());
        assertTrue(english.getText().contains("Level 1") && english.getText().contains("ago"), english.getText());
        assertEquals("Acknowledge", english.findElement(By.tagName("button")).getText());
        b.screenshot("escalations-en");
        b.clickLink("Bahasa Indonesia");
        assertEquals("Daftar eskalasi", b.find("h1").getText());
        b.signOut();
    }

    @Test
    void aKasiPlansMaintenanceThatTheBoardMarksThenCancelsIt() {
        Agents.Registered server = Agents.register("ktpel-pemeliharaan", "KTPEL");
        LocalDateTime from = LocalDateTime.now(ZoneId.of("Asia/Jakarta")).minusMinutes(10).truncatedTo(ChronoUnit.MINUTES);
        Browser b = browser();
        b.signIn(KASI, Api.PASSWORD);
        b.clickLink("Pemeliharaan");
        assertEquals("Jadwal pemeliharaan", b.find("h1").getText());
        assertEquals(List.of(), b.unlabelledFields());
        new Select(b.find("#serverId")).selectByVisibleText(server.name());
        setValue(b, "#from", from.plusHours(3).toString());
        setValue(b, "#to", from.toString());
        b.type("#reason", "Penggantian printer kartu KTP-el");
        b.clickButton("Simpan jadwal");
        assertEquals("Waktu selesai harus sesudah waktu mulai.", b.find("#to-error").getText());
        assertEquals("Penggantian printer kartu KTP-el", b.find("#reason").getAttribute("value"), "keeps what was typed");

        setValue(b, "#from", from.toString());
        setValue(b, "#to", from.plusHours(3).toString());
        b.clickButton("Simpan jadwal");
        assertTrue(b.text().contains("Jadwal pemeliharaan tersimpan."), b.text());
        WebElement row = b.driver().findElement(By.xpath("//table[@id='windows']//tr[th[normalize-space(.)='"
                + server.name() + "']]"));
        assertTrue(row.getText().contains("Sedang berlangsung"), row.getText());
        assertTrue(row.getText().contains("Penggantian printer kartu KTP-el"), row.getText());
        b.screenshot("maintenance");

        b.clickLink("Papan status");
        WebElement card = b.driver().findElement(By.xpath("//li[contains(@class,'card')][.//h3[normalize-space(.)='"
                + server.name() + "']]"));
        assertTrue(card.getText().contains("sedang pemeliharaan"), card.getText());
        b.screenshot("board-maintenance");

        b.clickLink("Pemeliharaan");
        row = b.driver().findElement(By.xpath("//table[@id='windows']//tr[th[normalize-space(.)='" + server.name() + "']]"));
        b.clickAndWait(row.findElement(By.xpath(".//button[normalize-space(.)='Batalkan jadwal']")));
        assertTrue(b.text().contains("Jadwal pemeliharaan dibatalkan."), b.text());
        assertTrue(b.driver().findElements(By.xpath("//table[@id='windows']//th[normalize-space(.)='" + server.name()
                + "']")).isEmpty());
        b.signOut();
    }

    private Browser browser() {
        if (browser == null) {
            browser = Browser.start(base.toString());
        }
        return browser;
    }

    /** Sets a date-time field as the browser's picker would (typing into it depends on the browser's locale). */
    private static void setValue(Browser b, String css, String value) {
        ((JavascriptExecutor) b.driver()).executeScript("arguments[0].value = arguments[1];", b.find(css), value);
    }

    /** A ticket handed to a third party: an escalation to the Kabid at once. */
    private static long thirdPartyEscalation() {
        long id = Api.newTicket("Sinkronisasi ke pusat gagal");
        Api.toThirdPartyRepair(id);
        return escalationId(id, "KABID", "THIRD_PARTY");
    }

    /** @return the id of the ticket's escalation to that role for that reason, or null when there is none yet */
    private static Long escalationId(long ticketId, String recipient, String reason) {
        JsonPath page = Api.as(KABID).queryParam("ticketId", ticketId).queryParam("recipient", recipient)
                .get("/api/v1/escalations").then().statusCode(200).extract().jsonPath();
        Object id = page.get("items.find { it.reason == '" + reason + "' }.id");
        return id == null ? null : ((Number) id).longValue();
    }
}
