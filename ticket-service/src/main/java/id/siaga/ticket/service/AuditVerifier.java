package id.siaga.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Objects;

/**
 * Checks the audit trail's hash chain: each event's hash must match its content, and its {@code prev_hash} the
 * hash of the event before it in id order (across all tickets); the chain's head row must name the last event.
 * The hashes are recomputed in the database by the same function the insert trigger uses
 * ({@code siaga_audit_hash}, migration V8), one pass over the events without loading them.
 */
@ApplicationScoped
public class AuditVerifier {

    /** The event's hash as recomputed from its stored content. */
    private static final String RECOMPUTED =
            "siaga_audit_hash(e.id, e.ticket_id, e.at, e.actor, e.type, e.from_step, e.to_step, e.note, e.prev_hash)";

    private final EntityManager entityManager;

    public AuditVerifier(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * What a check of the whole chain found.
     *
     * @param valid          whether every event verifies
     * @param events         how many events were checked
     * @param firstInvalidId the lowest id that does not verify (when only the chain's head disagrees with the last
     *                       event, e.g. events removed from the end: the id the head names), or null when valid
     */
    public record Result(boolean valid, long events, Long firstInvalidId) {
    }

    /** Checks every event in id order, in one statement (one snapshot, so concurrent writes do not disturb it). */
    @Transactional
    public Result verifyAll() {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                with checked as (
                    select e.id, e.hash,
                           e.hash is distinct from %s
                           or e.prev_hash is distinct from lag(e.hash) over (order by e.id) as broken
                    from ticket_event e),
                summary as (
                    select count(*) as events, min(id) filter (where broken) as first_broken, max(id) as last_id
                    from checked)
                select s.events, s.first_broken, h.last_id, h.last_hash, s.last_id as last_id_stored,
                       (select c.hash from checked c where c.id = s.last_id) as last_hash_stored
                from summary s left join ticket_event_chain h on h.singleton""".formatted(RECOMPUTED))
                .getSingleResult();
        long events = ((Number) row[0]).longValue();
        Long firstBroken = row[1] == null ? null : ((Number) row[1]).longValue();
        Long headId = row[2] == null ? null : ((Number) row[2]).longValue();
        Long lastId = row[4] == null ? null : ((Number) row[4]).longValue();
        if (firstBroken == null && !(Objects.equals(headId, lastId) && Objects.equals(row[3], row[5]))) {
            firstBroken = headId != null ? headId : lastId;
        }
        return new Result(firstBroken == null, events, firstBroken);
    }

    /**
     * Checks one ticket's events: each one's hash against its content, its link to the event before it, and the
     * next event's (or the chain head's) link to it, so that an event removed after it shows too.
     *
     * @return the lowest id of the ticket's events that does not verify, or null when all do
     */
    @Transactional
    public Long firstInvalidEventOfTicket(long ticketId) {
        List<?> ids = entityManager.createNativeQuery("""
                select e.id from ticket_event e
                left join lateral (select p.hash from ticket_event p where p.id < e.id order by p.id desc limit 1) p on true
                left join lateral (select n.id, n.prev_hash from ticket_event n where n.id > e.id order by n.id limit 1) n on true
                left join ticket_event_chain h on h.singleton
                where e.ticket_id = ?1
                  and (e.hash is distinct from %s
                       or e.prev_hash is distinct from p.hash
                       or (case when n.id is null then h.last_id is distinct from e.id or h.last_hash is distinct from e.hash
                                else n.prev_hash is distinct from e.hash end))
                order by e.id limit 1""".formatted(RECOMPUTED))
                .setParameter(1, ticketId).getResultList();
        return ids.isEmpty() ? null : ((Number) ids.get(0)).longValue();
    }
}
