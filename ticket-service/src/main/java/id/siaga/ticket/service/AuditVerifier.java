package id.siaga.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Objects;

/**
 * Checks the audit trail's hash chain (migration V8): every event has a seal whose hash matches the event's content
 * and the previous seal's hash, the seals follow each other without gaps ({@code seq} 1, 2, 3, ...), and the
 * chain's head names the last seal. The hashes are recomputed in the database by the function the sealing trigger
 * uses ({@code siaga_audit_hash}), in one statement over all events without loading them into the service.
 */
@ApplicationScoped
public class AuditVerifier {

    /** The event's hash as recomputed from its stored content and its seal's {@code prev_hash}. */
    private static final String RECOMPUTED =
            "siaga_audit_hash(e.id, e.ticket_id, e.at, e.actor, e.type, e.from_step, e.to_step, e.note, s.prev_hash)";

    private final EntityManager entityManager;

    public AuditVerifier(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * What a check of the whole chain found.
     *
     * @param valid          whether every event verifies
     * @param events         how many events were checked
     * @param firstInvalidId the lowest event id that does not verify (when only the chain's head disagrees with the
     *                       last seal, e.g. events removed from the end: the event id the head names), or null when
     *                       valid
     */
    public record Result(boolean valid, long events, Long firstInvalidId) {
    }

    /** Checks every event in chain order, in one statement (one snapshot: concurrent writes do not disturb it). */
    @Transactional
    public Result verifyAll() {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                with checked as (
                    select coalesce(e.id, s.event_id) as id, e.id as event_id, s.seq, s.hash,
                           e.id is null or s.event_id is null
                           or s.hash is distinct from %s
                           or s.prev_hash is distinct from lag(s.hash) over w
                           or s.seq is distinct from coalesce(lag(s.seq) over w, 0) + 1 as broken
                    from ticket_event e full join ticket_event_seal s on s.event_id = e.id
                    window w as (order by s.seq nulls last, coalesce(e.id, s.event_id))),
                summary as (
                    select count(event_id) as events, min(id) filter (where broken) as first_broken, max(seq) as last_seq
                    from checked)
                select m.events, m.first_broken, h.last_seq, h.last_id, h.last_hash, m.last_seq as last_seq_stored,
                       (select c.hash from checked c where c.seq = m.last_seq) as last_hash_stored
                from summary m left join ticket_event_chain h on h.singleton""".formatted(RECOMPUTED))
                .getSingleResult();
        long events = ((Number) row[0]).longValue();
        Long firstBroken = longOrNull(row[1]);
        long headSeq = row[2] == null ? -1 : ((Number) row[2]).longValue();
        long lastSeq = row[5] == null ? 0 : ((Number) row[5]).longValue();
        if (firstBroken == null && !(headSeq == lastSeq && Objects.equals(row[4], row[6]))) {
            firstBroken = row[3] == null ? Long.valueOf(0) : longOrNull(row[3]);
        }
        return new Result(firstBroken == null, events, firstBroken);
    }

    /**
     * Checks one ticket's events: each one's seal against its content, its link to the seal before it, and the
     * next seal's (or the chain head's) link to it, so that an event removed after it shows too.
     *
     * @return the lowest id of the ticket's events that does not verify, or null when all do
     */
    @Transactional
    public Long firstInvalidEventOfTicket(long ticketId) {
        List<?> ids = entityManager.createNativeQuery("""
                select e.id from ticket_event e
                left join ticket_event_seal s on s.event_id = e.id
                left join ticket_event_seal p on p.seq = s.seq - 1
                left join ticket_event_seal n on n.seq = s.seq + 1
                left join ticket_event_chain h on h.singleton
                where e.ticket_id = ?1
                  and (s.event_id is null
                       or s.hash is distinct from %s
                       or (case when s.seq = 1 then s.prev_hash is not null
                                else p.seq is null or s.prev_hash is distinct from p.hash end)
                       or (case when n.seq is null then h.last_seq is distinct from s.seq or h.last_hash is distinct from s.hash
                                else n.prev_hash is distinct from s.hash end))
                order by e.id limit 1""".formatted(RECOMPUTED))
                .setParameter(1, ticketId).getResultList();
        return ids.isEmpty() ? null : ((Number) ids.get(0)).longValue();
    }

    private static Long longOrNull(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
