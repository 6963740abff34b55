package id.siaga.ticket.ingest;

import id.siaga.ticket.domain.InvalidRequestException;
import id.siaga.ticket.domain.ResourceNotFoundException;
import id.siaga.ticket.domain.Server;
import id.siaga.ticket.domain.Ticket;
import id.siaga.ticket.domain.TicketEventType;
import id.siaga.ticket.repository.ServerRepository;
import id.siaga.ticket.repository.TicketRepository;
import id.siaga.ticket.domain.Caller;
import id.siaga.ticket.service.TicketService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Re-check requests: a person asks a server's agent to run its checks again (SOP step 6, "cek software"),
 * the agent picks the request up with its next post (agents never accept connections), and the results
 * are attached to the ticket.
 */
@ApplicationScoped
public class RecheckService {

    private final EntityManager entityManager;
    private final TicketRepository tickets;
    private final ServerRepository servers;
    private final TicketService ticketService;
    private final Clock clock;

    public RecheckService(EntityManager entityManager, TicketRepository tickets, ServerRepository servers,
            TicketService ticketService, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.tickets = tickets;
        this.servers = servers;
        this.ticketService = ticketService;
    }

    /** A stored request. */
    public record Request(UUID id, long serverId, Long ticketId, List<String> checks, String requestedBy,
            Instant requestedAt) {
    }

    /**
     * Asks the ticket's server to re-run the ticket's check (every check for a complaint ticket).
     *
     * @throws InvalidRequestException when the ticket is about no server
     */
    @Transactional
    public Request forTicket(long ticketId, Caller caller) {
        Ticket ticket = tickets.findByIdOptional(ticketId)
                .orElseThrow(() -> new ResourceNotFoundException("There is no ticket with id " + ticketId + "."));
        if (ticket.serverId == null) {
            throw new InvalidRequestException("serverId", "the ticket is about no server, so there is no agent to ask");
        }
        List<String> checks = ticket.checkKey == null ? List.of() : List.of(ticket.checkKey);
        Request request = store(ticket.serverId, ticket.id, checks, caller);
        ticketService.record(ticket.id, request.requestedAt(), caller.username(), TicketEventType.RECHECK_REQUESTED,
                ticket.step, ticket.step, checks.isEmpty() ? "Cek ulang semua cek server" : "Cek ulang " + checks.get(0));
        return request;
    }

    /** Asks a server's agent to re-run all its checks. */
    @Transactional
    public Request forServer(long serverId, Caller caller) {
        Server server = servers.findByIdOptional(serverId)
                .orElseThrow(() -> new ResourceNotFoundException("There is no server with id " + serverId + "."));
        return store(server.id, null, List.of(), caller);
    }

    private Request store(long serverId, Long ticketId, List<String> checks, Caller caller) {
        Request request = new Request(UUID.randomUUID(), serverId, ticketId, checks, caller.username(), clock.instant());
        entityManager.createNativeQuery("""
                insert into recheck_request (id, server_id, ticket_id, checks, requested_by, requested_at)
                values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, request.id())
                .setParameter(2, serverId)
                .setParameter(3, ticketId)
                .setParameter(4, String.join(",", checks))
                .setParameter(5, request.requestedBy())
                .setParameter(6, request.requestedAt())
                .executeUpdate();
        return request;
    }
}
