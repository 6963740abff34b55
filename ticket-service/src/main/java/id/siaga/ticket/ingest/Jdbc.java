package id.siaga.ticket.ingest;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Small JDBC conversions for the ingest path, which bypasses the ORM for speed. */
final class Jdbc {
    private Jdbc() {
    }

    static void setInstant(PreparedStatement s, int index, Instant value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    /**
     * @return the instant in microseconds since 1970-01-01 UTC, rounded as PostgreSQL rounds a timestamp's text
     * (to the nearest microsecond, halves to even), or null: the batch statements bind their times as
     * {@code bigint[]} and add them to {@code timestamptz 'epoch'}, which costs neither side any formatting or parsing
     * (a batch's times used to go as text, a tenth of the ingest path's allocation)
     */
    static Long micros(Instant at) {
        if (at == null) {
            return null;
        }
        long micros = at.getNano() / 1_000;
        int rest = at.getNano() % 1_000;
        if (rest > 500 || rest == 500 && (micros & 1) == 1) {
            micros++;
        }
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), micros);
    }

    static Instant getInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

    static void setInt(PreparedStatement s, int index, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, value);
        }
    }

    /**
     * Binds a statement's parameters one after the other, so that statements sent together in one text need no
     * index arithmetic: each statement's part binds its own, in its order.
     */
    static final class Params {
        private final PreparedStatement statement;
        private int next = 1;

        Params(PreparedStatement statement) {
            this.statement = statement;
        }

        /** Binds {@code values} as a PostgreSQL array of {@code type} (uuid, text, bigint, integer, boolean). */
        Params array(String type, Object[] values) throws SQLException {
            statement.setArray(next++, statement.getConnection().createArrayOf(type, values));
            return this;
        }

        Params instant(Instant value) throws SQLException {
            setInstant(statement, next++, value);
            return this;
        }
    }
}
