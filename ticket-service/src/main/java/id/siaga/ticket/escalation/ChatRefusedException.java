package id.siaga.ticket.escalation;

import java.time.Duration;
import java.util.Optional;

/** A chat service refused to take a notice or could not be reached; it may ask for a pause before the next call. */
public class ChatRefusedException extends Exception {

    private final Duration retryAfter;

    public ChatRefusedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** @return how long the chat service asked to wait before the next call, when it asked */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
