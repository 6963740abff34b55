package id.siaga.ticket.domain;

import java.util.List;

/** A move the SOP does not allow from the ticket's current step; answered with 409. */
public class IllegalTransitionException extends RuntimeException {
    private final String from;
    private final String to;
    private final List<String> allowed;

    public IllegalTransitionException(String from, String to, List<String> allowed) {
        super(message(from, to, allowed));
        this.from = from;
        this.to = to;
        this.allowed = List.copyOf(allowed);
    }

    private static String message(String from, String to, List<String> allowed) {
        if (allowed.isEmpty()) {
            return "The ticket is " + from + " and cannot move any more.";
        }
        return "A ticket at " + from + " cannot move to " + to + "; allowed next: " + String.join(", ", allowed) + ".";
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    public List<String> allowed() {
        return allowed;
    }
}
