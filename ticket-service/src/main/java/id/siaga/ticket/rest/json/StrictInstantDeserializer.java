package id.siaga.ticket.rest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads an instant only from an ISO-8601 string ({@code 2026-11-25T08:00:00Z}, or with an offset), never from an
 * epoch number, and only within years 1 to 9999, which every database and client can hold.
 */
final class StrictInstantDeserializer extends StdScalarDeserializer<Instant> {

    /** The earliest instant taken: 0001-01-01T00:00:00Z. */
    static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    /** The latest instant taken: 9999-12-31T23:59:59.999999Z (PostgreSQL keeps microseconds). */
    static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999Z");
    static final String FORMAT = "must be an ISO-8601 timestamp such as 2026-11-25T08:00:00Z";
    static final String RANGE = "must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z";

    StrictInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            throw new RefusedValueException(p, FORMAT + " (a string, not a number)", Instant.class);
        }
        Instant value;
        try {
            value = parse(p.getText());
        } catch (DateTimeParseException e) {
            throw new RefusedValueException(p, FORMAT, Instant.class);
        }
        String problem = rangeProblem(value);
        if (problem != null) {
            throw new RefusedValueException(p, problem, Instant.class);
        }
        return value;
    }

    /** @return the instant written as ISO-8601 in UTC or with an offset */
    static Instant parse(String text) {
        Instant utc = parseUtc(text);
        return utc != null ? utc : DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text.trim(), Instant::from);
    }

    /**
     * Reads the form agents write ({@link Instant#toString}: {@code 2026-11-25T08:00:00Z}, with 1 to 9 digits of
     * the second's fraction or none) without the general formatter, a good part of a findings post's parsing.
     *
     * @return the instant, or null when the text is not in exactly that form or names no real date or time (the
     *         formatter then decides, so both accept and refuse the same texts)
     */
    static Instant parseUtc(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = 0;
        if (length > 20) {
            int fraction = length - 21;
            if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            nanos = digits(text, 20, length - 1);
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        if ((year | month | day | hour | minute | second | nanos) < 0 || month < 1 || month > 12 || day < 1
                || day > YearMonth.of(year, month).lengthOfMonth() || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** @return the number written by the ASCII digits from {@code start} to {@code end}, or -1 if one is not */
    private static int digits(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** @return why the instant is out of range, or null */
    static String rangeProblem(Instant value) {
        return value.isBefore(MIN) || value.isAfter(MAX) ? RANGE : null;
    }
}
