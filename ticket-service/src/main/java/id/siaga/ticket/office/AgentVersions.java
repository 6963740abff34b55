package id.siaga.ticket.office;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The version each server's agent reports (its {@code User-Agent: siaga-agent/<version>}), noted in memory on every
 * post and written to {@code server.agent_version} every ten seconds when it changed, so the findings path never
 * waits for it.
 */
@ApplicationScoped
public class AgentVersions {

    private static final Logger LOG = Logger.getLogger(AgentVersions.class);
    private static final String PREFIX = "siaga-agent/";
    private static final int MAX_LENGTH = 64;

    private final AgroalDataSource dataSource;
    private final Map<Long, String> waiting = new ConcurrentHashMap<>();
    private final Map<Long, String> written = new ConcurrentHashMap<>();

    public AgentVersions(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Notes the User-Agent of a server's post (null: nothing to note). */
    public void seen(long serverId, String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return;
        }
        String version = version(userAgent);
        if (!version.equals(written.get(serverId))) {
            waiting.put(serverId, version);
        }
    }

    /** @return the version in a User-Agent: what follows {@code siaga-agent/}, or the whole header; at most 64 characters (the column of V16) */
    static String version(String userAgent) {
        String v = userAgent.startsWith(PREFIX) ? userAgent.substring(PREFIX.length()) : userAgent;
        v = v.replaceAll("\\p{Cntrl}", "").strip();
        if (v.isEmpty()) {
            v = "unknown";
        }
        return v.length() > MAX_LENGTH ? v.substring(0, MAX_LENGTH) : v;
    }

    @Scheduled(every = "10s", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flush() {
        if (waiting.isEmpty()) {
            return;
        }
        Map<Long, String> batch = new HashMap<>(waiting);
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "update server set agent_version = ? where id = ? and agent_version is distinct from ?")) {
            for (Map.Entry<Long, String> e : batch.entrySet()) {
                update.setString(1, e.getValue());
                update.setLong(2, e.getKey());
                update.setString(3, e.getValue());
                update.addBatch();
            }
            update.executeBatch();
            batch.forEach((server, version) -> {
                written.put(server, version);
                waiting.remove(server, version);
            });
        } catch (SQLException e) {
            LOG.warnf("Agent versions not recorded yet: %s", e.getMessage());
        }
    }
}
