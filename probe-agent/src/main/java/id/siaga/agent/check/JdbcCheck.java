package id.siaga.agent.check;

import id.siaga.agent.config.CheckSpec;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code jdbc}: runs one read-only query against a database and compares its first value or its row count
 * ("cek fungsi", SOP step 3). The query is refused, never sent, unless {@link ReadOnlySql} allows it for the URL's
 * kind of database; the connection is its own, read-only, with autocommit off and rolled back at the end, and both
 * connecting and the query are bounded by {@code timeoutSeconds}. On PostgreSQL the transaction is also declared
 * {@code READ ONLY} with a server-side {@code statement_timeout}, and {@link PostgresGuard} refuses, before the
 * query runs, calls of functions that are not built in and VOLATILE, and accounts that may open dblink
 * connections; on MariaDB/MySQL the session's transactions are {@code READ ONLY} with {@code max_statement_time}.
 */
public final class JdbcCheck implements Check {

    /** Most rows read (and counted). */
    static final int MAX_ROWS = 10_000;
    /** How long a passed {@link PostgresGuard} check is trusted before it is made again. */
    static final Duration GUARD_VALID = Duration.ofMinutes(10);

    private final CheckSpec.Jdbc spec;
    private final String url;
    private final SqlDialect dialect;
    private volatile long guardPassedNanos;
    private volatile boolean guardPassed;

    public JdbcCheck(CheckSpec.Jdbc spec) {
        this.spec = spec;
        String configured = spec.url();
        if (configured.startsWith("jdbc:mysql:") && !configured.contains("permitMysqlScheme")) {
            configured += (configured.contains("?") ? "&" : "?") + "permitMysqlScheme";
        }
        this.url = configured;
        this.dialect = SqlDialect.ofUrl(configured);
    }

    @Override
    public CheckResult run() throws SQLException {
        Optional<String> refusal = ReadOnlySql.refusal(spec.query(), dialect);
        if (refusal.isPresent()) {
            return refused(refusal.get(), new LinkedHashMap<>());
        }
        Map<String, Double> measurements = new LinkedHashMap<>();
        long start = System.nanoTime();
        try (Connection connection = connect(spec, url)) {
            measurements.put("connectMs", TcpProbe.round((System.nanoTime() - start) / 1e6));
            connection.setReadOnly(true);
            if (dialect == SqlDialect.MARIADB) {
                readOnlyMariaDbSession(connection);
            }
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                if (dialect == SqlDialect.POSTGRESQL) {
                    statement.execute("SET TRANSACTION READ ONLY");
                    statement.execute("SET LOCAL statement_timeout = " + spec.timeoutSeconds() * 1000);
                    Optional<String> guard = guard(connection);
                    if (guard.isPresent()) {
                        return refused(guard.get(), measurements);
                    }
                }
                statement.setQueryTimeout(spec.timeoutSeconds());
                statement.setMaxRows(MAX_ROWS);
                statement.setFetchSize(100);
                long queryStart = System.nanoTime();
                String first = null;
                int rows = 0;
                try (ResultSet result = statement.executeQuery(spec.query())) {
                    while (result.next()) {
                        if (rows == 0) {
                            first = result.getString(1);
                        }
                        rows++;
                    }
                }
                double queryMs = TcpProbe.round((System.nanoTime() - queryStart) / 1e6);
                measurements.put("queryMs", queryMs);
                measurements.put("rows", (double) rows);
                return judge(first, rows, queryMs, measurements);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            if (isTimeout(e)) {
                return new CheckResult(Status.CRIT, "query took longer than " + spec.timeoutSeconds()
                        + " s (cancelled)", measurements);
            }
            String state = e.getSQLState() == null ? "" : " [SQLState " + e.getSQLState() + "]";
            String what = measurements.containsKey("connectMs") ? "query failed: " : "cannot connect to database: ";
            return new CheckResult(Status.CRIT, what + CheckRunner.describe(e) + state, measurements);
        }
    }

    private static CheckResult refused(String reason, Map<String, Double> measurements) {
        return new CheckResult(Status.UNKNOWN, "query refused, not run: " + reason, measurements);
    }

    private Optional<String> guard(Connection connection) throws SQLException {
        if (guardPassed && System.nanoTime() - guardPassedNanos < GUARD_VALID.toNanos()) {
            return Optional.empty();
        }
        Optional<String> reason = PostgresGuard.refusal(connection,
                ReadOnlySql.functionCalls(spec.query(), SqlDialect.POSTGRESQL));
        if (reason.isEmpty()) {
            guardPassedNanos = System.nanoTime();
            guardPassed = true;
        }
        return reason;
    }

    /** Makes the session's next transactions read-only and bounds each statement on the server as well. */
    private void readOnlyMariaDbSession(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION TRANSACTION READ ONLY");
            try {
                statement.execute("SET SESSION max_statement_time = " + spec.timeoutSeconds());
            } catch (SQLException mysql) {
                statement.execute("SET SESSION max_execution_time = " + spec.timeoutSeconds() * 1000);
            }
        }
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(2L * spec.timeoutSeconds());
    }

    private CheckResult judge(String first, int rows, double queryMs, Map<String, Double> measurements) {
        Status status = Status.OK;
        List<String> parts = new ArrayList<>();
        parts.add(rows + (rows == 1 ? " row" : rows >= MAX_ROWS ? "+ rows" : " rows") + " in "
                + Levels.ms(queryMs) + " ms");
        if (spec.expectRows() != null && rows != spec.expectRows()) {
            parts.set(0, parts.get(0) + " (expected " + spec.expectRows() + ")");
            status = Status.CRIT;
        }
        boolean wantsValue = spec.expectValue() != null || spec.warnAbove() != null || spec.critAbove() != null
                || spec.warnBelow() != null || spec.critBelow() != null;
        if (wantsValue && rows == 0) {
            parts.add("no value to compare (query returned no rows)");
            return new CheckResult(Status.CRIT, String.join("; ", parts), measurements);
        }
        BigDecimal number = first == null ? null : parseNumber(first);
        if (number != null) {
            measurements.put("value", number.doubleValue());
        }
        if (spec.expectValue() != null) {
            if (matches(first, spec.expectValue())) {
                parts.add("value '" + first + "' as expected");
            } else {
                parts.add("value '" + first + "' (expected '" + spec.expectValue() + "')");
                status = status.worst(Status.CRIT);
            }
        }
        boolean thresholds = spec.warnAbove() != null || spec.critAbove() != null
                || spec.warnBelow() != null || spec.critBelow() != null;
        if (thresholds) {
            if (number == null) {
                parts.add("value '" + first + "' is not a number");
                status = status.worst(Status.UNKNOWN);
            } else {
                double value = number.doubleValue();
                Status above = Levels.above(value, spec.warnAbove(), spec.critAbove());
                Status below = Levels.below(value, spec.warnBelow(), spec.critBelow());
                String limits = (Levels.limits(">", spec.warnAbove(), spec.critAbove(), "")
                        + Levels.limits("<", spec.warnBelow(), spec.critBelow(), "")).replace(")(", ", ");
                parts.add("value " + Levels.number(value) + limits);
                status = status.worst(above).worst(below);
            }
        } else if (spec.expectValue() == null && first != null) {
            parts.add("first value '" + abbreviate(first) + "'");
        }
        return new CheckResult(status, String.join("; ", parts), measurements);
    }

    /**
     * Opens a connection for a check's settings, with the connect, login and socket time limits of its driver.
     *
     * @param spec the check's settings
     * @param url  the URL to use (the configured one, adjusted for the driver)
     * @return an open connection; the caller closes it
     */
    static Connection connect(CheckSpec.Jdbc spec, String url) throws SQLException {
        Properties properties = new Properties();
        if (spec.user() != null) {
            properties.setProperty("user", spec.user());
        }
        if (spec.password() != null) {
            properties.setProperty("password", spec.password());
        }
        int seconds = spec.timeoutSeconds();
        String driverClass = null;
        if (url.startsWith("jdbc:postgresql:")) {
            driverClass = "org.postgresql.Driver";
            properties.setProperty("connectTimeout", Integer.toString(seconds));
            properties.setProperty("loginTimeout", Integer.toString(seconds));
            properties.setProperty("socketTimeout", Integer.toString(2 * seconds + 5));
            properties.setProperty("ApplicationName", "siaga-agent");
            properties.setProperty("readOnly", "true");
            properties.setProperty("readOnlyMode", "always");
        } else if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            driverClass = "org.mariadb.jdbc.Driver";
            properties.setProperty("connectTimeout", Integer.toString(seconds * 1000));
            properties.setProperty("socketTimeout", Integer.toString((2 * seconds + 5) * 1000));
            properties.setProperty("assureReadOnly", "true");
        } else if (url.startsWith("jdbc:oracle:")) {
            driverClass = "oracle.jdbc.OracleDriver";
            properties.setProperty("oracle.net.CONNECT_TIMEOUT", Integer.toString(seconds * 1000));
            properties.setProperty("oracle.jdbc.ReadTimeout", Integer.toString((2 * seconds + 5) * 1000));
            properties.setProperty("v$session.program", "siaga-agent");
        }
        if (driverClass == null) {
            return DriverManager.getConnection(url, properties);
        }
        Driver driver = JdbcDrivers.load(driverClass);
        Connection connection = driver.connect(url, properties);
        if (connection == null) {
            throw new SQLException("the JDBC driver does not accept the URL " + url);
        }
        return connection;
    }

    /** @return the URL a check with these settings connects to */
    static String url(CheckSpec.Jdbc spec) {
        return new JdbcCheck(spec).url;
    }

    private static boolean isTimeout(SQLException e) {
        return e instanceof SQLTimeoutException
                || "57014".equals(e.getSQLState())
                || "70100".equals(e.getSQLState())
                || e.getErrorCode() == 1013;
    }

    private static boolean matches(String actual, String expected) {
        if (actual == null) {
            return false;
        }
        BigDecimal a = parseNumber(actual);
        BigDecimal b = parseNumber(expected);
        if (a != null && b != null) {
            return a.compareTo(b) == 0;
        }
        return actual.trim().equals(expected.trim());
    }

    private static BigDecimal parseNumber(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 39) + "…";
    }
}
