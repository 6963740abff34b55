package id.siaga.ticket.status;

import id.siaga.ticket.support.Agents;
import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The status page's daily bars over known incidents of one public server: yesterday a HIGH ticket 10:00–12:00 under a
 * maintenance window 11:00–13:00 (one hour down, two in maintenance: 21 of 22 hours up, a red bar), three days ago a
 * MEDIUM ticket 08:00–09:00 (a yellow bar, fully up), four days ago a whole day of maintenance (a blue bar without a
 * share), the other days green.
 */
@QuarkusTest
class StatusBarsTest {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");
    private static final double EXACT = 1e-12;

    @Inject
    DataSource dataSource;

    @Inject
    StatusService status;

    @Test
    void eachDaysBarCountsMajorIncidentsAsDownAndMaintenanceApart() {
        Api.ensureUsers();
        Agents.Registered server = Agents.register("bar-" + System.nanoTime(), "OTHER");
        Api.admin().body(Map.of("public", true)).patch("/api/v1/servers/{id}", server.id()).then().statusCode(200);
        LocalDate today = LocalDate.now(OFFICE);
        Instant yesterday = today.minusDays(1).atStartOfDay(OFFICE).toInstant();
        Instant threeDaysAgo = today.minusDays(3).atStartOfDay(OFFICE).toInstant();
        incident(server.id(), "HIGH", yesterday.plusSeconds(10 * 3600), yesterday.plusSeconds(12 * 3600));
        incident(server.id(), "MEDIUM", threeDaysAgo.plusSeconds(8 * 3600), threeDaysAgo.plusSeconds(9 * 3600));
        window(server.id(), yesterday.plusSeconds(11 * 3600), yesterday.plusSeconds(13 * 3600));
        Instant fourDaysAgo = today.minusDays(4).atStartOfDay(OFFICE).toInstant();
        window(server.id(), fourDaysAgo, fourDaysAgo.plusSeconds(86_400));

        StatusSnapshot snapshot = status.read(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        StatusSnapshot.Line line = snapshot.lines().stream().filter(l -> l.key().equals("server-" + server.id()))
                .findFirst().orElseThrow();
        List<StatusSnapshot.Day> days = line.days();
        assertEquals(StatusService.DAYS, days.size());
        assertEquals(today, days.get(89).date());
        assertEquals("down", days.get(88).level());
        assertEquals(21 / 22.0, days.get(88).availability(), EXACT);
        assertEquals("partial", days.get(86).level());
        assertEquals(1.0, days.get(86).availability(), EXACT);
        assertEquals("maintenance", days.get(85).level());
        assertNull(days.get(85).availability());
        for (int d : new int[] {0, 84, 87, 89}) {
            assertEquals("ok", days.get(d).level(), "day " + d);
            assertEquals(1.0, days.get(d).availability(), EXACT, "day " + d);
        }
        assertEquals(LineState.OPERATIONAL, line.state());
        assertEquals(yesterday.plusSeconds(13 * 3600), line.since(), "the end of the last window");
    }

    /** A complaint about the server, opened and cancelled at the given times. */
    private void incident(long serverId, String severity, Instant opened, Instant closed) {
        long id = ((Number) Api.as(Api.ADB).body(Map.of("source", "PHONE", "reporterName", "Operator Kecamatan",
                "reporterContact", "0812-0000-0000", "application", "OTHER", "serverId", serverId, "title", "Portal lambat",
                "description", "Portal lambat (rinci)", "severity", severity)).post("/api/v1/tickets").then()
                .statusCode(201).extract().path("id")).longValue();
        Api.as(Api.KASI).body(Map.of("to", "CANCELLED", "note", "Sudah pulih")).post("/api/v1/tickets/{id}/transitions", id)
                .then().statusCode(200);
        assertNull(Sql.tryExecute(dataSource, "update ticket set created_at = '" + opened + "', closed_at = '" + closed
                + "' where id = " + id));
    }

    private static void window(long serverId, Instant from, Instant to) {
        Api.as(Api.KASI).body(Map.of("serverId", serverId, "from", from.toString(), "to", to.toString(),
                "reason", "Pembaruan")).post("/api/v1/maintenance").then().statusCode(201);
    }
}
