package id.siaga.ticket.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A PostgreSQL server started by the service itself when no database is configured, its data kept in
 * {@code $SIAGA_DATA_DIR/postgres} (default {@code ./.siaga/postgres}) between runs, with durability on
 * ({@code fsync}, {@code synchronous_commit}). Production configures {@code QUARKUS_DATASOURCE_JDBC_URL}
 * and never gets here.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";
    private static final String URL_ENV = "QUARKUS_DATASOURCE_JDBC_URL";

    private final EmbeddedPostgres postgres;
    private final Thread stopOnExit;
    private volatile boolean shuttingDown;
    private boolean closed;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Thread mainThread) {
        this.postgres = postgres;
        this.stopOnExit = new Thread(() -> {
            shuttingDown = true;
            joinQuietly(mainThread);
            close();
        }, "siaga-embedded-postgres-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** @return whether the JVM is shutting down (a signal), so the process needs no explicit exit */
    public boolean isShuttingDown() {
        return shuttingDown;
    }

    /**
     * Starts the embedded database and points the datasource at it, unless a database URL is configured.
     *
     * @return the running database, or null when a database is configured
     */
    public static EmbeddedDatabase startIfNoDatabaseConfigured() {
        if (isSet(System.getProperty(URL_PROPERTY)) || isSet(System.getenv(URL_ENV))) {
            return null;
        }
        return start(dataDirectory());
    }

    /**
     * Starts an embedded database in the given folder and points the datasource at it, whatever is configured
     * (system properties outrank the environment).
     *
     * @param dataDir where its data lives
     * @return the running database
     */
    public static EmbeddedDatabase start(Path dataDir) {
        try {
            Files.createDirectories(dataDir.getParent());
            stopLeftoverServer(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("timezone", "UTC");
            port().ifPresent(builder::setPort);
            EmbeddedPostgres postgres = builder.start();
            String url = postgres.getJdbcUrl("postgres", "postgres");
            System.setProperty(URL_PROPERTY, url);
            System.setProperty("quarkus.datasource.username", "postgres");
            System.setProperty("quarkus.datasource.password", "postgres");
            System.out.println("SIAGA: embedded PostgreSQL started (data in " + dataDir + ", " + url + ")");
            return new EmbeddedDatabase(postgres, Thread.currentThread());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDir
                    + "; set QUARKUS_DATASOURCE_JDBC_URL to use an existing database", e);
        }
    }

    /** Stops the database; safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("SIAGA: stopping the embedded PostgreSQL failed: " + e.getMessage());
        }
        if (!shuttingDown) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException alreadyShuttingDown) {
                shuttingDown = true;
            }
        }
    }

    private static Path dataDirectory() {
        String base = System.getenv("SIAGA_DATA_DIR");
        return Path.of(isSet(base) ? base : ".siaga").resolve("postgres").toAbsolutePath().normalize();
    }

    private static Optional<Integer> port() {
        String port = System.getenv("SIAGA_EMBEDDED_DB_PORT");
        return isSet(port) ? Optional.of(Integer.parseInt(port.trim())) : Optional.empty();
    }

    /**
     * A server left running by a killed JVM keeps its {@code postmaster.pid} and blocks the next start:
     * stop it first, or drop the file when its process is gone.
     */
    private static void stopLeftoverServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        long pid;
        try {
            pid = lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            pid = -1;
        }
        Optional<ProcessHandle> leftover = pid > 0 ? ProcessHandle.of(pid) : Optional.empty();
        if (leftover.isPresent() && leftover.get().info().command().orElse("").contains("postgres")) {
            System.out.println("SIAGA: stopping a PostgreSQL left running by an earlier run (pid " + pid + ")");
            ProcessHandle process = leftover.get();
            process.destroy();
            try {
                process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        }
        Files.deleteIfExists(pidFile);
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
