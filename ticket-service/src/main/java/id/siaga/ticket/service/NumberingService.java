package id.siaga.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Gap-free numbers per year. The counter row stays locked until the caller's transaction ends, so
 * concurrent callers get consecutive numbers and a rolled-back transaction gives its number back.
 */
@ApplicationScoped
public class NumberingService {

    /** Counter of ticket numbers. */
    public static final String TICKET = "TICKET";
    /** Counter of agenda numbers (SOP step 10). */
    public static final String AGENDA = "AGENDA";

    private final EntityManager entityManager;

    public NumberingService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @return the next number of the counter for the year, from 1 */
    @Transactional(Transactional.TxType.MANDATORY)
    public int next(String counter, int year) {
        return next(counter, year, 1);
    }

    /**
     * Takes {@code count} consecutive numbers of the counter for the year at once.
     *
     * @return the first of them
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int next(String counter, int year, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        Object last = entityManager.createNativeQuery("""
                insert into number_sequence (name, year, value) values (?1, ?2, ?3)
                on conflict (name, year) do update set value = number_sequence.value + excluded.value
                returning value""")
                .setParameter(1, counter)
                .setParameter(2, year)
                .setParameter(3, count)
                .getSingleResult();
        return ((Number) last).intValue() - count + 1;
    }
}
