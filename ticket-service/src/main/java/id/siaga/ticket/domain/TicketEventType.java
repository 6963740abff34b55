package id.siaga.ticket.domain;

/** Kinds of audit events on a ticket. */
public final class TicketEventType {
    public static final String CREATED = "CREATED";
    public static final String TRANSITION = "TRANSITION";
    public static final String CLOSED = "CLOSED";
    public static final String CANCELLED = "CANCELLED";
    public static final String THIRD_PARTY_APPROVED = "THIRD_PARTY_APPROVED";
    /** The failing check passes again (agent evidence for steps 6-7); the ticket stays open. */
    public static final String RECOVERED = "RECOVERED";
    /** A person asked the server's agent to run its checks again. */
    public static final String RECHECK_REQUESTED = "RECHECK_REQUESTED";
    /** The agent answered a re-check request. */
    public static final String RECHECK_RESULT = "RECHECK_RESULT";
    /** The failing check started flapping. */
    public static final String FLAPPING = "FLAPPING";
    /** The Kasi or Kabid marked the ticket's repair as recommended or wrong (or took the mark away). */
    public static final String KNOWLEDGE_CURATED = "KNOWLEDGE_CURATED";

    /** The public summary shown on the status page was written, changed or removed. */
    public static final String PUBLIC_SUMMARY = "PUBLIC_SUMMARY";

    private TicketEventType() {
    }
}
