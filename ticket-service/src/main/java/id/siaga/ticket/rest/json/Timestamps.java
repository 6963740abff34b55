package id.siaga.ticket.rest.json;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The one rule for timestamps a client sends, in JSON or in a query: ISO-8601 text within years 1 to 9999. */
public final class Timestamps {

    private Timestamps() {
    }

    /**
     * @return the instant
     * @throws IllegalArgumentException with the words to say to the client when the text is not a timestamp taken
     */
    public static Instant parse(String text) {
        Instant value;
        try {
            value = StrictInstantDeserializer.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(StrictInstantDeserializer.FORMAT);
        }
        String problem = StrictInstantDeserializer.rangeProblem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return value;
    }
}
