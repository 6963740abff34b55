package id.siaga.ticket.telegram;

import java.time.Duration;
import java.util.Optional;

/**
 * The Bot API refused a call or could not be reached. The message is Telegram's own description (or the kind of
 * network failure), never the URL, which carries the bot token.
 */
public class TelegramException extends Exception {

    private final int status;
    private final Duration retryAfter;

    public TelegramException(int status, String message, Duration retryAfter) {
        super(message);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** @return the HTTP status, 0 when Telegram was not reached */
    public int status() {
        return status;
    }

    /** @return how long Telegram asked to wait before the next call (HTTP 429, {@code parameters.retry_after}) */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** @return whether an edit was refused because the message already reads so (not an error for SIAGA) */
    public boolean notModified() {
        return status == 400 && getMessage() != null && getMessage().contains("message is not modified");
    }
}
