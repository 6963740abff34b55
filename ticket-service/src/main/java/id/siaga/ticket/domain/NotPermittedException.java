package id.siaga.ticket.domain;

/** The caller is known but may not do this; answered with 403. */
public class NotPermittedException extends RuntimeException {
    public NotPermittedException(String message) {
        super(message);
    }
}
