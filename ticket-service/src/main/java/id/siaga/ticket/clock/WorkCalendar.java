package id.siaga.ticket.clock;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The office's working time: opening hours per weekday in the office's time zone, minus holidays, minus
 * paused periods (maintenance windows). SOP time standards are counted in working time; a 24×7 calendar
 * (CRITICAL tickets) counts every moment except the paused periods.
 */
public final class WorkCalendar {

    /** A period on the time line, {@code from} inclusive, {@code to} exclusive. */
    public record Period(Instant from, Instant to) {
        public Period {
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("a period must not end before it starts");
            }
        }
    }

    /** Opening hours of one weekday. */
    public record Hours(LocalTime opens, LocalTime closes) {
    }

    private static final int MAX_DAYS_AHEAD = 3660;

    private final ZoneId zone;
    private final Map<DayOfWeek, Hours> hours;
    private final Set<LocalDate> holidays;
    private final boolean alwaysOpen;

    private WorkCalendar(ZoneId zone, Map<DayOfWeek, Hours> hours, Set<LocalDate> holidays, boolean alwaysOpen) {
        this.zone = zone;
        this.hours = hours;
        this.holidays = Set.copyOf(holidays);
        this.alwaysOpen = alwaysOpen;
    }

    /**
     * @param officeHours e.g. {@code MON-THU 07:30-16:00; FRI 07:30-16:30}
     * @throws IllegalArgumentException naming the part that cannot be read
     */
    public static WorkCalendar office(ZoneId zone, String officeHours, Set<LocalDate> holidays) {
        return new WorkCalendar(zone, parseHours(officeHours), holidays, false);
    }

    /** @return a calendar on which every moment counts (24×7) */
    public static WorkCalendar allDay(ZoneId zone) {
        return new WorkCalendar(zone, Map.of(), Set.of(), true);
    }

    /** @return the same office hours with these holidays instead */
    public WorkCalendar withHolidays(Set<LocalDate> days) {
        return alwaysOpen || holidays.equals(days) ? this : new WorkCalendar(zone, hours, days, false);
    }

    /** @return this calendar's 24×7 twin, with the same zone */
    public WorkCalendar twentyFourSeven() {
        return alwaysOpen ? this : allDay(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * @param start    when the clock starts
     * @param standard working time allowed
     * @param paused   periods that do not count (need not be sorted or disjoint)
     * @return the moment the allowed working time runs out
     */
    public Instant dueAt(Instant start, Duration standard, List<Period> paused) {
        List<Period> pauses = normalize(paused);
        Duration left = standard;
        LocalDate day = start.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS_AHEAD; i++, day = day.plusDays(1)) {
            Period open = openPeriod(day);
            if (open == null) {
                continue;
            }
            for (Period piece : subtract(open, pauses)) {
                Instant from = piece.from().isBefore(start) ? start : piece.from();
                if (!from.isBefore(piece.to())) {
                    continue;
                }
                Duration available = Duration.between(from, piece.to());
                if (available.compareTo(left) >= 0) {
                    return from.plus(left);
                }
                left = left.minus(available);
            }
        }
        throw new IllegalStateException("no working time within " + MAX_DAYS_AHEAD + " days of " + start);
    }

    /** @return the working time between two moments, paused periods excluded */
    public Duration workingTime(Instant from, Instant to, List<Period> paused) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        List<Period> pauses = normalize(paused);
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            Period open = openPeriod(day);
            if (open == null) {
                continue;
            }
            for (Period piece : subtract(open, pauses)) {
                Instant a = piece.from().isBefore(from) ? from : piece.from();
                Instant b = piece.to().isAfter(to) ? to : piece.to();
                if (b.isAfter(a)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
        }
        return total;
    }

    /** @return the open period of a day in the office's zone, or null when the office is closed all day */
    private Period openPeriod(LocalDate day) {
        if (alwaysOpen) {
            return new Period(day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant());
        }
        Hours h = hours.get(day.getDayOfWeek());
        if (h == null || holidays.contains(day)) {
            return null;
        }
        ZonedDateTime opens = day.atTime(h.opens()).atZone(zone);
        ZonedDateTime closes = day.atTime(h.closes()).atZone(zone);
        return new Period(opens.toInstant(), closes.toInstant());
    }

    private static List<Period> normalize(List<Period> paused) {
        List<Period> sorted = new ArrayList<>(paused);
        sorted.sort(Comparator.comparing(Period::from));
        List<Period> merged = new ArrayList<>();
        for (Period p : sorted) {
            if (!merged.isEmpty() && !p.from().isAfter(merged.get(merged.size() - 1).to())) {
                Period last = merged.remove(merged.size() - 1);
                merged.add(new Period(last.from(), p.to().isAfter(last.to()) ? p.to() : last.to()));
            } else {
                merged.add(p);
            }
        }
        return merged;
    }

    /** @return the parts of {@code open} not covered by the (sorted, disjoint) pauses */
    private static List<Period> subtract(Period open, List<Period> pauses) {
        List<Period> pieces = new ArrayList<>();
        Instant cursor = open.from();
        for (Period pause : pauses) {
            if (!pause.to().isAfter(cursor) || !pause.from().isBefore(open.to())) {
                continue;
            }
            if (pause.from().isAfter(cursor)) {
                pieces.add(new Period(cursor, pause.from()));
            }
            cursor = pause.to().isAfter(cursor) ? pause.to() : cursor;
            if (!cursor.isBefore(open.to())) {
                return pieces;
            }
        }
        if (cursor.isBefore(open.to())) {
            pieces.add(new Period(cursor, open.to()));
        }
        return pieces;
    }

    /**
     * Reads opening hours like {@code MON-THU 07:30-16:00; FRI 07:30-16:30}: groups separated by {@code ;},
     * each a day or day range and a time range.
     */
    static Map<DayOfWeek, Hours> parseHours(String text) {
        Map<DayOfWeek, Hours> result = new EnumMap<>(DayOfWeek.class);
        for (String group : text.split(";")) {
            String g = group.trim();
            if (g.isEmpty()) {
                continue;
            }
            String[] parts = g.split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("office hours '" + g + "' must look like 'MON-THU 07:30-16:00'");
            }
            String[] days = parts[0].split("-");
            String[] times = parts[1].split("-");
            if (days.length > 2 || times.length != 2) {
                throw new IllegalArgumentException("office hours '" + g + "' must look like 'MON-THU 07:30-16:00'");
            }
            DayOfWeek firstDay = day(days[0]);
            DayOfWeek lastDay = days.length == 2 ? day(days[1]) : firstDay;
            Hours h = new Hours(LocalTime.parse(times[0]), LocalTime.parse(times[1]));
            if (!h.closes().isAfter(h.opens())) {
                throw new IllegalArgumentException("office hours '" + g + "' must close after they open");
            }
            for (DayOfWeek d = firstDay; ; d = d.plus(1)) {
                result.put(d, h);
                if (d == lastDay) {
                    break;
                }
            }
        }
        return result;
    }

    private static DayOfWeek day(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(t) && t.length() >= 3) {
                return d;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a day (MON, TUE, WED, THU, FRI, SAT, SUN)");
    }
}
