package id.siaga.ticket.status;

import id.siaga.ticket.config.SiagaConfig;
import id.siaga.ticket.domain.Application;
import id.siaga.ticket.domain.ServerRole;
import id.siaga.ticket.domain.Severity;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Reads the public status page's snapshot from the database at most once per {@code siaga.status.refresh} on each
 * instance, and serves it from memory in between: while one request reads a new snapshot, the others get the previous
 * one. A ticket about SIAK or KTP-el (by its application), or about a public server, is an incident of that line.
 */
@ApplicationScoped
public class StatusService {

    /** Days in the strip of daily bars, today included. */
    public static final int DAYS = 90;
    /** Most ended incidents listed. */
    static final int RECENT_LIMIT = 20;

    private static final Logger LOG = Logger.getLogger(StatusService.class);

    private final AgroalDataSource dataSource;
    private final SiagaConfig config;
    /** Held while a snapshot is read: by the first request, or for the reader thread. */
    private final Semaphore reading = new Semaphore(1);
    private final Clock clock;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "siaga-status-reader");
        thread.setDaemon(true);
        return thread;
    });
    private volatile StatusSnapshot snapshot;
    /** When the last read ended: the next one starts at least the refresh time later, however long reads take. */
    private volatile Instant readEnded = Instant.MIN;

    public StatusService(AgroalDataSource dataSource, SiagaConfig config, Clock clock) {
        this.clock = clock;
        this.dataSource = dataSource;
        this.config = config;
    }

    /**
     * @return the snapshot; when it is older than the refresh time, a new one is read in the background and this request
     *         still gets the previous one, so that no request but the very first waits for the database. When the
     *         database cannot be read, the last snapshot stays.
     */
    public StatusSnapshot current() {
        StatusSnapshot known = snapshot;
        if (known == null) {
            reading.acquireUninterruptibly();
            try {
                if (snapshot == null) {
                    snapshot = read(clock.instant().truncatedTo(ChronoUnit.MILLIS));
                    readEnded = clock.instant();
                }
                return snapshot;
            } finally {
                reading.release();
            }
        }
        if (stale(known) && reading.tryAcquire()) {
            try {
                reader.execute(this::refresh);
            } catch (RuntimeException e) {
                reading.release();
                throw e;
            }
        }
        return known;
    }

    /** Reads a new snapshot; runs on the reader thread, which holds {@link #reading} for it. */
    private void refresh() {
        try {
            snapshot = read(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        } catch (RuntimeException e) {
            LOG.warnf("The status page keeps its snapshot of %s: %s", snapshot.computedAt(), e.getMessage());
        } finally {
            readEnded = clock.instant();
            reading.release();
        }
    }

    private boolean stale(StatusSnapshot s) {
        Instant now = clock.instant();
        return s.computedAt().plus(config.status().refresh()).isBefore(now)
                && readEnded.plus(config.status().refresh()).isBefore(now);
    }

    /** A server as the page needs it. */
    private record ServerRow(long id, String name, ServerRole role, boolean shown) {
        /** @return the key of the application line the server serves, or null */
        String applicationLine() {
            return switch (role) {
                case SIAK_APP, SIAK_DB -> Application.SIAK.name();
                case KTPEL -> Application.KTP_EL.name();
                default -> null;
            };
        }
    }

    /** A ticket that counts as an incident. */
    private record TicketRow(String number, Application application, Long serverId, Severity severity, boolean open,
            Instant createdAt, Instant closedAt, String summary) {
    }

    /** A maintenance window: for one server, or for all (server null). */
    private record WindowRow(Long serverId, Instant from, Instant to) {
    }

    StatusSnapshot read(Instant now) {
        ZoneId zone = config.zone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant start = today.minusDays(DAYS - 1L).atStartOfDay(zone).toInstant();
        List<Instant> bounds = new ArrayList<>();
        for (int d = 0; d < DAYS; d++) {
            bounds.add(today.minusDays(DAYS - 1L - d).atStartOfDay(zone).toInstant());
        }
        bounds.add(now);
        try (Connection c = dataSource.getConnection()) {
            Map<Long, ServerRow> servers = servers(c);
            Map<String, String> names = new LinkedHashMap<>();
            names.put(Application.SIAK.name(), "SIAK");
            names.put(Application.KTP_EL.name(), "KTP-el");
            servers.values().stream().filter(ServerRow::shown).sorted(Comparator.comparing(ServerRow::name))
                    .forEach(s -> names.put(lineOf(s), s.name()));
            Long[] shown = servers.values().stream().filter(ServerRow::shown).map(ServerRow::id).toArray(Long[]::new);
            Instant recentFrom = now.minus(config.status().recentIncidents());
            List<TicketRow> tickets = tickets(c, recentFrom, shown);
            List<WindowRow> windows = windows(c, start, now.plus(config.status().maintenanceAhead()));
            Map<String, List<StatusSnapshot.Day>> days = days(c, names.keySet(), shown, bounds, zone);
            Map<String, Instant> lastEnded = lastEnded(c, start, now, shown);

            List<StatusSnapshot.Line> lines = new ArrayList<>();
            for (Map.Entry<String, String> line : names.entrySet()) {
                lines.add(line(line.getKey(), line.getValue(), now, days.get(line.getKey()), lastEnded.get(line.getKey()),
                        tickets.stream().filter(t -> linesOf(t, servers).contains(line.getKey())).toList(),
                        windows.stream().filter(w -> linesOf(w, servers, names.keySet()).contains(line.getKey())).toList()));
            }
            List<StatusSnapshot.Planned> planned = windows.stream().filter(w -> w.from().isAfter(now))
                    .sorted(Comparator.comparing(WindowRow::from))
                    .map(w -> new StatusSnapshot.Planned(linesOf(w, servers, names.keySet()).stream().map(names::get).toList(),
                            w.from(), w.to()))
                    .filter(p -> !p.lines().isEmpty()).toList();
            List<StatusSnapshot.Past> recent = tickets.stream()
                    .filter(t -> !t.open() && t.closedAt() != null && !t.closedAt().isBefore(recentFrom))
                    .sorted(Comparator.comparing(TicketRow::closedAt).reversed()).limit(RECENT_LIMIT)
                    .map(t -> new StatusSnapshot.Past(t.number(), linesOf(t, servers).stream().map(names::get).toList(),
                            t.summary(), t.createdAt(), t.closedAt()))
                    .toList();
            return new StatusSnapshot(now, lines, planned, recent);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the status page's snapshot", e);
        }
    }

    /**
     * @param days         the line's daily bars
     * @param ticketsEnded when the line's last incident of the strip's days ended (up to now), or null
     * @param tickets      the line's open incidents and those ended lately
     */
    private static StatusSnapshot.Line line(String key, String name, Instant now, List<StatusSnapshot.Day> days,
            Instant ticketsEnded, List<TicketRow> tickets, List<WindowRow> windows) {
        List<StatusSnapshot.Incident> open = tickets.stream().filter(TicketRow::open)
                .sorted(Comparator.comparing(TicketRow::createdAt))
                .map(t -> new StatusSnapshot.Incident(t.number(), t.summary(), t.createdAt(), major(t.severity())))
                .toList();
        WindowRow running = windows.stream().filter(w -> !w.from().isAfter(now) && w.to().isAfter(now))
                .min(Comparator.comparing(WindowRow::from)).orElse(null);
        LineState state;
        Instant since;
        if (!open.isEmpty()) {
            state = open.stream().anyMatch(StatusSnapshot.Incident::major) ? LineState.MAJOR_OUTAGE : LineState.PARTIAL_OUTAGE;
            since = open.get(0).since();
        } else if (running != null) {
            state = LineState.MAINTENANCE;
            since = running.from();
        } else {
            state = LineState.OPERATIONAL;
            since = maxOrNull(ticketsEnded == null ? List.of() : List.of(ticketsEnded),
                    windows.stream().map(WindowRow::to).filter(t -> !t.isAfter(now)).toList());
        }
        return new StatusSnapshot.Line(key, name, state, since, open, days);
    }

    /**
     * Which lines a ticket counts for (its application, SIAK or KTP-el; its server when public) and which lines a
     * maintenance window counts for (without a server: all; else its server's application and the server when
     * public), as SQL over {@code ticket t} and {@code maintenance_window w} joined to {@code server s}; parameters: the
     * public servers' ids, then (for windows) all lines.
     */
    private static final String TICKET_LINES = """
            cross join lateral (values (case when t.application in ('SIAK', 'KTP_EL') then t.application end),
                                       (case when t.server_id = any (?) then 'server-' || t.server_id end)) as l(line)""";
    private static final String WINDOW_LINES = """
            cross join lateral unnest(case when w.server_id is null then ?::text[] else array[
                case when s.role in ('SIAK_APP', 'SIAK_DB') then 'SIAK' when s.role = 'KTPEL' then 'KTP_EL' end,
                case when s.is_public then 'server-' || s.id end] end) as l(line)""";

    /** The milliseconds a multirange (times whole milliseconds) holds. */
    private static final String MILLIS = "(select coalesce(sum(extract(epoch from upper(r) - lower(r)) * 1000), 0)::bigint "
            + "from unnest(%s) as r)";

    /**
     * The daily bars in SQL: per line and day (up to now), the time of a major incident (CRIT), of a partial one only
     * (WARN) and of maintenance (counted apart, overlapping windows once), the rest OK. Parameters: the days' starts
     * and ends, the public servers, the strip's start and now (tickets), all lines, the start and now (windows).
     */
    private static final String DAYS_SQL = """
            with days as (
                select d.i, tstzmultirange(tstzrange(d.lo, d.hi)) as day
                from unnest(?::timestamptz[], ?::timestamptz[]) with ordinality as d(lo, hi, i)
            ), incidents as (
                select l.line, t.severity in ('HIGH', 'CRITICAL') as major,
                       tstzrange(greatest(date_trunc('milliseconds', t.created_at), s.since),
                                 case when t.state = 'OPEN' or t.closed_at is null then s.now
                                      else least(date_trunc('milliseconds', t.closed_at), s.now) end) as span
                from ticket t cross join (select ?::timestamptz as since, ?::timestamptz as now) s
                %s
                where l.line is not null and (t.state = 'OPEN' or t.closed_at >= s.since)
                  and date_trunc('milliseconds', t.created_at) < s.now
                  and (t.state = 'OPEN' or t.closed_at is null
                       or date_trunc('milliseconds', t.closed_at) > date_trunc('milliseconds', t.created_at))
            ), windows as (
                select l.line, tstzrange(date_trunc('milliseconds', w.starts_at), date_trunc('milliseconds', w.ends_at)) as span
                from maintenance_window w left join server s on s.id = w.server_id
                %s
                where w.deleted_at is null and w.ends_at > ? and w.starts_at < ? and l.line is not null
                  and date_trunc('milliseconds', w.ends_at) > date_trunc('milliseconds', w.starts_at)
            ), lines as (
                select x.line,
                       coalesce((select range_agg(w.span) from windows w where w.line = x.line), '{}') as maintenance,
                       coalesce((select range_agg(i.span) from incidents i where i.line = x.line and i.major), '{}') as major,
                       coalesce((select range_agg(i.span) from incidents i where i.line = x.line and not i.major), '{}') as minor
                from unnest(?::text[]) as x(line)
            ), parts as (
                select x.line, d.i, d.day * x.maintenance as maintenance, (d.day * x.major) - x.maintenance as crit,
                       (d.day * x.minor) - x.major - x.maintenance as warn, d.day
                from lines x cross join days d
            )
            select line, i, %s, %s, %s, %s from parts order by line, i""".formatted("%s", "%s", MILLIS.formatted("day"),
            MILLIS.formatted("maintenance"), MILLIS.formatted("crit"), MILLIS.formatted("warn"));

    /** @return per line, its days in order: the share without a major incident (maintenance apart) and the worst seen */
    private static Map<String, List<StatusSnapshot.Day>> days(Connection c, Set<String> lines, Long[] shown,
            List<Instant> bounds, ZoneId zone) throws SQLException {
        Map<String, List<StatusSnapshot.Day>> days = new LinkedHashMap<>();
        String[] starts = new String[bounds.size() - 1];
        String[] ends = new String[bounds.size() - 1];
        for (int d = 0; d < starts.length; d++) {
            starts[d] = bounds.get(d).toString();
            ends[d] = bounds.get(d + 1).toString();
        }
        String[] all = lines.toArray(String[]::new);
        OffsetDateTime since = OffsetDateTime.ofInstant(bounds.get(0), ZoneOffset.UTC);
        OffsetDateTime now = OffsetDateTime.ofInstant(bounds.get(bounds.size() - 1), ZoneOffset.UTC);
        try (PreparedStatement s = c.prepareStatement(DAYS_SQL.formatted(TICKET_LINES, WINDOW_LINES))) {
            s.setArray(1, c.createArrayOf("timestamptz", starts));
            s.setArray(2, c.createArrayOf("timestamptz", ends));
            s.setObject(3, since);
            s.setObject(4, now);
            s.setArray(5, c.createArrayOf("bigint", shown));
            s.setArray(6, c.createArrayOf("text", all));
            s.setObject(7, since);
            s.setObject(8, now);
            s.setArray(9, c.createArrayOf("text", all));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long day = rs.getLong(3);
                    long maintenance = rs.getLong(4);
                    long crit = rs.getLong(5);
                    long warn = rs.getLong(6);
                    long up = day - maintenance - crit;
                    String level = crit > 0 ? "down" : warn > 0 ? "partial" : maintenance > 0 ? "maintenance" : "ok";
                    days.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new StatusSnapshot.Day(
                            LocalDate.ofInstant(bounds.get(rs.getInt(2) - 1), zone), up + crit == 0 ? null : (double) up / (up + crit),
                            level));
                }
            }
        }
        return days;
    }

    /** @return per line, when its last incident that ended in [from, now] ended */
    private static Map<String, Instant> lastEnded(Connection c, Instant from, Instant now, Long[] shown) throws SQLException {
        Map<String, Instant> ended = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("select l.line, max(t.closed_at) from ticket t " + TICKET_LINES
                + " where l.line is not null and t.closed_at >= ? and t.closed_at <= ? group by l.line")) {
            s.setArray(1, c.createArrayOf("bigint", shown));
            s.setObject(2, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            s.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ended.put(rs.getString(1), instant(rs, 2));
                }
            }
        }
        return ended;
    }

    private static boolean major(Severity severity) {
        return severity == Severity.HIGH || severity == Severity.CRITICAL;
    }

    private static Instant maxOrNull(List<Instant> a, List<Instant> b) {
        Instant max = null;
        for (List<Instant> list : List.of(a, b)) {
            for (Instant i : list) {
                max = max == null || i.isAfter(max) ? i : max;
            }
        }
        return max;
    }

    private static String lineOf(ServerRow server) {
        return "server-" + server.id();
    }

    private static Set<String> linesOf(TicketRow t, Map<Long, ServerRow> servers) {
        Set<String> lines = new LinkedHashSet<>();
        if (t.application() == Application.SIAK || t.application() == Application.KTP_EL) {
            lines.add(t.application().name());
        }
        ServerRow server = t.serverId() == null ? null : servers.get(t.serverId());
        if (server != null && server.shown()) {
            lines.add(lineOf(server));
        }
        return lines;
    }

    private static Set<String> linesOf(WindowRow w, Map<Long, ServerRow> servers, Set<String> all) {
        if (w.serverId() == null) {
            return all;
        }
        Set<String> lines = new LinkedHashSet<>();
        ServerRow server = servers.get(w.serverId());
        if (server != null) {
            if (server.applicationLine() != null) {
                lines.add(server.applicationLine());
            }
            if (server.shown()) {
                lines.add(lineOf(server));
            }
        }
        return lines;
    }

    private static Map<Long, ServerRow> servers(Connection c) throws SQLException {
        Map<Long, ServerRow> servers = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("select id, name, role, is_public from server");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                servers.put(rs.getLong(1), new ServerRow(rs.getLong(1), rs.getString(2), ServerRole.valueOf(rs.getString(3)),
                        rs.getBoolean(4)));
            }
        }
        return servers;
    }

    /** @return open tickets and tickets ended since {@code from}, of the applications or of public servers */
    private static List<TicketRow> tickets(Connection c, Instant from, Long[] ids) throws SQLException {
        String columns = "select number, application, server_id, severity, state, created_at, closed_at, public_summary "
                + "from ticket where ";
        String about = " and (application in ('SIAK', 'KTP_EL') or server_id = any (?))";
        List<TicketRow> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(columns + "state = 'OPEN'" + about + " union all "
                + columns + "closed_at >= ? and state <> 'OPEN'" + about)) {
            s.setArray(1, c.createArrayOf("bigint", ids));
            s.setObject(2, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            s.setArray(3, c.createArrayOf("bigint", ids));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long server = rs.getLong(3);
                    rows.add(new TicketRow(rs.getString(1), Application.valueOf(rs.getString(2)),
                            rs.wasNull() ? null : server, Severity.valueOf(rs.getString(4)), "OPEN".equals(rs.getString(5)),
                            instant(rs, 6), instant(rs, 7), rs.getString(8)));
                }
            }
        }
        return rows;
    }

    /** @return live maintenance windows overlapping [from, to) */
    private static List<WindowRow> windows(Connection c, Instant from, Instant to) throws SQLException {
        List<WindowRow> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select server_id, starts_at, ends_at from maintenance_window "
                + "where deleted_at is null and ends_at > ? and starts_at < ? order by starts_at")) {
            s.setObject(1, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            s.setObject(2, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long server = rs.getLong(1);
                    rows.add(new WindowRow(rs.wasNull() ? null : server, instant(rs, 2), instant(rs, 3)));
                }
            }
        }
        return rows;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
