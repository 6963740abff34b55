package id.siaga.ticket.domain;

/** A legal move that the caller's role may not make; answered with 403. */
public class TransitionForbiddenException extends NotPermittedException {
    public TransitionForbiddenException(String message) {
        super(message);
    }
}
