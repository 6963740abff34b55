package id.siaga.agent;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One real PostgreSQL (embedded, throw-away) per test JVM, started on first use and stopped at exit. */
public final class TestPostgres {

    private static final Logger QUIET = Logger.getLogger("io.zonky");
    /** The database that {@link #siakDatabase()} creates. */
    public static final String SIAK = "siak";
    /** A least-privilege monitoring account of {@link #SIAK}, made as the README says. */
    public static final String READ_ONLY_USER = "siaga_ro";

    private static EmbeddedPostgres postgres;
    private static boolean siakCreated;

    private TestPostgres() {
    }

    /** @return the running server */
    public static synchronized EmbeddedPostgres get() {
        if (postgres == null) {
            QUIET.setLevel(Level.WARNING);
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
        return postgres;
    }

    /** @return a JDBC URL for the {@code postgres} database as user {@code postgres} */
    public static String url() {
        return get().getJdbcUrl("postgres", "postgres");
    }

    /**
     * Creates (once per JVM) the database {@code siak} with the dblink extension, a table {@code penduduk} of
     * three rows owned by {@code postgres}, and the account {@code siaga_ro} set up as the README's
     * least-privilege account: LOGIN, pg_monitor, SELECT on penduduk, read-only by default, a statement timeout,
     * and no EXECUTE on dblink (the README's statements).
     */
    public static synchronized void siakDatabase() {
        if (siakCreated) {
            return;
        }
        try (Connection c = get().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + SIAK + " with (force)");
            s.execute("create database " + SIAK);
            s.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + READ_ONLY_USER
                    + "') then create role " + READ_ONLY_USER + " login password 'ro-secret'; end if; end $$");
            s.execute("grant pg_monitor to " + READ_ONLY_USER);
            s.execute("alter role " + READ_ONLY_USER + " set default_transaction_read_only = on");
            s.execute("alter role " + READ_ONLY_USER + " set statement_timeout = '30s'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        try (Connection c = get().getDatabase("postgres", SIAK).getConnection(); Statement s = c.createStatement()) {
            s.execute("create extension dblink");
            s.execute("create table penduduk (nik varchar(16) primary key, nama text)");
            s.execute("insert into penduduk values ('1301010101010001', 'Siti'), ('1301010101010002', 'Budi'),"
                    + " ('1301010101010003', 'Rina')");
            s.execute("DO $$ DECLARE f regprocedure; BEGIN\n"
                    + "  FOR f IN SELECT p.oid FROM pg_proc p\n"
                    + "           JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'\n"
                    + "           JOIN pg_extension e ON e.oid = d.refobjid WHERE e.extname = 'dblink' LOOP\n"
                    + "    EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);\n"
                    + "  END LOOP; END $$");
            s.execute("grant connect on database " + SIAK + " to " + READ_ONLY_USER);
            s.execute("grant usage on schema public to " + READ_ONLY_USER);
            s.execute("grant select on penduduk to " + READ_ONLY_USER);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        siakCreated = true;
    }

    /** @return a JDBC URL for the {@code siak} database (see {@link #siakDatabase()}), without a user */
    public static String siakUrl() {
        siakDatabase();
        return "jdbc:postgresql://localhost:" + get().getPort() + "/" + SIAK;
    }
}
