package id.siaga.ticket.i18n;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Writes times, durations and shares the way a reader of the chosen language expects, in the office's zone. */
public final class Formats {

    /** Shown where there is no value. */
    public static final String NONE = "—";

    private final Locale locale;
    private final WebMessages msg;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;
    private final DateTimeFormatter longDate;
    private final DateTimeFormatter time;

    public Formats(Locale locale, ZoneId zone, WebMessages msg) {
        this.locale = locale;
        this.msg = msg;
        this.dateTime = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", locale).withZone(zone);
        this.date = DateTimeFormatter.ofPattern("d MMM yyyy", locale).withZone(zone);
        this.longDate = DateTimeFormatter.ofPattern("d MMMM yyyy", locale).withZone(zone);
        this.time = DateTimeFormatter.ofPattern("HH:mm:ss", locale).withZone(zone);
    }

    public Locale locale() {
        return locale;
    }

    /** @return e.g. "25 Nov 2026 14:05", or a dash */
    public String dateTime(Instant instant) {
        return instant == null ? NONE : dateTime.format(instant);
    }

    /** @return e.g. "25 Nov 2026", or a dash */
    public String date(Instant instant) {
        return instant == null ? NONE : date.format(instant);
    }

    /** @return e.g. "25 November 2026", or a dash */
    public String longDate(Instant instant) {
        return instant == null ? NONE : longDate.format(instant);
    }

    /** @return e.g. "14:05:09", or a dash */
    public String time(Instant instant) {
        return instant == null ? NONE : time.format(instant);
    }

    /** @return the duration in its two largest units, e.g. "1 h 20 min"; seconds only under a minute */
    public String duration(Duration duration) {
        if (duration == null) {
            return NONE;
        }
        long seconds = Math.max(0, duration.toSeconds());
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        if (days > 0) {
            return hours > 0 ? days + " " + msg.unitDay() + " " + hours + " " + msg.unitHour() : days + " " + msg.unitDay();
        }
        if (hours > 0) {
            return minutes > 0 ? hours + " " + msg.unitHour() + " " + minutes + " " + msg.unitMinute()
                    : hours + " " + msg.unitHour();
        }
        if (minutes > 0) {
            long rest = seconds % 60;
            return minutes >= 10 || rest == 0 ? minutes + " " + msg.unitMinute()
                    : minutes + " " + msg.unitMinute() + " " + rest + " " + msg.unitSecond();
        }
        return seconds + " " + msg.unitSecond();
    }

    /** @return a duration given in seconds, e.g. a median */
    public String seconds(double seconds) {
        return duration(Duration.ofMillis(Math.round(seconds * 1000)));
    }

    /** @return an ISO-8601 duration from the SOP data in words, or a dash when absent or unreadable */
    public String isoDuration(String iso) {
        if (iso == null) {
            return NONE;
        }
        try {
            return duration(Duration.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** @return a time standard such as "10 min – 30 min", "≤ 5 min", or a dash when the step has none */
    public String standard(String min, String max) {
        if (max == null) {
            return NONE;
        }
        if (min == null || Duration.parse(min).isZero()) {
            return "≤ " + isoDuration(max);
        }
        return isoDuration(min) + " – " + isoDuration(max);
    }

    /** @return a share between 0 and 1 as a percentage, e.g. "75 %", or a dash */
    public String percent(Double share) {
        if (share == null) {
            return NONE;
        }
        return String.format(locale, "%.0f %%", share * 100);
    }

    /** @return a share between 0 and 1 as a percentage with two decimals, e.g. "99,95 %", or a dash */
    public String percentFine(Double share) {
        if (share == null) {
            return NONE;
        }
        return String.format(locale, "%.2f %%", share * 100);
    }
}
