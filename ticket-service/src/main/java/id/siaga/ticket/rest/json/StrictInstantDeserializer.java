package id.siaga.ticket.rest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

import java.io.IOException;
import java.time.Instant;
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
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text.trim(), Instant::from);
    }

    /** @return why the instant is out of range, or null */
    static String rangeProblem(Instant value) {
        return value.isBefore(MIN) || value.isAfter(MAX) ? RANGE : null;
    }
}
