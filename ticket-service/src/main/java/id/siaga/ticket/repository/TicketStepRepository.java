package id.siaga.ticket.repository;

import id.siaga.ticket.domain.TicketStep;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** Access to the step records of tickets. */
@ApplicationScoped
public class TicketStepRepository implements PanacheRepository<TicketStep> {

    public List<TicketStep> listForTicket(long ticketId) {
        return list("ticketId = ?1 order by seq", ticketId);
    }

    /** @return the record of the step the ticket is at now */
    public Optional<TicketStep> findCurrent(long ticketId) {
        return find("ticketId = ?1 and endedAt is null order by seq desc", ticketId).firstResultOptional();
    }

    public int lastSeq(long ticketId) {
        Integer seq = getEntityManager()
                .createQuery("select max(s.seq) from TicketStep s where s.ticketId = ?1", Integer.class)
                .setParameter(1, ticketId).getSingleResult();
        return seq == null ? 0 : seq;
    }
}
