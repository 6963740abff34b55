package id.siaga.ticket.ingest;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The batch statements bind their times as microseconds ({@link Jdbc#micros}) where they once sent text: PostgreSQL
 * must store the same timestamp either way, sub-microsecond halves and times before 1970 included.
 */
@QuarkusTest
class JdbcTimesTest {

    @Inject
    DataSource dataSource;

    @Test
    void storesTheTimeItsTextWouldHaveStored() throws Exception {
        List<Instant> times = List.of(Instant.parse("2026-12-07T12:00:00Z"), Instant.parse("2026-12-07T12:00:00.123456Z"),
                Instant.parse("2026-12-07T12:00:00.123456499Z"), Instant.parse("2026-12-07T12:00:00.123456501Z"),
                Instant.parse("2026-12-07T12:00:00.1234565Z"), Instant.parse("2026-12-07T12:00:00.1234575Z"),
                Instant.parse("2026-12-07T23:59:59.9999996Z"), Instant.parse("1969-12-31T23:59:59.0000015Z"),
                Instant.parse("1900-01-01T00:00:00.000001Z"));
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select ?::timestamptz = timestamptz 'epoch' + ? * interval '1 microsecond', "
                        + "(timestamptz 'epoch' + ? * interval '1 microsecond')::text")) {
            for (Instant at : times) {
                s.setString(1, at.toString());
                s.setLong(2, Jdbc.micros(at));
                s.setLong(3, Jdbc.micros(at));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    assertEquals(true, rs.getBoolean(1), at + " stored as " + rs.getString(2));
                }
            }
        }
        assertNull(Jdbc.micros(null));
    }
}
