package id.siaga.ticket.knowledge;

import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The knowledge pages in headless Chromium: search past repairs and see the matching words marked (and a hostile
 * title shown as text), mark one as recommended as the Kasi, see suggestions on a ticket at analysis and on the
 * intake form while the title is typed.
 */
@QuarkusTest
class KnowledgeBrowserTest {

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
    void searchesMarksAndSuggests() {
        long repaired = Repairs.closedComplaint("Layanan <script>alert('x')</script> SIAK Lunang terputus",
                "Kecamatan Lunang tidak dapat login", "Listener Oracle mati setelah listrik padam",
                "Listener diperbaiki dan dinyalakan otomatis saat boot");
        String number = Api.as(Api.ADB).get("/api/v1/tickets/{id}", repaired).then().extract().path("number");

        Browser b = browser();
        b.signIn(Api.KASI, Api.PASSWORD);
        b.open("/pengetahuan");
        b.type("#k-q", "perbaikan listener layanan");
        b.clickAndWait(b.find("form[role='search'] button[type='submit']"));
        WebElement hit = b.find("#r-" + repaired);
        List<String> marked = hit.findElements(By.cssSelector(".snippet mark")).stream().map(WebElement::getText).toList();
        assertTrue(marked.contains("Listener") && marked.contains("diperbaiki") && marked.contains("Layanan"),
                "marked words: " + marked);
        assertTrue(hit.findElement(By.cssSelector(".knowledge-title")).getText().contains("<script>alert('x')</script>"),
                "a hostile title is shown as text");
        assertTrue(hit.findElement(By.cssSelector(".snippet")).getText().contains("<script>"));
        assertEquals("Listener Oracle mati setelah listrik padam", hit.findElement(By.cssSelector(".conclusion")).getText());
        b.screenshot("pengetahuan-cari");

        b.clickAndWait(hit.findElement(By.cssSelector("button[value='RECOMMENDED']")));
        assertTrue(b.find(".notice").getText().contains("Tanda perbaikan tersimpan"));
        assertTrue(b.find("#r-" + repaired + " .badge").getText().contains("Direkomendasikan"));

        long working = Repairs.complaint("SIAK Lunang terputus lagi", "Listener Oracle tidak menjawab");
        Repairs.walkTo(working, "ANALYSIS", null, null);
        b.open("/tiket/" + working);
        WebElement panel = b.find("#saran");
        assertTrue(panel.getText().contains(number), panel.getText());
        assertTrue(panel.getText().contains("Listener diperbaiki dan dinyalakan otomatis saat boot"));
        b.screenshot("tiket-saran");

        b.open("/tiket/baru");
        b.type("#title", "listener oracle mati");
        b.wait(Duration.ofSeconds(10)).until(d -> d.findElement(By.id("saran")).isDisplayed()
                && d.findElement(By.id("saran")).getText().contains(number));
        b.screenshot("intake-saran");
        b.signOut();
    }
}
