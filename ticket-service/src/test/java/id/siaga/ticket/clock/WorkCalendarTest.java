package id.siaga.ticket.clock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Due times on the office calendar of Disdukcapil Pesisir Selatan (WIB). */
class WorkCalendarTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final String HOURS = "MON-THU 07:30-16:00; FRI 07:30-16:30";
    private final WorkCalendar office = WorkCalendar.office(WIB, HOURS, Set.of());

    @Test
    void addsTheStandardWithinOneWorkingDay() {
        assertEquals(wib("2026-11-24T10:30"), office.dueAt(wib("2026-11-24T10:00"), Duration.ofMinutes(30), List.of()));
    }

    @Test
    void startsCountingAtOpeningWhenStartedBeforeOffice() {
        assertEquals(wib("2026-11-24T08:00"), office.dueAt(wib("2026-11-24T06:10"), Duration.ofMinutes(30), List.of()));
    }

    @Test
    void carriesOverTheWeekendFromFridaysLongerDay() {
        // Friday 2026-11-27 16:00: 30 minutes left on Friday (closes 16:30), the rest on Monday from 07:30.
        assertEquals(wib("2026-11-30T08:00"), office.dueAt(wib("2026-11-27T16:00"), Duration.ofHours(1), List.of()));
    }

    @Test
    void carriesOverAThursdayEveningToFriday() {
        assertEquals(wib("2026-11-27T08:30"), office.dueAt(wib("2026-11-26T15:00"), Duration.ofHours(2), List.of()));
    }

    @Test
    void skipsAHoliday() {
        WorkCalendar withHoliday = WorkCalendar.office(WIB, HOURS, Set.of(LocalDate.parse("2026-11-30")));
        assertEquals(wib("2026-12-01T08:00"), withHoliday.dueAt(wib("2026-11-27T16:00"), Duration.ofHours(1), List.of()));
    }

    @Test
    void countsEveryMomentOnTheTwentyFourSevenCalendar() {
        WorkCalendar allDay = office.twentyFourSeven();
        assertEquals(wib("2026-11-28T02:00"), allDay.dueAt(wib("2026-11-27T21:00"), Duration.ofHours(5), List.of()));
    }

    @Test
    void stopsTheClockDuringAPause() {
        List<WorkCalendar.Period> maintenance = List.of(new WorkCalendar.Period(wib("2026-11-24T10:10"), wib("2026-11-24T11:10")));
        assertEquals(wib("2026-11-24T11:30"), office.dueAt(wib("2026-11-24T10:00"), Duration.ofMinutes(30), maintenance));
        assertEquals(wib("2026-11-24T11:30"), office.twentyFourSeven().dueAt(wib("2026-11-24T10:00"), Duration.ofMinutes(30), maintenance));
    }

    @Test
    void mergesOverlappingPauses() {
        List<WorkCalendar.Period> pauses = List.of(
                new WorkCalendar.Period(wib("2026-11-24T10:10"), wib("2026-11-24T10:40")),
                new WorkCalendar.Period(wib("2026-11-24T10:30"), wib("2026-11-24T11:00")));
        assertEquals(wib("2026-11-24T11:20"), office.dueAt(wib("2026-11-24T10:00"), Duration.ofMinutes(30), pauses));
    }

    @Test
    void measuresWorkingTimeAcrossAWeekend() {
        assertEquals(Duration.ofMinutes(60), office.workingTime(wib("2026-11-27T16:00"), wib("2026-11-30T08:00"), List.of()));
        assertEquals(Duration.ZERO, office.workingTime(wib("2026-11-28T09:00"), wib("2026-11-29T15:00"), List.of()));
    }

    @Test
    void dueAtAZeroStandardIsTheNextWorkingMoment() {
        assertEquals(wib("2026-11-30T07:30"), office.dueAt(wib("2026-11-28T12:00"), Duration.ZERO, List.of()));
    }

    @Test
    void refusesUnreadableOfficeHours() {
        assertThrows(IllegalArgumentException.class, () -> WorkCalendar.office(WIB, "weekdays 8-4", Set.of()));
        assertThrows(IllegalArgumentException.class, () -> WorkCalendar.office(WIB, "MON 16:00-07:30", Set.of()));
    }

    private static Instant wib(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WIB).toInstant();
    }
}
