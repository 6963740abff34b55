package id.siaga.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;

/** Counts the open tickets at each step, and how many of them are past their step's due time. */
@ApplicationScoped
public class OpenTickets {

    /**
     * @param step    the current step's code
     * @param open    open tickets at the step
     * @param overdue of those, the ones past their due time
     */
    public record AtStep(String step, long open, long overdue) {
    }

    private final EntityManager entityManager;

    public OpenTickets(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @return the open tickets by current step; one query */
    public List<AtStep> byStep(Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select step, count(*), count(*) filter (where due_at < ?1)
                from ticket where state = 'OPEN' group by step""")
                .setParameter(1, now)
                .getResultList();
        return rows.stream().map(r -> new AtStep((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue()))
                .toList();
    }
}
