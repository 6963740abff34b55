package id.siaga.ticket.availability;

import id.siaga.ticket.config.SiagaConfig;
import id.siaga.ticket.domain.MaintenanceWindow;
import id.siaga.ticket.domain.ResourceNotFoundException;
import id.siaga.ticket.ingest.CheckStatus;
import id.siaga.ticket.repository.MaintenanceWindowRepository;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The share of time each check (or each server, as its worst check) was OK, WARN, CRIT, UNKNOWN, without data, or in
 * maintenance, per day or per month in the office's time zone, read from the stored findings ({@link Availability}
 * holds the rules).
 */
@ApplicationScoped
public class AvailabilityService {

    /** How periods are cut. */
    public enum Granularity {
        DAY, MONTH
    }

    /** A period's label ({@code 2026-11-03} or {@code 2026-11}) and its time by share. */
    public record Period(String label, Availability.Tally tally) {
    }

    /**
     * @param cover   the longest time one finding of the server covers
     * @param periods the periods in order
     * @param total   all periods together
     */
    public record Result(Duration cover, List<Period> periods, Availability.Tally total) {
    }

    private final AgroalDataSource dataSource;
    private final MaintenanceWindowRepository windows;
    private final SiagaConfig config;
    private final Clock clock;

    public AvailabilityService(AgroalDataSource dataSource, MaintenanceWindowRepository windows, SiagaConfig config, Clock clock) {
        this.clock = clock;
        this.dataSource = dataSource;
        this.windows = windows;
        this.config = config;
    }

    /**
     * @param check the check's key, or null for the server as a whole
     * @param from  the first day, in the office's zone
     * @param to    the last day (included), not after today
     * @throws ResourceNotFoundException when the server does not exist or has never reported that check
     */
    public Result of(long serverId, String check, LocalDate from, LocalDate to, Granularity granularity) {
        ZoneId zone = config.zone();
        Instant now = clock.instant();
        List<Instant> bounds = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = next(day, granularity)) {
            bounds.add(clip(day.atStartOfDay(zone).toInstant(), now));
            labels.add(granularity == Granularity.DAY ? day.toString() : day.toString().substring(0, 7));
        }
        Instant end = clip(to.plusDays(1).atStartOfDay(zone).toInstant(), now);
        bounds.add(end);
        Instant start = bounds.get(0);
        try (Connection c = dataSource.getConnection()) {
            Duration cover = cover(c, serverId);
            if (check != null) {
                requireCheck(c, serverId, check);
            }
            List<List<Availability.Piece>> checks = new ArrayList<>();
            for (List<Availability.Report> reports : reports(c, serverId, check, start.minus(cover), end).values()) {
                checks.add(Availability.coverage(reports, cover, start, end));
            }
            List<Availability.Piece> known = checks.size() == 1 ? checks.get(0) : Availability.worst(checks);
            List<Availability.Span> maintenance = windows.overlapping(serverId, start, end).stream()
                    .map(AvailabilityService::span).toList();
            List<Availability.Tally> tallies = Availability.tally(known, maintenance, bounds);
            List<Period> periods = new ArrayList<>();
            Availability.Tally total = null;
            for (int i = 0; i < tallies.size(); i++) {
                periods.add(new Period(labels.get(i), tallies.get(i)));
                total = total == null ? tallies.get(i) : total.plus(tallies.get(i));
            }
            return new Result(cover, periods, total);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the findings of server " + serverId, e);
        }
    }

    /** @return a maintenance window as a span */
    public static Availability.Span span(MaintenanceWindow w) {
        return new Availability.Span(w.startsAt, w.endsAt);
    }

    private static LocalDate next(LocalDate day, Granularity granularity) {
        return granularity == Granularity.DAY ? day.plusDays(1) : day.withDayOfMonth(1).plusMonths(1);
    }

    private static Instant clip(Instant at, Instant now) {
        return at.isAfter(now) ? now.truncatedTo(ChronoUnit.MILLIS) : at;
    }

    /** @return the silent-agent limit: that many report intervals of the server's agent (its own, else the default) */
    private Duration cover(Connection c, long serverId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select agent_interval_seconds from server where id = ?")) {
            s.setLong(1, serverId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new ResourceNotFoundException("There is no server with id " + serverId + ".");
                }
                int seconds = rs.getInt(1);
                Duration interval = rs.wasNull() || seconds <= 0 ? config.escalation().agentInterval()
                        : Duration.ofSeconds(seconds);
                return interval.multipliedBy(config.escalation().silentIntervals());
            }
        }
    }

    private static void requireCheck(Connection c, long serverId, String check) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select 1 from check_state where server_id = ? and check_key = ?")) {
            s.setLong(1, serverId);
            s.setString(2, check);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new ResourceNotFoundException("Server " + serverId + " has never reported a check '" + check + "'.");
                }
            }
        }
    }

    /** @return per check key, its findings in [from, to), oldest first */
    private static Map<String, List<Availability.Report>> reports(Connection c, long serverId, String check,
            Instant from, Instant to) throws SQLException {
        Map<String, List<Availability.Report>> byCheck = new LinkedHashMap<>();
        String sql = "select check_key, status, observed_at from finding where server_id = ? and observed_at >= ? "
                + "and observed_at < ?" + (check == null ? "" : " and check_key = ?") + " order by check_key, observed_at";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, serverId);
            s.setObject(2, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            s.setObject(3, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            if (check != null) {
                s.setString(4, check);
            }
            s.setFetchSize(10_000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byCheck.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Availability.Report(rs.getObject(3, OffsetDateTime.class).toInstant(), CheckStatus.valueOf(rs.getString(2))));
                }
            }
        }
        return byCheck;
    }
}
