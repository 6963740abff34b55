package id.siaga.ticket.rest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A JSON value of the right type that the service refuses; {@link #reason()} is said to the client as it is. */
public class RefusedValueException extends MismatchedInputException {

    private final String reason;

    public RefusedValueException(JsonParser parser, String reason, Class<?> targetType) {
        super(parser, reason, targetType);
        this.reason = reason;
    }

    /** @return why the value was refused, in words for the client, e.g. "must not contain the NUL character" */
    public String reason() {
        return reason;
    }
}
