package id.siaga.ticket.clock;

import id.siaga.ticket.config.SiagaConfig;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * The days the office is closed, as kept in the database ({@code calendar_holiday}) and shared by every instance.
 * Each instance reads them again at most {@code siaga.calendar.holidays-refresh} after its last read, so an edit made
 * on another instance counts here within seconds; an edit made here counts at once ({@link #invalidate()}). Read
 * inside a transaction, the holidays are those the transaction sees.
 */
@ApplicationScoped
public class Holidays {

    private record Snapshot(Set<LocalDate> days, long readAtNanos) {
    }

    private final AgroalDataSource dataSource;
    private final long refreshNanos;
    private volatile Snapshot snapshot;

    public Holidays(AgroalDataSource dataSource, SiagaConfig config) {
        this.dataSource = dataSource;
        this.refreshNanos = config.calendar().holidaysRefresh().toNanos();
    }

    /** @return the holidays, read again when the last read is older than the refresh period */
    public Set<LocalDate> current() {
        Snapshot known = snapshot;
        long now = System.nanoTime();
        if (known == null || now - known.readAtNanos() >= refreshNanos) {
            known = new Snapshot(read(), now);
            snapshot = known;
        }
        return known.days();
    }

    /** Forgets what was read: the next use reads the holidays again. */
    public void invalidate() {
        snapshot = null;
    }

    private Set<LocalDate> read() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select day from calendar_holiday");
                ResultSet rs = s.executeQuery()) {
            Set<LocalDate> days = new HashSet<>();
            while (rs.next()) {
                days.add(rs.getObject(1, LocalDate.class));
            }
            return Set.copyOf(days);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the calendar's holidays", e);
        }
    }
}
