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
    /** A further complaint about the ticket's fault was recorded as a linked report. */
    public static final String REPORT_LINKED = "REPORT_LINKED";
    /** The ticket was cancelled as a duplicate of another; its reports moved there. */
    public static final String MARKED_DUPLICATE = "MARKED_DUPLICATE";
    /** A ticket was cancelled as a duplicate of this one; its reports moved here. */
    public static final String DUPLICATE_MERGED = "DUPLICATE_MERGED";
    /**
     * A person acknowledged an escalation; the note names the channel (api, web, telegram). Its ticket is empty when
     * the escalation is about a server (a silent agent).
     */
    public static final String ESCALATION_ACKNOWLEDGED = "ESCALATION_ACKNOWLEDGED";

    /**
     * The agent stopped walking a ticket it opened short of ANALYSIS, because the active SOP's way there runs through a
     * step only a person does (or there is no way); the ticket waits at its step for an ADB, and the note says why.
     */
    public static final String AGENT_WALK_STOPPED = "AGENT_WALK_STOPPED";

    /** The public summary shown on the status page was written, changed or removed. */
    public static final String PUBLIC_SUMMARY = "PUBLIC_SUMMARY";

    private TicketEventType() {
    }
}
