package id.siaga.agent.check;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Threshold comparisons and number formatting shared by the checks. */
final class Levels {

    private Levels() {
    }

    /** @return CRIT above {@code crit}, WARN above {@code warn}, else OK; a {@code null} limit is not applied */
    static Status above(double value, Double warn, Double crit) {
        if (crit != null && value > crit) {
            return Status.CRIT;
        }
        if (warn != null && value > warn) {
            return Status.WARN;
        }
        return Status.OK;
    }

    /** @return CRIT below {@code crit}, WARN below {@code warn}, else OK; a {@code null} limit is not applied */
    static Status below(double value, Double warn, Double crit) {
        if (crit != null && value < crit) {
            return Status.CRIT;
        }
        if (warn != null && value < warn) {
            return Status.WARN;
        }
        return Status.OK;
    }

    /** @return e.g. " (warn > 85%, crit > 95%)", or "" without limits */
    static String limits(String comparison, Double warn, Double crit, String unit) {
        if (warn == null && crit == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(" (");
        if (warn != null) {
            text.append("warn ").append(comparison).append(' ').append(number(warn)).append(unit);
        }
        if (crit != null) {
            text.append(warn != null ? ", " : "").append("crit ").append(comparison).append(' ')
                    .append(number(crit)).append(unit);
        }
        return text.append(')').toString();
    }

    /** @return the value with at most one decimal, without a trailing ".0" */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return oneDecimal(value);
    }

    /**
     * @return the value rounded half up to one decimal, as {@code String.format(Locale.ROOT, "%.1f", value)} writes
     *         it, without that method's per-call locale and pattern set-up
     */
    static String oneDecimal(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        String text = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
        return value < 0 && text.charAt(0) != '-' || Double.doubleToRawLongBits(value) == Long.MIN_VALUE
                ? "-" + text : text;
    }

    /** @return milliseconds as a whole number, with one decimal below 10 ms */
    static String ms(double millis) {
        return millis < 10 ? oneDecimal(millis) : Long.toString(Math.round(millis));
    }

    /** @return a byte count in B, KB, MB, GB or TB (powers of 1024) */
    static String bytes(double bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        int unit = 0;
        while (bytes >= 1024 && unit < units.length - 1) {
            bytes /= 1024;
            unit++;
        }
        return (unit == 0 ? Long.toString((long) bytes) : oneDecimal(bytes)) + " " + units[unit];
    }

    /** @return a duration in seconds in words, e.g. "4 d 3 h", "12 min" */
    static String age(long seconds) {
        if (seconds >= 86_400) {
            return seconds / 86_400 + " d " + seconds % 86_400 / 3600 + " h";
        }
        if (seconds >= 3600) {
            return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
        }
        if (seconds >= 60) {
            return seconds / 60 + " min";
        }
        return seconds + " s";
    }
}
