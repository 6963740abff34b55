package id.siaga.ticket.office;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Browser;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kasi reads {@code /wilayah} in a real browser (headless Chromium): offices worst first, a silent one marked,
 * re-sorted by open faults, each with its trend drawn as inline SVG, in Indonesian and English, and the CSV downloaded.
 */
@QuarkusTest
@TestProfile(OfficeProfile.class)
class OfficeBrowserTest {

    private static Browser browser;

    @TestHTTPResource("/")
    URL base;

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource dataSource;

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theKasiSeesOfficesWorstFirstSortsThemAndDownloadsTheCsv() throws Exception {
        String tag = String.valueOf(10 + (int) (Math.random() * 80));
        String crit = "21." + tag;
        String busy = "22." + tag;
        String silent = "23." + tag;
        send(crit, "Kabupaten Kritis", "CRIT", 2);
        send(busy, "Kota Sibuk", "OK", 40);
        register(silent, "Kabupaten Diam");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("update office set created_at = now() - interval '1 hour' where code = '" + silent + "'");
            s.executeUpdate("insert into office_day (office_code, day, open_faults, overdue_steps, open_escalations) "
                    + "values ('" + busy + "', current_date - 3, 10, 2, 0) on conflict do nothing");
        }
        Api.ensureUsers();
        browser = Browser.start(base.toString());
        browser.signIn(Api.KASI, Api.PASSWORD);
        browser.open("/wilayah?lang=id");
        assertTrue(browser.find(".brand-office").getText().contains(OfficeProfile.CODE + " · " + OfficeProfile.NAME),
                "this office's identity in the frame");
        assertEquals("Kantor yang melapor ke SIAGA ini", browser.find("h1").getText());
        List<String> order = codes();
        assertTrue(order.indexOf(silent) < order.indexOf(crit) && order.indexOf(crit) < order.indexOf(busy), order.toString());
        WebElement silentRow = browser.find("tr[data-office='" + silent + "']");
        assertTrue(silentRow.getText().contains("Diam"), silentRow.getText());
        WebElement busyRow = browser.find("tr[data-office='" + busy + "']");
        assertEquals(2, busyRow.findElements(By.cssSelector("td.trend svg polyline")).size(), "faults and overdue drawn");
        browser.screenshot("wilayah-id");

        browser.clickLink("Urutkan menurut Gangguan terbuka");
        assertTrue(browser.driver().getCurrentUrl().contains("urut=faults"));
        List<String> byFaults = codes();
        assertTrue(byFaults.indexOf(busy) < byFaults.indexOf(crit), byFaults.toString());

        browser.clickLink("English");
        assertEquals("Offices reporting to this SIAGA", browser.find("h1").getText());
        assertTrue(browser.find("tr[data-office='" + silent + "']").getText().contains("Silent"));
        assertTrue(browser.find("tr[data-office='" + crit + "']").getText().contains("Critical"));
        browser.screenshot("wilayah-en");

        browser.find("a[href='/wilayah.csv']").click();
        String csv = Files.readString(browser.downloaded("siaga-wilayah.csv"));
        assertTrue(csv.startsWith("Code,Office,Via,State"), csv);
        assertTrue(csv.contains(crit + ",Kabupaten Kritis,,CRIT,"), csv);
        assertTrue(csv.contains(silent + ",Kabupaten Diam,,SILENT,"), csv);
        assertFalse(browser.text().contains("Exception"));
    }

    private List<String> codes() {
        return browser.driver().findElements(By.cssSelector("#offices tbody tr")).stream()
                .map(r -> r.getAttribute("data-office")).toList();
    }

    private static String register(String code, String name) {
        return Api.admin().contentType(ContentType.JSON).body(Map.of("code", code, "name", name)).post("/api/v1/offices")
                .then().statusCode(201).extract().path("token");
    }

    private void send(String code, String name, String status, int faults) throws Exception {
        String token = register(code, name);
        OfficeSummary summary = new OfficeSummary(UUID.randomUUID(), new OfficeSummary.OfficeRef(code, name),
                Instant.now().minusSeconds(5), 60, 0,
                List.of(new OfficeSummary.ServerGroup("SIAK", "SIAK_DB", status, null, 2, 2, 0, 0)),
                List.of(new OfficeSummary.StepTickets("ANALYSIS", faults, 1)),
                new OfficeSummary.Escalations(List.of(), null), new OfficeSummary.Compliance("2026-12", List.of()), 0,
                List.of(), null, null);
        RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(json.writeValueAsString(summary)).post("/api/v1/offices/{code}/summaries", code).then().statusCode(202);
    }
}
