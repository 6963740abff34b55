package id.siaga.ticket.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;

/**
 * The key of the web pages' session cookie when none is configured: generated once (256 random bits) and kept
 * in the database ({@code session_key}), so that every instance and every restart accepts the same cookies.
 * It is never logged.
 * <p>
 * {@link #provideIfUnset()} runs in the service's main method before Quarkus starts, because Quarkus builds its
 * form authentication from the configuration at start. It connects with plain JDBC and the datasource settings,
 * and takes a PostgreSQL advisory lock so that instances starting together agree on one key:
 * <ul>
 *   <li>a key is stored: it is used;</li>
 *   <li>the table exists but is empty: a new key is inserted at once;</li>
 *   <li>a fresh database (the table comes with migration V7, which Flyway runs later during start-up): a new key
 *       is used, and the lock is held until {@link Completion} stores it after the migration; another instance
 *       starting meanwhile waits on the lock and then reads the stored key.</li>
 * </ul>
 * An explicit key ({@code QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY} or the system property) always wins.
 */
public final class SessionKeyStore {

    /** The Quarkus setting that holds the key. */
    public static final String KEY_PROPERTY = "quarkus.http.auth.session.encryption-key";
    private static final String KEY_ENV = "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY";
    /** Advisory lock id: "SIAGA session key". */
    private static final long LOCK_ID = 0x5349_4147_4b45_5901L;
    private static final int KEY_BYTES = 32;

    private static final Logger LOG = Logger.getLogger(SessionKeyStore.class);

    /** The connection holding the lock while a new key waits for its table; null otherwise. */
    private static Connection pending;
    private static String pendingKey;

    private SessionKeyStore() {
    }

    /**
     * Sets {@value #KEY_PROPERTY} from the database unless a key is configured.
     *
     * @throws IllegalStateException when the database cannot be reached
     */
    public static synchronized void provideIfUnset() {
        if (isSet(System.getProperty(KEY_PROPERTY)) || isSet(System.getenv(KEY_ENV))) {
            return;
        }
        String url = setting("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL");
        if (url == null) {
            return;
        }
        String key;
        try {
            key = resolve(url, setting("quarkus.datasource.username", "QUARKUS_DATASOURCE_USERNAME"),
                    setting("quarkus.datasource.password", "QUARKUS_DATASOURCE_PASSWORD"));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the session key from the database (" + e.getMessage()
                    + "); set QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY or check the datasource settings", e);
        }
        System.setProperty(KEY_PROPERTY, key);
    }

    private static String resolve(String url, String username, String password) throws SQLException {
        Connection c = DriverManager.getConnection(url, username, password);
        boolean keep = false;
        try {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("select pg_advisory_lock(" + LOCK_ID + ")");
            }
            if (tableExists(c)) {
                String stored = read(c);
                if (stored == null) {
                    stored = store(c, generate());
                }
                LOG.info("Web page sessions use the key kept in the database (table session_key)");
                return stored;
            }
            pending = c;
            pendingKey = generate();
            keep = true;
            return pendingKey;
        } finally {
            if (!keep) {
                unlockAndClose(c);
            }
        }
    }

    /** Stores the key chosen on a fresh database, after the migration made its table, and releases the lock. */
    static synchronized void completePending() {
        if (pending == null) {
            return;
        }
        try {
            String stored = store(pending, pendingKey);
            if (stored.equals(pendingKey)) {
                LOG.info("Web page sessions: generated a key and kept it in the database (table session_key)");
            } else {
                LOG.error("Another instance stored a different session key; restart this instance so that its "
                        + "sign-ins are accepted by the others");
            }
        } catch (SQLException e) {
            LOG.errorf("Could not store the session key: %s; sign-ins end when this instance stops", e.getMessage());
        } finally {
            unlockAndClose(pending);
            pending = null;
            pendingKey = null;
        }
    }

    private static boolean tableExists(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select to_regclass('session_key') is not null")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static String read(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select secret from session_key where id = 1")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** @return the stored key: this one, or the one stored before */
    private static String store(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "insert into session_key (id, secret) values (1, ?) on conflict (id) do nothing")) {
            s.setString(1, key);
            s.executeUpdate();
        }
        return read(c);
    }

    private static String generate() {
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static void unlockAndClose(Connection c) {
        try (c; Statement s = c.createStatement()) {
            s.execute("select pg_advisory_unlock(" + LOCK_ID + ")");
        } catch (SQLException e) {
            LOG.debugf("releasing the session key lock: %s", e.getMessage());
        }
    }

    private static String setting(String property, String env) {
        String value = System.getProperty(property);
        return isSet(value) ? value : isSet(System.getenv(env)) ? System.getenv(env) : null;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    /** Completes a key generated on a fresh database once Flyway has run (start-up observers run after it). */
    @ApplicationScoped
    static class Completion {
        void onStart(@Observes StartupEvent event) {
            completePending();
        }
    }
}
