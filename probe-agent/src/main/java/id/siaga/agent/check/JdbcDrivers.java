package id.siaga.agent.check;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JDBC drivers the agent bundles (PostgreSQL, MariaDB/MySQL, Oracle), loaded only when a {@code jdbc} check
 * first connects. The packaged jar carries each driver as its own jar under {@value #FOLDER} instead of among its
 * classes: the JVM keeps the central directory of the jar it runs from in memory for as long as it runs, and the
 * drivers' 4,000 entries would make every agent pay for them, a jdbc check or not. On first use a driver's jar is
 * copied into a directory of its own (mode 0700) under {@code java.io.tmpdir}, removed when the agent exits, and
 * loaded by a class loader of its own. Where the driver is on the class path already (tests, a development run)
 * that one is used.
 */
final class JdbcDrivers {

    /** Where the packaged jar keeps the drivers' jars. */
    static final String FOLDER = "/jdbc/";

    /** The bundled driver classes and the jar (under {@link #FOLDER}) each is in. */
    private static final Map<String, String> JARS = Map.of(
            "org.postgresql.Driver", "postgresql.jar",
            "org.mariadb.jdbc.Driver", "mariadb-java-client.jar",
            "oracle.jdbc.OracleDriver", "ojdbc11.jar");

    private static final Map<String, ClassLoader> LOADERS = new ConcurrentHashMap<>();
    /** The driver classes found, so that a check's every cycle does not look again (and fail on the class path). */
    private static final Map<String, Class<?>> TYPES = new ConcurrentHashMap<>();

    private JdbcDrivers() {
    }

    /**
     * @param driverClass one of the bundled driver classes, e.g. {@code org.postgresql.Driver}
     * @return a new instance of the driver
     * @throws SQLException when the driver is neither on the class path nor bundled, or cannot be unpacked
     */
    static Driver load(String driverClass) throws SQLException {
        Class<?> type = TYPES.get(driverClass);
        if (type == null) {
            type = find(driverClass);
            TYPES.putIfAbsent(driverClass, type);
        }
        return instantiate(type);
    }

    /** @return the driver class, from the class path or else from its bundled jar (looked up once per class) */
    private static Class<?> find(String driverClass) throws SQLException {
        ClassLoader own = JdbcDrivers.class.getClassLoader();
        try {
            return Class.forName(driverClass, true, own);
        } catch (ClassNotFoundException notOnTheClassPath) {
            String jar = JARS.get(driverClass);
            if (jar == null || own.getResource(FOLDER.substring(1) + jar) == null) {
                throw new SQLException("JDBC driver " + driverClass + " is not available", notOnTheClassPath);
            }
            try {
                return Class.forName(driverClass, true, loader(jar));
            } catch (ClassNotFoundException | IllegalStateException e) {
                throw new SQLException("JDBC driver " + driverClass + " cannot be loaded from the agent's "
                        + jar + ": " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
            }
        }
    }

    private static Driver instantiate(Class<?> type) throws SQLException {
        try {
            return (Driver) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new SQLException("JDBC driver " + type.getName() + " cannot be started: " + e, e);
        }
    }

    private static ClassLoader loader(String jar) {
        return LOADERS.computeIfAbsent(jar, name -> {
            try {
                return new URLClassLoader("jdbc-" + name, new URL[] {unpack(name).toUri().toURL()},
                        JdbcDrivers.class.getClassLoader());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Copies a bundled driver jar into a new private directory, both removed when the JVM exits. */
    private static Path unpack(String jar) throws IOException {
        Path dir = Files.createTempDirectory("siaga-agent-jdbc-");
        dir.toFile().deleteOnExit();
        Path target = dir.resolve(jar);
        try (InputStream in = JdbcDrivers.class.getResourceAsStream(FOLDER + jar)) {
            if (in == null) {
                throw new IOException(FOLDER + jar + " is missing from the agent's jar");
            }
            target.toFile().deleteOnExit();
            Files.copy(in, target);
        }
        return target;
    }
}
