package id.siaga.ticket.service;

import id.siaga.ticket.config.SiagaConfig;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gauges for alerting, re-read from the database every {@code siaga.metrics.refresh} (every instance reports the
 * same): each server's current check status and when its agent last reported (and how often it should), open
 * escalations by level and recipient with the age of the oldest, and whether this instance reaches its database.
 */
@Startup
@ApplicationScoped
public class StatusMetrics {

    static final String CHECK_STATUS = "siaga.check.status";
    static final String ESCALATIONS_OPEN = "siaga.escalations.open";
    static final String ESCALATIONS_OLDEST = "siaga.escalations.open.oldest.age";
    static final String DATABASE_UP = "siaga.database.up";
    static final String AGENT_LAST_SEEN = "siaga.agent.last.seen.timestamp";
    static final String AGENT_INTERVAL = "siaga.agent.interval";

    /** Level and recipient of every escalation the service raises, so each has a series (0) from the start. */
    static final List<List<String>> ESCALATION_KINDS = List.of(List.of("1", "ADB"), List.of("1", "JF_ADB"),
            List.of("1", "KASI"), List.of("1", "KABID"), List.of("2", "KASI"), List.of("2", "KABID"));

    private static final Logger LOG = Logger.getLogger(StatusMetrics.class);
    private static final int QUERY_TIMEOUT_SECONDS = 5;

    private final AgroalDataSource dataSource;
    private final SiagaConfig config;
    private final GaugeFamily agentLastSeen;
    private final GaugeFamily agentInterval;
    private final GaugeFamily checkStatus;
    private final GaugeFamily escalationsOpen;
    private final GaugeFamily escalationsOldest;
    private final AtomicLong databaseUp = new AtomicLong();
    private final Clock clock;

    public StatusMetrics(AgroalDataSource dataSource, SiagaConfig config, MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.dataSource = dataSource;
        this.config = config;
        this.agentLastSeen = new GaugeFamily(registry, AGENT_LAST_SEEN,
                "When the server's agent last reported, in seconds since 1970-01-01 UTC", "seconds", true,
                "server", "role");
        this.agentInterval = new GaugeFamily(registry, AGENT_INTERVAL,
                "How often the server's agent is expected to report", "seconds", true, "server", "role");
        this.checkStatus = new GaugeFamily(registry, CHECK_STATUS,
                "Current status of each check of each server: 0 OK, 1 WARN, 2 CRIT, 3 UNKNOWN", null, true,
                "server", "role", "check");
        this.escalationsOpen = new GaugeFamily(registry, ESCALATIONS_OPEN,
                "Escalations neither acknowledged nor resolved, by level and recipient role", null, false,
                "level", "recipient");
        this.escalationsOldest = new GaugeFamily(registry, ESCALATIONS_OLDEST,
                "Age of the oldest open escalation, by level and recipient role (0 when none)", "seconds", false,
                "level", "recipient");
        Gauge.builder(DATABASE_UP, databaseUp, AtomicLong::get)
                .description("1 when this instance reached its database at the last refresh, 0 when not")
                .register(registry);
    }

    /** The Nagios-style number of a check status (0 OK, 1 WARN, 2 CRIT, 3 UNKNOWN). */
    public static long statusNumber(String status) {
        return switch (status) {
            case "OK" -> 0;
            case "WARN" -> 1;
            case "CRIT" -> 2;
            default -> 3;
        };
    }

    @Scheduled(every = "${siaga.metrics.refresh}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try (Connection connection = dataSource.getConnection()) {
            Map<List<String>, Long> checks = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    select s.name, s.role, c.check_key, c.status from check_state c join server s on s.id = c.server_id""")) {
                query.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        checks.put(List.of(rows.getString(1), rows.getString(2), rows.getString(3)),
                                statusNumber(rows.getString(4)));
                    }
                }
            }
            Map<List<String>, Long> lastSeen = new HashMap<>();
            Map<List<String>, Long> interval = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    select name, role, extract(epoch from agent_last_seen)::bigint, agent_interval_seconds from server
                    where agent_last_seen is not null""")) {
                query.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        List<String> server = List.of(rows.getString(1), rows.getString(2));
                        lastSeen.put(server, rows.getLong(3));
                        long seconds = rows.getLong(4);
                        interval.put(server, rows.wasNull() ? config.escalation().agentInterval().toSeconds() : seconds);
                    }
                }
            }
            Map<List<String>, Long> open = new HashMap<>();
            Map<List<String>, Long> oldest = new HashMap<>();
            ESCALATION_KINDS.forEach(kind -> {
                open.put(kind, 0L);
                oldest.put(kind, 0L);
            });
            Instant now = clock.instant();
            try (PreparedStatement query = connection.prepareStatement("""
                    select level, recipient_role, count(*), min(created_at) from escalation
                    where acknowledged_at is null and resolved_at is null group by level, recipient_role""")) {
                query.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        List<String> kind = List.of(Integer.toString(rows.getInt(1)), rows.getString(2));
                        open.put(kind, rows.getLong(3));
                        Timestamp since = rows.getTimestamp(4);
                        oldest.put(kind, Math.max(0, Duration.between(since.toInstant(), now).toSeconds()));
                    }
                }
            }
            checkStatus.set(checks);
            agentLastSeen.set(lastSeen);
            agentInterval.set(interval);
            escalationsOpen.set(open);
            escalationsOldest.set(oldest);
            databaseUp.set(1);
        } catch (SQLException | RuntimeException e) {
            if (databaseUp.getAndSet(0) == 1) {
                LOG.warnf("The database cannot be read for the status metrics: %s", e.getMessage());
            }
        }
    }
}
