package id.siaga.agent;

/**
 * ISO-8601 text of instants in UTC, e.g. {@code 2026-11-25T12:00:00.123Z}, computed directly: the same text as
 * {@code java.time}'s formatters give, without loading their several dozen classes into the agent.
 */
public final class UtcTime {

    private static final long SECONDS_PER_DAY = 86_400;

    private UtcTime() {
    }

    /** @return e.g. {@code 2026-11-25T12:00:00.000Z}: always with milliseconds, as the findings API has them */
    public static String withMillis(long epochMillis) {
        return format(epochMillis, true);
    }

    /** @return what {@code Instant.ofEpochMilli(epochMillis).toString()} gives: milliseconds only when not 0 */
    public static String asInstant(long epochMillis) {
        return format(epochMillis, false);
    }

    private static String format(long epochMillis, boolean alwaysMillis) {
        long seconds = Math.floorDiv(epochMillis, 1000);
        int millis = (int) Math.floorMod(epochMillis, 1000);
        long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        // days since 1970-01-01 to year, month and day (H. Hinnant's civil_from_days)
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthIndex = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * monthIndex + 2) / 5 + 1);
        int month = (int) (monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        StringBuilder text = new StringBuilder(24);
        pad(text, year, 4).append('-');
        pad(text, month, 2).append('-');
        pad(text, day, 2).append('T');
        pad(text, secondOfDay / 3600, 2).append(':');
        pad(text, secondOfDay / 60 % 60, 2).append(':');
        pad(text, secondOfDay % 60, 2);
        if (alwaysMillis || millis != 0) {
            pad(text.append('.'), millis, 3);
        }
        return text.append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder text, long value, int digits) {
        String number = Long.toString(value);
        for (int i = number.length(); i < digits; i++) {
            text.append('0');
        }
        return text.append(number);
    }
}
