package id.siaga.ticket.service;

import id.siaga.ticket.domain.CheckStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads each server's health at a glance: its worst current check status and its open tickets. */
@ApplicationScoped
public class ServerHealth {

    /**
     * @param worstStatus worst current check status (OK, WARN, CRIT, UNKNOWN), or null before any report
     * @param openTickets open tickets about the server
     */
    public record Summary(String worstStatus, long openTickets) {
        public static final Summary NONE = new Summary(null, 0);
    }

    private final EntityManager entityManager;

    public ServerHealth(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @return the summary of each listed server that has one; one query for all */
    public Map<Long, Summary> of(List<Long> serverIds) {
        Map<Long, Summary> result = new HashMap<>();
        if (serverIds.isEmpty()) {
            return result;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select t.server_id, count(*) from ticket t
                where t.state = 'OPEN' and t.server_id = any(?1) group by t.server_id""")
                .setParameter(1, serverIds.toArray(new Long[0]))
                .getResultList();
        for (Object[] row : rows) {
            result.put(((Number) row[0]).longValue(), new Summary(null, ((Number) row[1]).longValue()));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> states = entityManager.createNativeQuery("""
                select server_id, status from check_state where server_id = any(?1)""")
                .setParameter(1, serverIds.toArray(new Long[0]))
                .getResultList();
        for (Object[] row : states) {
            long serverId = ((Number) row[0]).longValue();
            CheckStatus status = CheckStatus.valueOf((String) row[1]);
            Summary known = result.getOrDefault(serverId, Summary.NONE);
            CheckStatus worst = CheckStatus.worst(known.worstStatus() == null ? null : CheckStatus.valueOf(known.worstStatus()), status);
            result.put(serverId, new Summary(worst.name(), known.openTickets()));
        }
        return result;
    }
}
