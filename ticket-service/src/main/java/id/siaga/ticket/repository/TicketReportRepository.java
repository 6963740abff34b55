package id.siaga.ticket.repository;

import id.siaga.ticket.domain.TicketReport;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Access to the linked reports of tickets. */
@ApplicationScoped
public class TicketReportRepository implements PanacheRepository<TicketReport> {

    /** @return the ticket's reports, oldest first */
    public List<TicketReport> listForTicket(long ticketId) {
        return list("ticketId = ?1 order by receivedAt, id", ticketId);
    }

    /** @return how many reports each of the tickets has; a ticket without reports is not in the map */
    public Map<Long, Long> countsFor(List<Long> ticketIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (ticketIds.isEmpty()) {
            return counts;
        }
        getEntityManager().createQuery("select r.ticketId, count(r) from TicketReport r where r.ticketId in ?1 "
                + "group by r.ticketId", Object[].class).setParameter(1, ticketIds).getResultList()
                .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        return counts;
    }

    /**
     * Moves every report of one ticket to another.
     *
     * @return how many reports moved
     */
    public int move(long fromTicketId, long toTicketId) {
        return update("ticketId = ?1 where ticketId = ?2", toTicketId, fromTicketId);
    }
}
