package id.siaga.ticket.telegram;

import id.siaga.ticket.escalation.ChatRefusedException;

import java.time.Duration;

/**
 * The Bot API refused a call or could not be reached. The message is Telegram's own description (or the kind of
 * network failure), never the URL, which carries the bot token. Its pause is the one Telegram asked for (HTTP 429,
 * {@code parameters.retry_after}).
 */
public class TelegramException extends ChatRefusedException {

    private final int status;

    public TelegramException(int status, String message, Duration retryAfter) {
        super(message, retryAfter);
        this.status = status;
    }

    /** @return the HTTP status, 0 when Telegram was not reached */
    public int status() {
        return status;
    }

    /** @return whether an edit was refused because the message already reads so (not an error for SIAGA) */
    public boolean notModified() {
        return status == 400 && getMessage() != null && getMessage().contains("message is not modified");
    }
}
