package id.siaga.ticket.ingest;

import id.siaga.ticket.config.SiagaConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Forgets the ids of findings older than the retention (one day more, so that service instances whose clocks
 * are a little apart still refuse such a finding as too old before its id is forgotten), on the same hourly
 * schedule as {@link FindingPartitions}. Deletes in batches, each its own short transaction, skipping rows
 * another instance is deleting at the same time.
 */
@ApplicationScoped
public class FindingSeenExpiry {

    /** Rows deleted per transaction. */
    static final int BATCH = 10_000;
    /** Kept beyond the retention. */
    static final Duration MARGIN = Duration.ofDays(1);
    private static final Logger LOG = Logger.getLogger(FindingSeenExpiry.class);

    private final AgroalDataSource dataSource;
    private final SiagaConfig config;
    private final Clock clock;

    public FindingSeenExpiry(AgroalDataSource dataSource, SiagaConfig config, Clock clock) {
        this.clock = clock;
        this.dataSource = dataSource;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        expire();
    }

    /** @return how many ids were forgotten */
    public long expire() {
        Instant before = clock.instant().minus(config.findings().retention()).minus(MARGIN);
        long total = 0;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("""
                    delete from finding_seen where id in (
                        select id from finding_seen where observed_at < ? limit ? for update skip locked)""")) {
                int deleted;
                do {
                    Jdbc.setInstant(s, 1, before);
                    s.setInt(2, BATCH);
                    deleted = s.executeUpdate();
                    total += deleted;
                } while (deleted == BATCH);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not expire the remembered finding ids", e);
        }
        if (total > 0) {
            LOG.infof("Forgot %d finding ids observed before %s", total, before);
        }
        return total;
    }
}
