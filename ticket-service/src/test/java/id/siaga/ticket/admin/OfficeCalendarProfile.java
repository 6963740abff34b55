package id.siaga.ticket.admin;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * A service that counts office hours (every day, all day, so that tests at any hour see the same) with one holiday
 * seeded from {@code siaga.calendar.holidays}, read again from the database every second.
 */
public class OfficeCalendarProfile implements QuarkusTestProfile {

    /** The holiday of {@code siaga.calendar.holidays}. */
    static final String SEEDED = "2030-01-01";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "siaga.calendar.always-open", "false",
                "siaga.calendar.office-hours", "MON-SUN 00:00-23:59",
                "siaga.calendar.holidays", SEEDED,
                "siaga.calendar.holidays-refresh", "1s");
    }
}
