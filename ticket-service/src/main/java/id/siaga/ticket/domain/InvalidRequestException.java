package id.siaga.ticket.domain;

import id.siaga.ticket.domain.sop.FieldError;

import java.util.List;

/**
 * Well-formed input that cannot be accepted (a field out of range, an unknown reference, an SOP that
 * does not hold together); answered with 422 naming the fields at fault.
 */
public class InvalidRequestException extends RuntimeException {
    private final List<FieldError> errors;

    public InvalidRequestException(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public InvalidRequestException(String field, String message) {
        this(field + " " + message, List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
