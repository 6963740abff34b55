package id.siaga.ticket.ingest;

import id.siaga.ticket.domain.CheckStatus;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads findings, check states and ticket evidence for people, with plain queries through the ORM. */
@ApplicationScoped
public class FindingQuery {

    private static final TypeReference<Map<String, Double>> MEASUREMENTS = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public FindingQuery(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** Filters of the findings list; a null field does not filter. */
    public record Filter(Long serverId, String check, CheckStatus status, Instant from, Instant to) {
    }

    /** One page of findings and how many match in all. */
    public record Page(List<StoredFinding> items, long total) {
    }

    /** A stored finding. */
    public record StoredFinding(UUID id, long serverId, String check, String kind, String status, String message,
            Map<String, Double> measurements, Instant observedAt, Instant receivedAt, Integer durationMs, UUID recheckId) {
    }

    /** The current state of one check on a server; {@code ticketId} only while its ticket is open. */
    public record CurrentCheck(String check, String kind, String status, String message, Instant observedAt,
            Instant failingSince, Instant lastOkAt, int consecutiveFailures, int consecutivePasses, boolean flapping,
            String dependsOn, Long ticketId) {
    }

    /** Agent evidence attached to a ticket. */
    public record TicketEvidence(long id, String kind, String check, String status, String message, Instant observedAt,
            UUID findingId) {
    }

    public Page search(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (filter.serverId() != null) {
            params.add(filter.serverId());
            where.append(" and server_id = ?").append(params.size());
        }
        if (filter.check() != null) {
            params.add(filter.check());
            where.append(" and check_key = ?").append(params.size());
        }
        if (filter.status() != null) {
            params.add(filter.status().name());
            where.append(" and status = ?").append(params.size());
        }
        if (filter.from() != null) {
            params.add(filter.from());
            where.append(" and observed_at >= ?").append(params.size());
        }
        if (filter.to() != null) {
            params.add(filter.to());
            where.append(" and observed_at < ?").append(params.size());
        }
        Query count = entityManager.createNativeQuery("select count(*) from finding" + where);
        bind(count, params);
        long total = ((Number) count.getSingleResult()).longValue();
        NativeQuery<Object[]> rows = query("select id, server_id, check_key, kind, status, message, "
                + "measurements::text as measurements, observed_at, received_at, duration_ms, recheck_id from finding" + where
                + " order by observed_at desc, id desc limit ?" + (params.size() + 1) + " offset ?" + (params.size() + 2))
                .addScalar("id", UUID.class).addScalar("server_id", Long.class).addScalar("check_key", String.class)
                .addScalar("kind", String.class).addScalar("status", String.class).addScalar("message", String.class)
                .addScalar("measurements", String.class).addScalar("observed_at", Instant.class)
                .addScalar("received_at", Instant.class).addScalar("duration_ms", Integer.class)
                .addScalar("recheck_id", UUID.class);
        bind(rows, params);
        rows.setParameter(params.size() + 1, size).setParameter(params.size() + 2, (long) page * size);
        List<StoredFinding> items = new ArrayList<>();
        for (Object[] r : rows.getResultList()) {
            items.add(new StoredFinding((UUID) r[0], (Long) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], measurements((String) r[6]), (Instant) r[7], (Instant) r[8], (Integer) r[9], (UUID) r[10]));
        }
        return new Page(items, total);
    }

    /** @return the current state of every check of the server, by check key */
    public List<CurrentCheck> checks(long serverId) {
        NativeQuery<Object[]> rows = query("""
                select cs.check_key, cs.kind, cs.status, cs.message, cs.observed_at, cs.failing_since, cs.last_ok_at,
                       cs.consecutive_failures, cs.consecutive_passes, cs.flapping, cs.depends_on,
                       case when t.state = 'OPEN' then cs.ticket_id end as open_ticket_id
                from check_state cs left join ticket t on t.id = cs.ticket_id
                where cs.server_id = ?1 order by cs.check_key""")
                .addScalar("check_key", String.class).addScalar("kind", String.class).addScalar("status", String.class)
                .addScalar("message", String.class).addScalar("observed_at", Instant.class)
                .addScalar("failing_since", Instant.class).addScalar("last_ok_at", Instant.class)
                .addScalar("consecutive_failures", Integer.class).addScalar("consecutive_passes", Integer.class)
                .addScalar("flapping", Boolean.class).addScalar("depends_on", String.class)
                .addScalar("open_ticket_id", Long.class);
        rows.setParameter(1, serverId);
        List<CurrentCheck> checks = new ArrayList<>();
        for (Object[] r : rows.getResultList()) {
            checks.add(new CurrentCheck((String) r[0], (String) r[1], (String) r[2], (String) r[3], (Instant) r[4],
                    (Instant) r[5], (Instant) r[6], (Integer) r[7], (Integer) r[8], (Boolean) r[9], (String) r[10],
                    (Long) r[11]));
        }
        return checks;
    }

    /** @return the ticket's agent evidence, newest first, at most {@code limit} */
    public List<TicketEvidence> evidence(long ticketId, int limit) {
        NativeQuery<Object[]> rows = query("""
                select id, kind, check_key, status, message, observed_at, finding_id from ticket_evidence
                where ticket_id = ?1 order by id desc limit ?2""")
                .addScalar("id", Long.class).addScalar("kind", String.class).addScalar("check_key", String.class)
                .addScalar("status", String.class).addScalar("message", String.class)
                .addScalar("observed_at", Instant.class).addScalar("finding_id", UUID.class);
        rows.setParameter(1, ticketId).setParameter(2, limit);
        List<TicketEvidence> evidence = new ArrayList<>();
        for (Object[] r : rows.getResultList()) {
            evidence.add(new TicketEvidence((Long) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (Instant) r[5], (UUID) r[6]));
        }
        return evidence;
    }

    /** @return the current status of one check, or null when the agent never reported it */
    public String status(long serverId, String check) {
        @SuppressWarnings("unchecked")
        List<String> status = entityManager.createNativeQuery(
                "select status from check_state where server_id = ?1 and check_key = ?2", String.class)
                .setParameter(1, serverId).setParameter(2, check).getResultList();
        return status.isEmpty() ? null : status.get(0);
    }

    @SuppressWarnings("unchecked")
    private NativeQuery<Object[]> query(String sql) {
        return entityManager.unwrap(Session.class).createNativeQuery(sql);
    }

    private static void bind(Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
    }

    private Map<String, Double> measurements(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            return json.readValue(text, MEASUREMENTS);
        } catch (IOException e) {
            return Map.of();
        }
    }
}
