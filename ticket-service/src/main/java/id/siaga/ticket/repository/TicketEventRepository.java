package id.siaga.ticket.repository;

import id.siaga.ticket.domain.TicketEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Appends to and reads the audit trail; it never updates or deletes. */
@ApplicationScoped
public class TicketEventRepository implements PanacheRepository<TicketEvent> {

    /**
     * A ticket's events in the audit chain's order (their seal's seq, the order their transactions committed), then
     * the events of the open transaction, not sealed yet, in id order. Ids alone are not that order: each service
     * instance hands out ids from its own block (V24).
     */
    private static final String IN_CHAIN_ORDER = """
            select e.* from ticket_event e left join ticket_event_seal s on s.event_id = e.id
            where e.ticket_id = ?1 order by s.seq nulls last, e.id""";

    @SuppressWarnings("unchecked")
    public List<TicketEvent> listForTicket(long ticketId) {
        return getEntityManager().createNativeQuery(IN_CHAIN_ORDER, TicketEvent.class).setParameter(1, ticketId)
                .getResultList();
    }
}
