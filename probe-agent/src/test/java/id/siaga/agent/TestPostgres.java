package id.siaga.agent;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One real PostgreSQL (embedded, throw-away) per test JVM, started on first use and stopped at exit. */
public final class TestPostgres {

    private static final Logger QUIET = Logger.getLogger("io.zonky");
    private static EmbeddedPostgres postgres;

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
}
