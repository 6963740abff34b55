package id.siaga.ticket.service;

import id.siaga.ticket.domain.Ticket;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Tickets of one transaction whose numbers are taken together, just before it commits
 * ({@link TicketService#assignNumbers}). A transaction that opens many tickets among much other work (the findings
 * writer's batches) then holds the gap-free counter's row lock only for its last statements, instead of from its
 * first ticket on, so other writers opening tickets do not wait for all of its work. Until then each ticket holds a
 * provisional number, never seen outside the transaction.
 */
public final class DeferredNumbers {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<Ticket> tickets = new ArrayList<>();

    /** @return a number no other ticket holds, to be replaced before the transaction commits */
    String provisional() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "~" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    void add(Ticket ticket) {
        tickets.add(ticket);
    }

    /** @return the tickets waiting for their numbers, in the order they were opened */
    List<Ticket> tickets() {
        return tickets;
    }

    /** @return whether every ticket opened with these numbers has its number */
    public boolean isEmpty() {
        return tickets.isEmpty();
    }
}
