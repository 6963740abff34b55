package id.siaga.ticket.domain;

/** The request clashes with the current state (a duplicate name, a closed ticket); answered with 409. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
