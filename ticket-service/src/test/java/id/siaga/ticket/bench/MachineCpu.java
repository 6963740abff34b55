package id.siaga.ticket.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a measured run's CPU went on the machine: the service (and its JIT compiler's part), PostgreSQL's processes,
 * the load generator (this JVM) and the whole machine, read from /proc, so that a figure bound by the machine says
 * so; and what PostgreSQL did in the background meanwhile (checkpoints, the WAL's full-page images, autovacuum), so
 * that a stall in a run can be told apart from the service's own work.
 */
record MachineCpu(ServiceCpu service, long postgresTicks, long generatorTicks, long machineTicks, Background background) {

    /** PostgreSQL's background work so far: checkpoints, WAL, and autovacuum or autoanalyze runs by table. */
    record Background(long checkpoints, long walBytes, long fullPageImages, Map<String, Long> vacuums) {
    }

    /** @return the CPU times now */
    static MachineCpu of(long servicePid, EmbeddedPostgres postgres) {
        return new MachineCpu(ServiceCpu.of(servicePid), postgresTicks(postgres), ServiceCpu.ticks(ProcessHandle.current().pid()),
                machineBusyTicks(), background(postgres));
    }

    /**
     * @return "service 0.81 (JIT 0.05), PostgreSQL 0.90, load generator 0.25, machine 1.98 of 2 cores; meanwhile
     *         1 checkpoint, WAL 120 MB with 9,000 full-page images, autovacuum of postgres.f" until a later sample
     */
    String until(MachineCpu later) {
        double seconds = (later.service.nanos() - service.nanos()) / 1e9;
        String cpu = String.format(Locale.ROOT, "service %s, PostgreSQL %.2f, load generator %.2f, machine %.2f of %d cores",
                service.until(later.service), cores(later.postgresTicks - postgresTicks, seconds),
                cores(later.generatorTicks - generatorTicks, seconds), cores(later.machineTicks - machineTicks, seconds),
                Runtime.getRuntime().availableProcessors());
        if (background == null || later.background == null) {
            return cpu;
        }
        List<String> vacuumed = new ArrayList<>();
        later.background.vacuums().forEach((table, runs) -> {
            if (runs > background.vacuums().getOrDefault(table, 0L)) {
                vacuumed.add(table);
            }
        });
        vacuumed.sort(null);
        long checkpoints = later.background.checkpoints() - background.checkpoints();
        return cpu + String.format(Locale.ROOT, "; meanwhile %d checkpoint%s, WAL %.0f MB with %,d full-page images, %s",
                checkpoints, checkpoints == 1 ? "" : "s", (later.background.walBytes() - background.walBytes()) / 1e6,
                later.background.fullPageImages() - background.fullPageImages(),
                vacuumed.isEmpty() ? "no autovacuum" : "autovacuum of " + String.join(", ", vacuumed));
    }

    /** @return busy CPU ticks of the whole machine so far (all but idle and I/O wait, /proc/stat's first line) */
    private static long machineBusyTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i <= 8 && i < f.length; i++) {
                busy += i == 4 || i == 5 ? 0 : Long.parseLong(f[i]);
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** @return PostgreSQL's background work so far (PostgreSQL 14 or later), or null when it cannot be read */
    private static Background background(EmbeddedPostgres postgres) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            long checkpoints;
            try (ResultSet rs = s.executeQuery(c.getMetaData().getDatabaseMajorVersion() >= 17
                    ? "select num_timed + num_requested from pg_stat_checkpointer"
                    : "select checkpoints_timed + checkpoints_req from pg_stat_bgwriter")) {
                rs.next();
                checkpoints = rs.getLong(1);
            }
            long walBytes;
            long fullPageImages;
            try (ResultSet rs = s.executeQuery("select wal_bytes, wal_fpi from pg_stat_wal")) {
                rs.next();
                walBytes = rs.getLong(1);
                fullPageImages = rs.getLong(2);
            }
            Map<String, Long> vacuums = new HashMap<>();
            List<String> databases = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select datname from pg_database where datallowconn and not datistemplate")) {
                while (rs.next()) {
                    databases.add(rs.getString(1));
                }
            }
            for (String database : databases) {
                try (Connection d = postgres.getDatabase("postgres", database).getConnection(); Statement t = d.createStatement();
                        ResultSet rs = t.executeQuery("select relname, autovacuum_count + autoanalyze_count from pg_stat_all_tables "
                                + "where autovacuum_count + autoanalyze_count > 0")) {
                    while (rs.next()) {
                        vacuums.put(database + "." + rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return new Background(checkpoints, walBytes, fullPageImages, vacuums);
        } catch (SQLException | RuntimeException e) {
            return null;
        }
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
