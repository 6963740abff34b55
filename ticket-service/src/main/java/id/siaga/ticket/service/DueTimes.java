package id.siaga.ticket.service;

import id.siaga.ticket.clock.StepClock;
import id.siaga.ticket.domain.Ticket;
import id.siaga.ticket.domain.TicketState;
import id.siaga.ticket.domain.TicketStep;
import id.siaga.ticket.domain.sop.SopStateMachine;
import id.siaga.ticket.repository.TicketRepository;
import id.siaga.ticket.repository.TicketStepRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;

/**
 * Computes again the due times of open steps after the working calendar changed (a maintenance window planned or
 * cancelled, holidays edited), in the caller's transaction.
 */
@ApplicationScoped
public class DueTimes {

    private final TicketRepository tickets;
    private final TicketStepRepository steps;
    private final SopService sop;
    private final StepClock clock;

    public DueTimes(TicketRepository tickets, TicketStepRepository steps, SopService sop, StepClock clock) {
        this.tickets = tickets;
        this.steps = steps;
        this.sop = sop;
        this.clock = clock;
    }

    /** Moves the due times of the open steps of the server's tickets (all tickets when null). */
    public void recompute(Long serverId) {
        List<Ticket> open = serverId == null
                ? tickets.list("state = ?1 and dueAt is not null", TicketState.OPEN)
                : tickets.list("state = ?1 and dueAt is not null and serverId = ?2", TicketState.OPEN, serverId);
        for (Ticket ticket : open) {
            SopStateMachine machine = sop.machine(ticket.sopVersionId);
            Duration standard = machine.maxDuration(ticket.step).orElse(null);
            TicketStep current = steps.findCurrent(ticket.id).orElse(null);
            if (standard == null || current == null) {
                continue;
            }
            current.dueAt = clock.dueAt(ticket.serverId, ticket.severity, current.startedAt, standard);
            ticket.dueAt = current.dueAt;
        }
    }
}
