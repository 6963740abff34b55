package id.siaga.ticket.clock;

import id.siaga.ticket.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service counts time standards in office hours, skipping holidays, except for CRITICAL tickets (24×7).
 * Today and tomorrow are configured as holidays, so a non-critical step started now cannot fall due before
 * the day after tomorrow, whatever the time of the run.
 */
@QuarkusTest
@TestProfile(OfficeHoursTest.HolidayToday.class)
class OfficeHoursTest {

    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    /** Office hours on, today and tomorrow holidays. */
    public static class HolidayToday implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            LocalDate today = LocalDate.now(WIB);
            return Map.of("siaga.calendar.always-open", "false",
                    "siaga.calendar.holidays", today + "," + today.plusDays(1));
        }
    }

    @Test
    void countsANormalTicketsStandardInOfficeHoursAfterTheHolidays() {
        JsonPath ticket = ticketAtInspection("HIGH");
        Instant started = Instant.parse(ticket.getString("stepStartedAt"));
        ZonedDateTime due = Instant.parse(ticket.getString("dueAt")).atZone(WIB);
        assertTrue(due.toLocalDate().isAfter(LocalDate.now(WIB).plusDays(1)), "not on a holiday: " + due);
        assertFalse(due.toLocalTime().isBefore(LocalTime.of(8, 0)), "30 minutes after 07:30 at the earliest: " + due);
        assertTrue(due.toLocalTime().isBefore(LocalTime.of(16, 31)), "within office hours: " + due);
        assertTrue(Duration.between(started, due.toInstant()).toHours() >= 24);
        assertEquals(0, ticket.getLong("steps[1].elapsedSeconds"), "no working time has passed on a holiday");
    }

    @Test
    void countsACriticalTicketsStandardAroundTheClock() {
        JsonPath ticket = ticketAtInspection("CRITICAL");
        Instant started = Instant.parse(ticket.getString("stepStartedAt"));
        assertEquals(started.plus(Duration.ofMinutes(30)), Instant.parse(ticket.getString("dueAt")));
    }

    private static JsonPath ticketAtInspection(String severity) {
        Map<String, Object> complaint = new HashMap<>(Api.complaint("jam kerja " + severity));
        complaint.put("severity", severity);
        long id = ((Number) Api.as(Api.ADB).body(complaint).post("/api/v1/tickets").then().statusCode(201)
                .extract().path("id")).longValue();
        Api.move(Api.ADB, id, "INSPECTION", "diterima");
        return Api.as(Api.ADB).get("/api/v1/tickets/{id}", id).then().statusCode(200).extract().jsonPath();
    }
}
