package id.siaga.ticket.ingest;

import id.siaga.ticket.domain.CheckStatus;
import java.time.Instant;

/**
 * The latest known state of one check on one server, with the streaks that decide when a ticket opens
 * and when a recovery is recorded. {@code history} keeps the last {@link StreakRules#HISTORY} results as
 * bits (1 = not OK), newest in bit 0, for flap detection.
 */
public final class CheckState {
    final long serverId;
    final String checkKey;
    String kind;
    CheckStatus status;
    String message;
    Instant observedAt;
    Instant lastOkAt;
    Instant failingSince;
    int consecutiveFailures;
    int consecutivePasses;
    int history;
    int historyLength;
    boolean flapping;
    String dependsOn;
    /** The ticket this check last opened or fed, or null. */
    Long ticketId;
    /** Whether that ticket is still open. */
    boolean ticketOpen;
    Instant lastEvidenceAt;
    /** When its row was last written ({@code updated_at}), or null when it has none yet. */
    Instant writtenAt;

    CheckState(long serverId, String checkKey) {
        this.serverId = serverId;
        this.checkKey = checkKey;
    }

    public long serverId() {
        return serverId;
    }

    public String checkKey() {
        return checkKey;
    }

    public String kind() {
        return kind;
    }

    public CheckStatus status() {
        return status;
    }

    public String message() {
        return message;
    }

    public Instant observedAt() {
        return observedAt;
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    public int consecutivePasses() {
        return consecutivePasses;
    }

    public boolean flapping() {
        return flapping;
    }

    public Long ticketId() {
        return ticketId;
    }

    public String dependsOn() {
        return dependsOn;
    }

    public Instant failingSince() {
        return failingSince;
    }
}
