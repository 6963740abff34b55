package id.siaga.ticket.reports;

import id.siaga.ticket.support.Agents;
import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Browser;
import id.siaga.ticket.support.Sql;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import javax.sql.DataSource;
import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The intake form in headless Chromium: choosing the server of an open ticket shows that ticket (fetched as the
 * choice changes, within the page's Content-Security-Policy), and its button records the call as a linked report on
 * it instead of a new ticket.
 */
@QuarkusTest
class LinkedReportsBrowserTest {

    private static Browser browser;

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void showsTheOpenTicketOfTheChosenServerAndRecordsTheCallOnIt() {
        Agents.Registered server = Agents.register("siak-db-browser-link", "SIAK_DB");
        Map<String, Object> complaint = new HashMap<>(Api.complaint("Database SIAK tidak menjawab"));
        complaint.put("serverId", server.id());
        complaint.put("application", "KTP_EL");
        long id = ((Number) Api.as(Api.ADB).body(complaint).post("/api/v1/tickets").then().statusCode(201)
                .extract().path("id")).longValue();
        String number = Api.as(Api.ADB).get("/api/v1/tickets/{id}", id).then().extract().path("number");
        long tickets = Sql.count(dataSource, "select count(*) from ticket");

        Api.ensureUsers();
        browser = Browser.start(base.toString());
        Browser b = browser;
        b.signIn(Api.ADB, Api.PASSWORD);
        b.open("/tiket/baru");
        b.type("#reporterName", "Operator Kecamatan IV Jurai");
        b.type("#reporterContact", "0812-3333-4444");
        new Select(b.find("#application")).selectByValue("OTHER");
        b.wait(Duration.ofSeconds(10)).until(d -> !d.findElement(By.id("terkait")).isDisplayed());
        new Select(b.find("#serverId")).selectByValue(String.valueOf(server.id()));
        b.wait(Duration.ofSeconds(10)).until(d -> d.findElement(By.id("terkait")).isDisplayed()
                && d.findElement(By.id("terkait")).getText().contains(number));
        WebElement offered = b.find("#terkait li[data-ticket='" + id + "']");
        assertTrue(offered.getText().contains("Database SIAK tidak menjawab"), offered.getText());
        b.type("#title", "Tidak bisa cetak KK");
        b.type("#description", "Layar berhenti saat simpan");
        b.screenshot("intake-tiket-terkait");

        b.clickAndWait(offered.findElement(By.cssSelector("button")));
        assertEquals("/tiket/" + id + "?ok=linked#laporan-h", b.path());
        assertTrue(b.find(".notice").getText().contains("Laporan terkait tercatat"), b.find(".notice").getText());
        String row = b.find("#linked-reports tbody tr").getText();
        assertTrue(row.contains("Operator Kecamatan IV Jurai") && row.contains("0812-3333-4444")
                && row.contains("Tidak bisa cetak KK — Layar berhenti saat simpan"), row);
        b.screenshot("tiket-laporan-terkait");
        b.signOut();

        assertEquals(tickets, Sql.count(dataSource, "select count(*) from ticket"), "no new ticket");
        JsonPath ticket = Api.as(Api.VIEWER).get("/api/v1/tickets/{id}", id).then().extract().jsonPath();
        assertEquals(1, ticket.getList("reports").size());
        assertEquals("PHONE", ticket.getString("reports[0].source"));
        assertEquals(Api.ADB, ticket.getString("reports[0].recordedBy"));
    }
}
