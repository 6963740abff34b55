package id.siaga.ticket.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Where PostgreSQL's time went during the measured runs, statement by statement (pg_stat_statements), when
 * {@code -Dsiaga.bench.statements=true}: off by default, since tracking every statement costs the database a little and
 * the figures are compared from run to run.
 */
final class StatementProfile {

    static final boolean ENABLED = Boolean.getBoolean("siaga.bench.statements");
    private static final int SHOWN = 12;

    private StatementProfile() {
    }

    /** @return the server setting that loads pg_stat_statements, to give the benchmark's PostgreSQL when enabled */
    static EmbeddedPostgres.Builder configure(EmbeddedPostgres.Builder builder) {
        return ENABLED ? builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track", "all") : builder;
    }

    /** Forgets what was tracked so far (start-up, registration, warm-up): the report covers what follows. */
    static void reset(EmbeddedPostgres postgres) throws SQLException {
        if (!ENABLED) {
            return;
        }
        try (Connection c = postgres.getDatabase("postgres", "siaga").getConnection(); Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            s.execute("select pg_stat_statements_reset()");
        }
    }

    /** @return the statements that took most of the database's execution time since {@link #reset}, or "" when off */
    static String report(EmbeddedPostgres postgres) throws SQLException {
        if (!ENABLED) {
            return "";
        }
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT,
                "PostgreSQL's execution time by statement during the measured runs (pg_stat_statements, top %d):%n"
                        + "  share    total s    calls    mean ms   rows/call  statement%n", SHOWN));
        try (Connection c = postgres.getDatabase("postgres", "siaga").getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select total_exec_time / sum(total_exec_time) over () * 100, total_exec_time / 1000,"
                        + " calls, mean_exec_time, rows::float8 / greatest(calls, 1), regexp_replace(query, '\\s+', ' ', 'g')"
                        + " from pg_stat_statements where dbid = (select oid from pg_database where datname = 'siaga')"
                        + " order by total_exec_time desc limit " + SHOWN)) {
            while (rs.next()) {
                String query = rs.getString(6);
                t.append(String.format(Locale.ROOT, "  %5.1f %% %9.1f %9d %9.3f %10.1f  %s%n", rs.getDouble(1), rs.getDouble(2),
                        rs.getLong(3), rs.getDouble(4), rs.getDouble(5), query.length() > 160 ? query.substring(0, 160) + " ..." : query));
            }
        }
        t.append("the tables written most, at the end (live and dead row versions, pages, HOT share of updates, vacuums):\n");
        try (Connection c = postgres.getDatabase("postgres", "siaga").getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select relname, n_live_tup, n_dead_tup, pg_relation_size(relid) / 8192,"
                        + " n_tup_hot_upd * 100.0 / greatest(n_tup_upd, 1), autovacuum_count + vacuum_count from pg_stat_user_tables"
                        + " order by n_tup_ins + n_tup_upd + n_tup_del desc limit 6")) {
            while (rs.next()) {
                t.append(String.format(Locale.ROOT, "  %-22s live %9d  dead %9d  pages %7d  HOT %5.1f %%  vacuums %d%n",
                        rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getDouble(5), rs.getLong(6)));
            }
        }
        return t.toString();
    }
}
