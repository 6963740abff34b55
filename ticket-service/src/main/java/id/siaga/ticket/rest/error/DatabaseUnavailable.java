package id.siaga.ticket.rest.error;

import org.hibernate.exception.JDBCConnectionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Tells a failure to reach the database (PostgreSQL restarting or shutting down, the network gone, the connection
 * pool empty for too long) from every other failure, wherever it surfaces: from Hibernate, from the raw JDBC of the
 * findings path, wrapped in a transaction or security exception. Such a request may simply be sent again.
 */
public final class DatabaseUnavailable {

    /** Seconds a client is asked to wait before sending the request again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /** SQLSTATEs outside class 08 that mean "this connection is going or cannot be had now". */
    private static final Set<String> UNAVAILABLE_STATES = Set.of(
            "57P01", // admin_shutdown: terminating connection due to administrator command
            "57P02", // crash_shutdown
            "57P03", // cannot_connect_now: the database system is starting up / shutting down
            "53300"); // too_many_connections

    private DatabaseUnavailable() {
    }

    /** @return true when the failure, or anything it was caused by, is a lost or unobtainable database connection */
    public static boolean isCause(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (isConnectionFailure(t)) {
                return true;
            }
            if (t instanceof SQLException sql) {
                for (SQLException next = sql.getNextException(); next != null && seen.put(next, Boolean.TRUE) == null;
                        next = next.getNextException()) {
                    if (isConnectionFailure(next)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isConnectionFailure(Throwable t) {
        if (t instanceof JDBCConnectionException
                || t instanceof SQLTransientConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state))) {
                return true;
            }
            // Agroal's pool answers an acquisition timeout with a plain SQLException and no SQLSTATE
            return state == null && sql.getMessage() != null && sql.getMessage().contains("acquisition timeout");
        }
        return false;
    }
}
