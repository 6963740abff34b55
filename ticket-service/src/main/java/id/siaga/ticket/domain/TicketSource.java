package id.siaga.ticket.domain;

/** How a complaint reached the office; AGENT marks tickets opened from probe findings. */
public enum TicketSource {
    PHONE, WALK_IN, LETTER, MESSAGE, AGENT
}
