package id.siaga.ticket.clock;

import id.siaga.ticket.config.SiagaConfig;
import id.siaga.ticket.domain.MaintenanceWindow;
import id.siaga.ticket.domain.Severity;
import id.siaga.ticket.repository.MaintenanceWindowRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns SOP time standards into due times and counts the time spent, on the office's working calendar:
 * office hours and holidays ({@link Holidays}) for most tickets, 24×7 for CRITICAL ones, and never inside a maintenance
 * window of the ticket's server.
 */
@ApplicationScoped
public class StepClock {

    /** How far ahead maintenance windows are looked up when computing a due time. */
    private static final Duration LOOKAHEAD = Duration.ofDays(60);
    /** How far around the scope's moment {@link #withWindowsRead} reads, for the steps started a little later. */
    private static final Duration SCOPE_SLACK = Duration.ofMinutes(10);

    private final WorkCalendar office;
    private final boolean alwaysOpen;
    private final Holidays holidays;
    private final MaintenanceWindowRepository windows;
    /** The windows {@link #withWindowsRead} read for the work running on this thread, if any. */
    private final ThreadLocal<ReadWindows> read = new ThreadLocal<>();

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

    /**
     * Runs {@code work}, which starts several steps of one server's ticket at about {@code now} and writes no
     * maintenance window, reading that server's windows once for all of them instead of once per step.
     */
    public <T> T withWindowsRead(Long serverId, Instant now, Supplier<T> work) {
        return withWindows(serverId, now, windows.overlapping(serverId, scopeStart(now), scopeEnd(now)), work);
    }

    /**
     * As {@link #withWindowsRead}, with windows the caller has read in its own transaction: they must hold every
     * live window of that server or of all servers that overlaps {@link #scopeStart}..{@link #scopeEnd} of
     * {@code now}; others among them (other servers', deleted ones, outside that span) are left out here.
     */
    public <T> T withWindows(Long serverId, Instant now, List<MaintenanceWindow> known, Supplier<T> work) {
        Instant from = scopeStart(now);
        Instant to = scopeEnd(now);
        List<WorkCalendar.Period> periods = known.stream().filter(w -> w.overlaps(serverId, from, to))
                .map(StepClock::period).toList();
        ReadWindows outer = read.get();
        read.set(new ReadWindows(serverId, from, to, periods));
        try {
            return work.get();
        } finally {
            read.set(outer);
        }
    }

    /** @return where the span of maintenance windows that steps started at about {@code now} need begins */
    public static Instant scopeStart(Instant now) {
        return now.minus(SCOPE_SLACK);
    }

    /** @return where that span ends */
    public static Instant scopeEnd(Instant now) {
        return now.plus(LOOKAHEAD).plus(SCOPE_SLACK);
    }

    private List<WorkCalendar.Period> pauses(Long serverId, Instant from, Instant to) {
        ReadWindows known = read.get();
        if (known != null && known.covers(serverId, from, to)) {
            return known.periods().stream().filter(p -> p.to().isAfter(from) && p.from().isBefore(to)).toList();
        }
        return windows.overlapping(serverId, from, to).stream()
                .map(StepClock::period).toList();
    }

    /** The windows of a server read for a scope, over {@code [from, to)}. */
    private record ReadWindows(Long serverId, Instant from, Instant to, List<WorkCalendar.Period> periods) {
        boolean covers(Long server, Instant start, Instant end) {
            return Objects.equals(serverId, server) && !start.isBefore(from) && !end.isAfter(to);
        }
    }

    private static WorkCalendar.Period period(MaintenanceWindow w) {
        return new WorkCalendar.Period(w.startsAt, w.endsAt);
    }
}
