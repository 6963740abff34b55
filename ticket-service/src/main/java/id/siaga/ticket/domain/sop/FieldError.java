package id.siaga.ticket.domain.sop;

/**
 * One problem with submitted data.
 *
 * @param field   the path of the offending field, e.g. {@code steps[2].maxDuration}
 * @param message what is wrong, in plain words
 */
public record FieldError(String field, String message) {
}
