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
        Object value = entityManager.createNativeQuery("""
                insert into number_sequence (name, year, value) values (?1, ?2, 1)
                on conflict (name, year) do update set value = number_sequence.value + 1
                returning value""")
                .setParameter(1, counter)
                .setParameter(2, year)
                .getSingleResult();
        return ((Number) value).intValue();
    }
}
