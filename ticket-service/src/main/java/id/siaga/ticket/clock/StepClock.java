package id.siaga.ticket.clock;

import id.siaga.ticket.config.SiagaConfig;
import id.siaga.ticket.domain.MaintenanceWindow;
import id.siaga.ticket.domain.Severity;
import id.siaga.ticket.repository.MaintenanceWindowRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Turns SOP time standards into due times and counts the time spent, on the office's working calendar:
 * office hours and holidays ({@link Holidays}) for most tickets, 24×7 for CRITICAL ones, and never inside a maintenance
 * window of the ticket's server.
 */
@ApplicationScoped
public class StepClock {

    /** How far ahead maintenance windows are looked up when computing a due time. */
    private static final Duration LOOKAHEAD = Duration.ofDays(60);

    private final WorkCalendar office;
    private final boolean alwaysOpen;
    private final Holidays holidays;
    private final MaintenanceWindowRepository windows;

    public StepClock(SiagaConfig config, MaintenanceWindowRepository windows, Holidays holidays) {
        this.windows = windows;
        this.holidays = holidays;
        this.office = WorkCalendar.office(config.zone(), config.calendar().officeHours(), Set.of());
        this.alwaysOpen = config.calendar().alwaysOpen();
    }

    /** @return the calendar that counts for a ticket of that severity, with the holidays kept in the database */
    public WorkCalendar calendarFor(Severity severity) {
        if (alwaysOpen || severity == Severity.CRITICAL) {
            return office.twentyFourSeven();
        }
        return office.withHolidays(holidays.current());
    }

    /**
     * @param serverId the ticket's server, or null
     * @return when a step started at {@code start} with that standard falls due
     */
    public Instant dueAt(Long serverId, Severity severity, Instant start, Duration standard) {
        return calendarFor(severity).dueAt(start, standard, pauses(serverId, start, start.plus(LOOKAHEAD)));
    }

    /** @return the working time counted between two moments for a ticket of that server and severity */
    public Duration counted(Long serverId, Severity severity, Instant from, Instant to) {
        return calendarFor(severity).workingTime(from, to, pauses(serverId, from, to));
    }

    private List<WorkCalendar.Period> pauses(Long serverId, Instant from, Instant to) {
        return windows.overlapping(serverId, from, to).stream()
                .map(StepClock::period).toList();
    }

    private static WorkCalendar.Period period(MaintenanceWindow w) {
        return new WorkCalendar.Period(w.startsAt, w.endsAt);
    }
}
