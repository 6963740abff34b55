package id.siaga.ticket.availability;

import id.siaga.ticket.config.SiagaConfig;
import id.siaga.ticket.domain.ResourceNotFoundException;
import id.siaga.ticket.domain.CheckStatus;
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
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The share of time each check (or each server, as its worst check) was OK, WARN, CRIT, UNKNOWN, without data, or in
 * maintenance, per day or per month in the office's time zone ({@link Availability} holds the rules). The database
 * turns the stored findings into runs (consecutive findings of one check with the same status, each within the cover of
 * the one before), so only the status changes and the gaps reach Java. Answers are kept for
 * {@code siaga.availability.cache} per instance, the same question asked again within that time gets the same answer.
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

    /**
     * One server's time by share.
     *
     * @param server its tallies as a whole (its worst check), one per period
     * @param checks per check key (in order), its tallies, one per period
     */
    public record ServerTallies(List<Availability.Tally> server, Map<String, List<Availability.Tally>> checks) {
    }

    /**
     * Every server's time by share over the same periods.
     *
     * @param labels  the periods' labels, in order
     * @param servers per server id; a server without any finding in the range has no data (and no checks)
     */
    public record AllServers(List<String> labels, Map<Long, ServerTallies> servers) {

        /** @return the server's tallies; all no data when it reported nothing in the range */
        public ServerTallies of(long serverId) {
            return servers.get(serverId);
        }
    }

    /** Findings to runs: per server and check, consecutive findings of one status, each within the cover of the last. */
    private static final String RUNS = """
            with cover (server_id, cover) as (
                select id, make_interval(secs => ms / 1000.0) from unnest(?::bigint[], ?::bigint[]) as c(id, ms)
            ), reports as (
                select f.server_id, f.check_key, f.status, f.observed_at, f.id,
                       least(f.observed_at + c.cover, lead(f.observed_at) over w) as covered_until,
                       case when lag(f.status) over w = f.status and lag(f.observed_at) over w + c.cover >= f.observed_at
                            then 0 else 1 end as starts_run
                from finding f join cover c on c.server_id = f.server_id
                where f.observed_at >= ? and f.observed_at < ? %s
                window w as (partition by f.server_id, f.check_key order by f.observed_at, f.id)
            ), numbered as (
                select server_id, check_key, status, observed_at, covered_until,
                       sum(starts_run) over (partition by server_id, check_key order by observed_at, id
                                             rows unbounded preceding) as run
                from reports
            )
            select server_id, check_key, status, min(observed_at) as run_from, max(covered_until) as run_to
            from numbered
            group by server_id, check_key, run, status
            order by server_id, check_key, run_from""";

    /** Most answers kept; beyond that the cache starts afresh. */
    private static final int CACHE_LIMIT = 1_000;

    private final AgroalDataSource dataSource;
    private final SiagaConfig config;
    private final Clock clock;
    private final Map<Object, Cached> cache = new ConcurrentHashMap<>();

    /** An answer (or the reading of it, shared by whoever asks meanwhile) and since when it is known. */
    private record Cached(CompletableFuture<Object> value, Instant at) {
    }

    private record Question(Long serverId, String check, LocalDate from, LocalDate to, Granularity granularity) {
    }

    /** The periods' labels and bounds: period i is [bounds[i], bounds[i + 1]), the last one cut at now. */
    private record Periods(List<String> labels, List<Instant> bounds) {
        Instant start() {
            return bounds.get(0);
        }

        Instant end() {
            return bounds.get(bounds.size() - 1);
        }
    }

    public AvailabilityService(AgroalDataSource dataSource, SiagaConfig config, Clock clock) {
        this.clock = clock;
        this.dataSource = dataSource;
        this.config = config;
    }

    /**
     * @param check the check's key, or null for the server as a whole
     * @param from  the first day, in the office's zone
     * @param to    the last day (included), not after today
     * @throws ResourceNotFoundException when the server does not exist or has never reported that check
     */
    public Result of(long serverId, String check, LocalDate from, LocalDate to, Granularity granularity) {
        return cached(new Question(serverId, check, from, to, granularity), () -> read(serverId, check, from, to, granularity));
    }

    /**
     * @param from the first day, in the office's zone
     * @param to   the last day (included); today at the latest counts up to now
     * @return every server's time by share, per period, as a whole and per check: read in one statement for all
     */
    public AllServers ofAll(LocalDate from, LocalDate to, Granularity granularity) {
        return cached(new Question(null, null, from, to, granularity), () -> readAll(from, to, granularity));
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(Question question, Supplier<T> read) {
        Instant now = clock.instant();
        Duration keep = config.availability().cache();
        CompletableFuture<Object> mine = new CompletableFuture<>();
        Cached known = cache.compute(question, (k, c) -> c != null && (!c.value().isDone() || !c.at().plus(keep).isBefore(now))
                ? c : new Cached(mine, now));
        if (known.value() == mine) {
            if (cache.size() > CACHE_LIMIT) {
                cache.entrySet().removeIf(e -> e.getValue().value() != mine);
            }
            try {
                mine.complete(read.get());
            } catch (RuntimeException e) {
                cache.remove(question, known);
                mine.completeExceptionally(e);
            }
        }
        try {
            return (T) known.value().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private Result read(long serverId, String check, LocalDate from, LocalDate to, Granularity granularity) {
        Periods periods = periods(from, to, granularity);
        try (Connection c = dataSource.getConnection()) {
            Map<Long, Duration> covers = covers(c, serverId);
            Duration cover = covers.get(serverId);
            if (cover == null) {
                throw new ResourceNotFoundException("There is no server with id " + serverId + ".");
            }
            if (check != null) {
                requireCheck(c, serverId, check);
            }
            Map<String, List<Availability.Piece>> checks = runs(c, covers, check, periods)
                    .getOrDefault(serverId, Map.of());
            List<Availability.Piece> known = checks.size() == 1 ? checks.values().iterator().next()
                    : Availability.worst(new ArrayList<>(checks.values()));
            List<Availability.Tally> tallies = Availability.tally(known,
                    maintenance(windows(c, periods), serverId), periods.bounds());
            List<Period> list = new ArrayList<>();
            Availability.Tally total = null;
            for (int i = 0; i < tallies.size(); i++) {
                list.add(new Period(periods.labels().get(i), tallies.get(i)));
                total = total == null ? tallies.get(i) : total.plus(tallies.get(i));
            }
            return new Result(cover, list, total);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the findings of server " + serverId, e);
        }
    }

    private AllServers readAll(LocalDate from, LocalDate to, Granularity granularity) {
        Periods periods = periods(from, to, granularity);
        try (Connection c = dataSource.getConnection()) {
            Map<Long, Duration> covers = covers(c, null);
            Map<Long, Map<String, List<Availability.Piece>>> runs = runs(c, covers, null, periods);
            List<WindowRow> windows = windows(c, periods);
            Map<Long, ServerTallies> servers = new LinkedHashMap<>();
            for (Long serverId : covers.keySet()) {
                List<Availability.Span> maintenance = maintenance(windows, serverId);
                Map<String, List<Availability.Tally>> checks = new LinkedHashMap<>();
                Map<String, List<Availability.Piece>> pieces = runs.getOrDefault(serverId, Map.of());
                pieces.forEach((key, known) -> checks.put(key, Availability.tally(known, maintenance, periods.bounds())));
                List<Availability.Tally> server = Availability.tally(Availability.worst(new ArrayList<>(pieces.values())),
                        maintenance, periods.bounds());
                servers.put(serverId, new ServerTallies(server, checks));
            }
            return new AllServers(periods.labels(), servers);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the findings of the servers", e);
        }
    }

    private Periods periods(LocalDate from, LocalDate to, Granularity granularity) {
        ZoneId zone = config.zone();
        Instant now = clock.instant();
        List<Instant> bounds = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = next(day, granularity)) {
            bounds.add(clip(day.atStartOfDay(zone).toInstant(), now));
            labels.add(granularity == Granularity.DAY ? day.toString() : day.toString().substring(0, 7));
        }
        bounds.add(clip(to.plusDays(1).atStartOfDay(zone).toInstant(), now));
        return new Periods(labels, bounds);
    }

    private static LocalDate next(LocalDate day, Granularity granularity) {
        return granularity == Granularity.DAY ? day.plusDays(1) : day.withDayOfMonth(1).plusMonths(1);
    }

    private static Instant clip(Instant at, Instant now) {
        return at.isAfter(now) ? now.truncatedTo(ChronoUnit.MILLIS) : at;
    }

    /**
     * @param serverId one server, or null for all
     * @return per server id (by id), the silent-agent limit: that many report intervals of the server's agent (its
     *         own, else the default)
     */
    private Map<Long, Duration> covers(Connection c, Long serverId) throws SQLException {
        Map<Long, Duration> covers = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("select id, agent_interval_seconds from server"
                + (serverId == null ? "" : " where id = ?"))) {
            if (serverId != null) {
                s.setLong(1, serverId);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    int seconds = rs.getInt(2);
                    Duration interval = rs.wasNull() || seconds <= 0 ? config.escalation().agentInterval()
                            : Duration.ofSeconds(seconds);
                    covers.put(rs.getLong(1), interval.multipliedBy(config.escalation().silentIntervals()));
                }
            }
        }
        return covers;
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

    /**
     * @return per server and check key (in order), the stretches of the periods with a known status, in order: the
     *         runs of findings, clipped to the periods
     */
    private static Map<Long, Map<String, List<Availability.Piece>>> runs(Connection c, Map<Long, Duration> covers,
            String check, Periods periods) throws SQLException {
        Map<Long, Map<String, List<Availability.Piece>>> runs = new LinkedHashMap<>();
        if (covers.isEmpty()) {
            return runs;
        }
        Duration longest = covers.values().stream().max(Duration::compareTo).orElseThrow();
        long lo = periods.start().toEpochMilli();
        long hi = periods.end().toEpochMilli();
        try (PreparedStatement s = c.prepareStatement(RUNS.formatted(check == null ? "" : "and f.check_key = ?"))) {
            s.setArray(1, c.createArrayOf("bigint", covers.keySet().toArray()));
            s.setArray(2, c.createArrayOf("bigint", covers.values().stream().map(Duration::toMillis).toArray()));
            s.setObject(3, OffsetDateTime.ofInstant(periods.start().minus(longest), ZoneOffset.UTC));
            s.setObject(4, OffsetDateTime.ofInstant(periods.end(), ZoneOffset.UTC));
            if (check != null) {
                s.setString(5, check);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    List<Availability.Piece> pieces = runs.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new ArrayList<>());
                    long from = Math.max(millis(rs, 4), lo);
                    long to = Math.min(millis(rs, 5), hi);
                    if (to > from) {
                        pieces.add(new Availability.Piece(from, to, CheckStatus.valueOf(rs.getString(3))));
                    }
                }
            }
        }
        return runs;
    }

    private static long millis(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant().toEpochMilli();
    }

    /** A live maintenance window: of one server, or of all (server null). */
    private record WindowRow(Long serverId, Availability.Span span) {
    }

    /** @return the live maintenance windows overlapping the periods */
    private static List<WindowRow> windows(Connection c, Periods periods) throws SQLException {
        List<WindowRow> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select server_id, starts_at, ends_at from maintenance_window "
                + "where deleted_at is null and ends_at > ? and starts_at < ?")) {
            s.setObject(1, OffsetDateTime.ofInstant(periods.start(), ZoneOffset.UTC));
            s.setObject(2, OffsetDateTime.ofInstant(periods.end(), ZoneOffset.UTC));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long server = rs.getLong(1);
                    rows.add(new WindowRow(rs.wasNull() ? null : server, new Availability.Span(
                            rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getObject(3, OffsetDateTime.class).toInstant())));
                }
            }
        }
        return rows;
    }

    /** @return the windows that count for the server: its own and those of all servers */
    private static List<Availability.Span> maintenance(List<WindowRow> windows, long serverId) {
        return windows.stream().filter(w -> w.serverId() == null || w.serverId() == serverId).map(WindowRow::span).toList();
    }
}
