package id.siaga.ticket.support;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Reads the test database directly, to check what was (not) written. */
public final class Sql {
    private Sql() {
    }

    /** @return the single number the query answers */
    public static long count(DataSource dataSource, String query) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a statement and returns the database's error, or null when it succeeded. */
    public static SQLException tryExecute(DataSource dataSource, String statement) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
            return null;
        } catch (SQLException e) {
            return e;
        }
    }
}
