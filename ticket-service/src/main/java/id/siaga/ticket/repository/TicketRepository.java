package id.siaga.ticket.repository;

import id.siaga.ticket.domain.Ticket;
import id.siaga.ticket.domain.TicketSource;
import id.siaga.ticket.domain.TicketState;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Access to tickets; every list filter has a matching index. */
@ApplicationScoped
public class TicketRepository implements PanacheRepository<Ticket> {

    /**
     * Filters of the ticket list; a null field does not filter.
     *
     * @param overdue true for open tickets whose current step is past its due time, false for the others
     */
    public record Filter(String step, Boolean open, Long serverId, TicketSource source, Boolean overdue) {
    }

    /** @return the page of tickets matching the filter, newest first */
    public PanacheQuery<Ticket> search(Filter filter, Instant now, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.step() != null) {
            where.add("step = :step");
            params.and("step", filter.step());
        }
        if (filter.open() != null) {
            where.add(filter.open() ? "state = :open" : "state <> :open");
            params.and("open", TicketState.OPEN);
        }
        if (filter.serverId() != null) {
            where.add("serverId = :serverId");
            params.and("serverId", filter.serverId());
        }
        if (filter.source() != null) {
            where.add("source = :source");
            params.and("source", filter.source());
        }
        if (filter.overdue() != null) {
            // Only an open ticket has a due time (closing or cancelling clears it), so "overdue" needs no state
            // condition here, which lets the newest-first index drive the page; count() adds it for its index.
            where.add(filter.overdue() ? "dueAt < :now" : "(dueAt is null or dueAt >= :now)");
            params.and("now", now);
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where)) + " order by createdAt desc, id desc";
        if (where.isEmpty()) {
            query = "from Ticket" + query;
        }
        return find(query, params).page(Page.of(page, size));
    }

    /**
     * @return how many tickets match the filter: from the per-(state, step, source, server) tally when the filter
     * allows, so the answer costs the same at any number of tickets; counted otherwise (overdue, which only open
     * tickets can be)
     */
    public long count(Filter filter, Instant now) {
        if (filter.overdue() != null) {
            Filter open = new Filter(filter.step(), filter.overdue() ? Boolean.TRUE : filter.open(), filter.serverId(),
                    filter.source(), filter.overdue());
            return search(open, now, 0, 1).count();
        }
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (filter.step() != null) {
            where.add("step = ?" + (params.size() + 1));
            params.add(filter.step());
        }
        if (filter.open() != null) {
            where.add(filter.open() ? "state = 'OPEN'" : "state <> 'OPEN'");
        }
        if (filter.serverId() != null) {
            where.add("server_key = ?" + (params.size() + 1));
            params.add(filter.serverId());
        }
        if (filter.source() != null) {
            where.add("source = ?" + (params.size() + 1));
            params.add(filter.source().name());
        }
        var query = getEntityManager().createNativeQuery("select coalesce(sum(n), 0) from ticket_tally"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where)));
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    /** @return the ticket, locked for update until the transaction ends */
    public Optional<Ticket> findForUpdate(long id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
