package id.siaga.ticket.domain.sop;

/** A walk the SOP cannot make: a step that cannot be reached from the start, or a step on the way nobody may skip. */
public class SopWalkException extends RuntimeException {

    public SopWalkException(String message) {
        super(message);
    }
}
