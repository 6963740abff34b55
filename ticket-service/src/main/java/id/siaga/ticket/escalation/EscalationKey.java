package id.siaga.ticket.escalation;

import java.util.UUID;

/**
 * The de-duplication key of an escalation, stored as {@code escalation.dedup_key} (unique): its reason, the subject
 * escalated and the level, written {@code REASON:subject:L<level>}, e.g. {@code AGENT_SILENT:server:7:since:1764650000:L1}.
 * Whichever instance makes an escalation first, the others find its key taken.
 *
 * @param subject what is escalated, from one of the factories below
 */
public record EscalationKey(EscalationReason reason, String subject, int level) {

    private static final String LEVEL = ":L";

    /** @return the subject of a ticket's step (STEP_OVERDUE, DECISION_NO, THIRD_PARTY) */
    public static String step(long ticketId, int seq) {
        return "ticket:" + ticketId + ":step:" + seq;
    }

    /** @return the subject of one CRIT finding of a server's check (CRITICAL_FINDING) */
    public static String criticalFinding(long serverId, String checkKey, UUID findingId) {
        return "server:" + serverId + ":check:" + checkKey + ":finding:" + findingId;
    }

    /** @return the subject of a server's agent silent since its last report, in epoch seconds (AGENT_SILENT) */
    public static String silentAgent(long serverId, long lastSeenEpochSecond) {
        return "server:" + serverId + ":since:" + lastSeenEpochSecond;
    }

    /** @return the key as stored */
    public String format() {
        return reason.name() + ":" + subject + LEVEL + level;
    }

    /** @return the key stored as {@code text} */
    public static EscalationKey parse(String text) {
        int reasonEnd = text.indexOf(':');
        int levelStart = text.lastIndexOf(LEVEL);
        if (reasonEnd < 0 || levelStart <= reasonEnd) {
            throw new IllegalArgumentException("not an escalation key: " + text);
        }
        return new EscalationKey(EscalationReason.valueOf(text.substring(0, reasonEnd)),
                text.substring(reasonEnd + 1, levelStart), Integer.parseInt(text.substring(levelStart + LEVEL.length())));
    }
}
