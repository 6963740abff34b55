package id.siaga.ticket.repository;

import id.siaga.ticket.domain.TicketEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Appends to and reads the audit trail; it never updates or deletes. */
@ApplicationScoped
public class TicketEventRepository implements PanacheRepository<TicketEvent> {

    public List<TicketEvent> listForTicket(long ticketId) {
        return list("ticketId = ?1 order by id", ticketId);
    }
}
