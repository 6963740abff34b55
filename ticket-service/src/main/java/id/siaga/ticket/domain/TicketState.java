package id.siaga.ticket.domain;

/** Whether a ticket is still being worked, closed through the SOP, or cancelled. */
public enum TicketState {
    OPEN, CLOSED, CANCELLED
}
