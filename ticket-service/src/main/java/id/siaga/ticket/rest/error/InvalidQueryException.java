package id.siaga.ticket.rest.error;

import id.siaga.ticket.domain.sop.FieldError;

import java.util.List;
import java.util.stream.Collectors;

/** A query parameter that cannot be read; answered with 400 naming it. */
public class InvalidQueryException extends RuntimeException {
    private final List<FieldError> errors;

    public InvalidQueryException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
