package id.siaga.ticket.support;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a request that got no answer was waiting for: a @QuarkusTest runs the service in the test's own JVM, so its
 * threads can be read, and the database's sessions from a connection of their own. The whole picture goes to a file
 * in {@code target/stuck}; the failure's message names the service's threads that were busy in the service's or
 * Quarkus's code and the database sessions that waited for a lock.
 */
public final class Stuck {

    private static final int FRAMES = 6;

    private Stuck() {
    }

    /** @return an AssertionError saying what the service was doing when {@code what} got no answer */
    public static AssertionError diagnose(String what, Throwable cause) {
        StringBuilder all = new StringBuilder();
        List<String> busy = new ArrayList<>();
        for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            all.append(thread);
            Arrays.stream(thread.getStackTrace()).forEach(frame -> all.append("\tat ").append(frame).append('\n'));
            all.append('\n');
            List<String> ours = Arrays.stream(thread.getStackTrace()).map(StackTraceElement::toString)
                    .filter(frame -> frame.startsWith("id.siaga.ticket.") && !frame.startsWith("id.siaga.ticket.support.")
                            || frame.startsWith("io.micrometer.") || frame.startsWith("io.quarkus.security.")
                            || frame.startsWith("io.quarkus.micrometer."))
                    .limit(FRAMES).toList();
            if (!ours.isEmpty() && !thread.getThreadName().equals(Thread.currentThread().getName())) {
                busy.add(thread.getThreadName() + " " + thread.getThreadState()
                        + (thread.getLockName() == null ? "" : " on " + thread.getLockName()) + " " + ours);
            }
        }
        String sessions = waitingSessions();
        all.append("database sessions waiting:\n").append(sessions);
        Path file = Path.of("target", "stuck", what.replaceAll("[^A-Za-z0-9]+", "_") + ".txt");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AssertionError(what + " got no answer (" + cause + "); the service's busy threads: " + busy
                + "; database sessions waiting: " + sessions + " (all threads in " + file + ")", cause);
    }

    private static String waitingSessions() {
        Config config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
                Statement s = c.createStatement()) {
            s.setQueryTimeout(5);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    select pid, state, wait_event_type, wait_event, pg_blocking_pids(pid), left(query, 160)
                    from pg_stat_activity where pid <> pg_backend_pid() and state <> 'idle'
                    and (wait_event_type = 'Lock' or now() - query_start > interval '1 second')""")) {
                while (rs.next()) {
                    rows.add(rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3) + ":" + rs.getString(4)
                            + " blocked by " + rs.getString(5) + ": " + rs.getString(6));
                }
            }
            return rows.isEmpty() ? "none" : rows.stream().collect(Collectors.joining("; "));
        } catch (SQLException | RuntimeException e) {
            return "not readable (" + e.getMessage() + ")";
        }
    }
}
