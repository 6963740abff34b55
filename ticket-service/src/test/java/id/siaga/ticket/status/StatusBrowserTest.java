package id.siaga.ticket.status;

import id.siaga.ticket.support.Agents;
import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static id.siaga.ticket.support.Api.ADB;
import static id.siaga.ticket.support.Api.KABID;
import static id.siaga.ticket.support.Api.KASI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public status page in headless Chromium, signed out, on a phone-sized window: an outage opened by a real agent
 * finding post shows up by itself (the test profile reads the snapshot every second and reloads the page every two),
 * in Indonesian and in English, and goes once the ticket is closed through the SOP. Screenshots are kept in
 * {@code target/screenshots/}.
 */
@QuarkusTest
class StatusBrowserTest {

    /** The snapshot's refresh (1 s) and the page's reload (2 s) of the test profile, with room for a slow machine. */
    private static final Duration WITHIN_REFRESH = Duration.ofSeconds(15);
    private static Browser browser;

    @TestHTTPResource("/")
    URL base;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void anAgentOutageShowsUpOnThePhoneInBothLanguagesAndGoesWhenTheTicketCloses() {
        Api.ensureUsers();
        Agents.Registered server = Agents.register("siak-db-publik-" + System.nanoTime(), "SIAK_DB");
        Api.admin().body(Map.of("public", true)).patch("/api/v1/servers/{id}", server.id()).then().statusCode(200);
        String line = "#line-server-" + server.id();

        browser = Browser.start(base.toString().replaceAll("/$", ""));
        browser.resize(375, 740);
        browser.open("/status");
        assertNull(browser.cookie("siaga-session"), "signed out");
        assertTrue(browser.driver().findElements(By.cssSelector("form[action='/keluar']")).isEmpty());
        assertEquals("Status layanan", text("h1"));
        waitForText(line + " .state-label", "Normal");
        assertEquals(90, browser.driver().findElements(By.cssSelector(line + " .days li")).size());
        assertFitsThePhone();

        Instant start = Instant.now().minusSeconds(10);
        Agents.results(server, "siak-login", "http", start, "CRIT", "CRIT");
        long ticket = Api.as(ADB).queryParam("serverId", server.id()).queryParam("open", true).get("/api/v1/tickets")
                .then().statusCode(200).extract().jsonPath().getLong("items[0].id");
        String number = Api.as(ADB).get("/api/v1/tickets/{id}", ticket).then().extract().path("number");

        waitForText(line + " .state-label", "Gangguan");
        assertTrue(text(line).contains("Tiket " + number), text(line));
        assertTrue(text(line).contains("Sedang ditangani petugas."), text(line));
        String page = text("body");
        assertFalse(page.contains("siak-login") || page.contains("CRIT"), "no check or message");
        assertEquals("day day-down", browser.wait(Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector(line + " .days li:last-child")).getAttribute("class")));
        assertFitsThePhone();
        browser.screenshot("status-outage-id");

        String summary = "SIAK tidak bisa login sejak 08.10; sedang diperbaiki, perkiraan selesai 10.00";
        Api.as(ADB).body(Map.of("text", summary)).put("/api/v1/tickets/{id}/public-summary", ticket).then().statusCode(200);
        waitForText(line + " .incident-summary", summary);

        browser.clickLink("English");
        assertEquals("Service status", text("h1"));
        waitForText(line + " .state-label", "Outage");
        assertTrue(text(line).contains("Ticket " + number), text(line));
        browser.screenshot("status-outage-en");

        closeThroughTheSop(ticket);
        waitForText(line + " .state-label", "Operational");
        assertFalse(text(line).contains(number), "gone from the line: " + text(line));
        assertTrue(text("#recent").contains(number) && text("#recent").contains(summary),
                "kept among the incidents that ended");
        assertEquals("Service status", text("h1"), "English remembered across reloads");
        assertFitsThePhone();
        browser.screenshot("status-after-en");
    }

    /** Walks the agent's ticket (opened at ANALYSIS: the agent did steps 2 and 3) to CLOSED. */
    private static void closeThroughTheSop(long ticket) {
        List<String> steps = List.of("INSPECTION", "FUNCTION_CHECK", "ANALYSIS", "REPAIR", "SOFTWARE_CHECK", "DECISION");
        String at = Api.as(ADB).get("/api/v1/tickets/{id}", ticket).then().extract().path("step");
        for (String step : steps.subList(steps.indexOf(at) + 1, steps.size())) {
            Api.move(ADB, ticket, step, "ok");
        }
        Api.move(ADB, ticket, "REPORT_TO_KABID", "Ya, software berfungsi");
        Api.move(KABID, ticket, "AGENDA", "Laporan diterima Kabid");
        Api.move(KASI, ticket, "CLOSED", "Dicatat dalam agenda");
    }

    /** @return the element's text, read again when the page reloaded itself meanwhile */
    private static String text(String css) {
        return browser.wait(Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector(css)).getText());
    }

    /** Waits, without touching the page, until its own reloads show the text. */
    private static void waitForText(String css, String expected) {
        browser.wait(WITHIN_REFRESH).ignoring(StaleElementReferenceException.class).ignoring(WebDriverException.class)
                .withMessage(() -> css + " to read " + expected)
                .until(d -> expected.equals(d.findElement(By.cssSelector(css)).getText()));
    }

    private static void assertFitsThePhone() {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        long scroll = (Long) js.executeScript("return document.documentElement.scrollWidth");
        long width = (Long) js.executeScript("return window.innerWidth");
        assertTrue(scroll <= width, "no sideways scrolling on a phone: " + scroll + " > " + width);
    }
}
