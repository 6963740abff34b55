package id.siaga.ticket.ingest;

import id.siaga.ticket.config.SiagaConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Keeps the daily partitions of {@code finding}: creates them a week ahead (UTC days) and drops those older
 * than the retention, so expiry costs a {@code DROP TABLE}, not a {@code DELETE}. Safe with several
 * instances (an advisory lock). The service's database role need not own the table: the DDL runs inside two
 * functions of the owner role ({@code siaga_create_finding_partition}, {@code siaga_drop_finding_partitions_before},
 * migration V8) that do only this.
 */
@ApplicationScoped
public class FindingPartitions {

    private static final Logger LOG = Logger.getLogger(FindingPartitions.class);

    private final AgroalDataSource dataSource;
    private final SiagaConfig config;
    private final Clock clock;

    public FindingPartitions(AgroalDataSource dataSource, SiagaConfig config, Clock clock) {
        this.clock = clock;
        this.dataSource = dataSource;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        maintain();
    }

    /** Creates missing partitions from yesterday to a week ahead and drops expired ones. */
    @Scheduled(every = "1h", delayed = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void maintain() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("select pg_advisory_xact_lock(hashtext('siaga.finding_partitions'))");
            }
            try (PreparedStatement create = c.prepareStatement("select siaga_create_finding_partition(?)")) {
                for (int offset = -1; offset <= 7; offset++) {
                    create.setObject(1, today.plusDays(offset));
                    create.execute();
                }
            }
            LocalDate oldest = today.minusDays(Math.max(1, config.findings().retention().toDays()));
            try (PreparedStatement drop = c.prepareStatement("select * from siaga_drop_finding_partitions_before(?)")) {
                drop.setObject(1, oldest);
                try (ResultSet rs = drop.executeQuery()) {
                    while (rs.next()) {
                        LOG.infof("Dropped findings partition %s (older than %s)", rs.getString(1),
                                config.findings().retention());
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not maintain the findings partitions", e);
        }
    }
}
