package id.siaga.ticket.rest.error;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which failures mean "the database cannot be reached now" (answered 503 with Retry-After): exceptions produced by
 * the real PostgreSQL driver against a closed port and a real PostgreSQL that ends the connection, as they surface
 * bare, wrapped by the raw-JDBC findings code and by Hibernate; and that other SQL errors are not such failures.
 */
class DatabaseUnavailableTest {

    @Test
    void aRefusedConnectionIsUnavailableHoweverItIsWrapped() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/siaga?connectTimeout=2", "siaga", "x"));
        assertTrue(refused.getSQLState().startsWith("08"), refused.getSQLState());
        assertTrue(DatabaseUnavailable.isCause(refused));
        assertTrue(DatabaseUnavailable.isCause(new IllegalStateException("could not read findings", refused)));
        assertTrue(DatabaseUnavailable.isCause(new RuntimeException(new JDBCConnectionException("acquire", refused))));
    }

    @Test
    void aPoolAcquisitionTimeoutIsUnavailable() {
        assertTrue(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))));
    }

    @Test
    void aConnectionEndedByTheServerIsUnavailableAndOtherSqlErrorsAreNot() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Connection admin = postgres.getPostgresDatabase().getConnection();
                Connection victim = postgres.getPostgresDatabase().getConnection()) {
            SQLException syntax = assertThrows(SQLException.class, () -> run(admin, "selec 1"));
            assertFalse(DatabaseUnavailable.isCause(new IllegalStateException(syntax)));
            SQLException nul = assertThrows(SQLException.class, () -> run(admin, "select chr(0)"));
            assertFalse(DatabaseUnavailable.isCause(nul));

            int pid;
            try (Statement s = victim.createStatement(); var rs = s.executeQuery("select pg_backend_pid()")) {
                rs.next();
                pid = rs.getInt(1);
            }
            run(admin, "select pg_terminate_backend(" + pid + ")");
            SQLException terminated = assertThrows(SQLException.class, () -> run(victim, "select 1"));
            assertTrue(DatabaseUnavailable.isCause(new IllegalStateException("could not store findings", terminated)),
                    terminated.getSQLState() + " " + terminated.getMessage());
            SQLException closed = assertThrows(SQLException.class, () -> run(victim, "select 1"));
            assertTrue(DatabaseUnavailable.isCause(closed), closed.getSQLState() + " " + closed.getMessage());
        }
    }

    private static void run(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
