package id.siaga.ticket.domain;

/** Kinds of audit events on a ticket. */
public final class TicketEventType {
    public static final String CREATED = "CREATED";
    public static final String TRANSITION = "TRANSITION";
    public static final String CLOSED = "CLOSED";
    public static final String CANCELLED = "CANCELLED";
    public static final String THIRD_PARTY_APPROVED = "THIRD_PARTY_APPROVED";

    private TicketEventType() {
    }
}
