package id.siaga.ticket.escalation;

import java.util.Locale;

/** Where a person acknowledged an escalation; recorded on it and in the audit trail. */
public enum AckChannel {
    API, WEB, TELEGRAM;

    /** @return the name as stored: {@code api}, {@code web}, {@code telegram} */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
