package id.siaga.ticket.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Where a measured run's CPU went on the machine: the service (and its JIT compiler's part), PostgreSQL's processes
 * and the load generator (this JVM), read from /proc, so that a figure bound by the machine says so.
 */
record MachineCpu(ServiceCpu service, long postgresTicks, long generatorTicks) {

    /** @return the three CPU times now */
    static MachineCpu of(long servicePid, EmbeddedPostgres postgres) {
        return new MachineCpu(ServiceCpu.of(servicePid), postgresTicks(postgres), ServiceCpu.ticks(ProcessHandle.current().pid()));
    }

    /** @return "service 0.81 (JIT 0.05), PostgreSQL 0.90, load generator 0.25 cores" until a later sample */
    String until(MachineCpu later) {
        double seconds = (later.service.nanos() - service.nanos()) / 1e9;
        return String.format(Locale.ROOT, "service %s, PostgreSQL %.2f, load generator %.2f cores", service.until(later.service),
                cores(later.postgresTicks - postgresTicks, seconds), cores(later.generatorTicks - generatorTicks, seconds));
    }

    private static double cores(long ticks, double seconds) {
        return seconds <= 0 ? 0 : ticks / (double) ServiceCpu.TICKS_PER_SECOND / seconds;
    }

    /**
     * @return CPU ticks so far of PostgreSQL's processes (every one pg_stat_activity lists: the backends, the service's
     *         pooled connections among them, and the background workers); a backend that has exited is not counted
     */
    private static long postgresTicks(EmbeddedPostgres postgres) {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            return postgresTicks(c);
        } catch (SQLException e) {
            return 0;
        }
    }

    /** @return CPU ticks so far of PostgreSQL's processes but the one serving this connection (see above) */
    static long postgresTicks(Connection c) throws SQLException {
        long ticks = 0;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select pid from pg_stat_activity where pid <> pg_backend_pid()")) {
            while (rs.next()) {
                ticks += ServiceCpu.ticks(rs.getLong(1));
            }
        }
        return ticks;
    }
}
