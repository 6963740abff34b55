package id.siaga.ticket.reports;

import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Pages;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Helpers of the linked-report tests: reports, closed and cancelled tickets, the monthly count. */
final class Linked {

    private Linked() {
    }

    static Map<String, Object> report(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("source", "PHONE");
        body.put("reporterName", name);
        body.put("reporterContact", "0812-1111-2222");
        body.put("note", "SIAK juga tidak bisa dibuka di kantor kami");
        return body;
    }

    /** Records a linked report as the ADB and returns its id. */
    static long link(long ticketId, String name) {
        return ((Number) Api.as(Api.ADB).body(report(name)).post("/api/v1/tickets/{id}/reports", ticketId).then()
                .statusCode(201).extract().path("id")).longValue();
    }

    /** A ticket walked through the SOP's Yes path to CLOSED. */
    static long closedTicket(String title) {
        long id = Api.newTicket(title);
        for (String step : List.of("INSPECTION", "FUNCTION_CHECK", "ANALYSIS", "REPAIR", "SOFTWARE_CHECK", "DECISION",
                "REPORT_TO_KABID")) {
            Api.move(Api.ADB, id, step, "ok");
        }
        Api.move(Api.KABID, id, "AGENDA", "diterima");
        Api.move(Api.KASI, id, "CLOSED", "dicatat");
        return id;
    }

    /** A ticket cancelled by the Kasi. */
    static long cancelledTicket(String title) {
        long id = Api.newTicket(title);
        Api.as(Api.KASI).body(Map.of("to", "CANCELLED", "note", "salah buka")).post("/api/v1/tickets/{id}/transitions", id)
                .then().statusCode(200);
        return id;
    }

    /** @return the linked reports of this month, as the monthly CSV counts them */
    static long monthlyCsvCount() {
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Asia/Jakarta"));
        String csv = Pages.signIn(Api.VIEWER).request()
                .get("/laporan/bulanan.csv?tahun=" + now.getYear() + "&bulan=" + now.getMonthValue())
                .then().statusCode(200).extract().asString();
        for (String line : csv.split("\r\n")) {
            String[] fields = line.split(",");
            if (fields.length > 3 && fields[1].equals("LINKED_REPORTS")) {
                return Long.parseLong(fields[3]);
            }
        }
        throw new AssertionError("no LINKED_REPORTS line in the monthly CSV:\n" + csv);
    }
}
