package id.siaga.ticket.rest.error;

/** A request body of the right JSON shape holding a value the service cannot read; answered with 400 naming it. */
public class InvalidBodyException extends RuntimeException {
    private final String field;
    private final String reason;

    /**
     * @param field  the JSON path of the value, e.g. {@code [2]}
     * @param reason why, in words for the client, e.g. "must be an ISO date (yyyy-mm-dd)"
     */
    public InvalidBodyException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
