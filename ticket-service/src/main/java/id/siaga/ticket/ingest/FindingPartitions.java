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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the daily partitions of {@code finding}: creates them a week ahead (UTC days) and drops those older
 * than the retention, so expiry costs a {@code DROP TABLE}, not a {@code DELETE}. Safe with several
 * instances (an advisory lock).
 */
@ApplicationScoped
public class FindingPartitions {

    static final String PREFIX = "finding_p";
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Logger LOG = Logger.getLogger(FindingPartitions.class);

    private final AgroalDataSource dataSource;
    private final SiagaConfig config;

    public FindingPartitions(AgroalDataSource dataSource, SiagaConfig config) {
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
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("select pg_advisory_xact_lock(hashtext('siaga.finding_partitions'))");
            }
            for (int offset = -1; offset <= 7; offset++) {
                create(c, today.plusDays(offset));
            }
            LocalDate oldest = today.minusDays(Math.max(1, config.findings().retention().toDays()));
            for (String partition : partitions(c)) {
                LocalDate day = LocalDate.parse(partition.substring(PREFIX.length()), SUFFIX);
                if (day.isBefore(oldest)) {
                    try (Statement s = c.createStatement()) {
                        s.execute("drop table " + partition);
                    }
                    LOG.infof("Dropped findings partition %s (older than %s)", partition, config.findings().retention());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not maintain the findings partitions", e);
        }
    }

    private static void create(Connection c, LocalDate day) throws SQLException {
        String name = PREFIX + SUFFIX.format(day);
        try (PreparedStatement exists = c.prepareStatement("select to_regclass(?) is not null")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return;
                }
            }
        }
        String from = day.toString();
        String to = day.plusDays(1).toString();
        try (PreparedStatement stray = c.prepareStatement(
                "select 1 from finding_default where observed_at >= cast(? as timestamptz) and observed_at < cast(? as timestamptz) limit 1")) {
            stray.setString(1, from + "T00:00:00Z");
            stray.setString(2, to + "T00:00:00Z");
            try (ResultSet rs = stray.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("create table " + name + " partition of finding for values from ('" + from
                    + " 00:00:00+00') to ('" + to + " 00:00:00+00')");
        }
    }

    /** @return the daily partitions, oldest first */
    static List<String> partitions(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select child.relname from pg_inherits
                join pg_class parent on parent.oid = pg_inherits.inhparent
                join pg_class child on child.oid = pg_inherits.inhrelid
                where parent.relname = 'finding' and child.relname like 'finding\\_p%' order by child.relname""")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
