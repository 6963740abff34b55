package id.siaga.ticket.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.siaga.ticket.config.SiagaConfig;
import id.siaga.ticket.domain.MaintenanceWindow;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.domain.ServerRole;
import id.siaga.ticket.domain.Ticket;
import id.siaga.ticket.domain.TicketEventType;
import id.siaga.ticket.escalation.EscalationReason;
import id.siaga.ticket.escalation.EscalationService;
import id.siaga.ticket.domain.Caller;
import id.siaga.ticket.service.TicketService;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stores the findings of several agents' posts and turns them into ticket work, in one transaction with a few
 * set-based statements (never a round trip per finding or per post): the servers' rows are locked in id order,
 * the findings stored by one statement that skips ids already seen (in {@code finding_seen}, whatever the
 * observation time or the server; only a finding stored now is applied), the servers' check states read
 * and written once, and only a check crossing a threshold touches tickets. {@link FindingIngestService} feeds
 * it the posts waiting at the moment, so concurrent posts share a transaction (group commit).
 */
@ApplicationScoped
public class FindingWriter {

    /** The agent's version in its heartbeat's message. */
    private static final Pattern AGENT_VERSION = Pattern.compile("^agent (\\S{1,64}) alive");

    /** An unanswered re-check is handed to the agent again after this long. */
    private static final java.time.Duration REDELIVER_AFTER = java.time.Duration.ofMinutes(2);

    private final AgroalDataSource dataSource;
    private final EntityManager entityManager;
    private final AgentTickets agentTickets;
    private final TicketService tickets;
    private final SiagaConfig config;
    private final ObjectMapper json;
    private final Counter accepted;
    private final Counter duplicates;
    private final Map<CheckStatus, Counter> received = new java.util.EnumMap<>(CheckStatus.class);
    private final EscalationService escalations;
    private final Clock clock;

    public FindingWriter(AgroalDataSource dataSource, EntityManager entityManager, AgentTickets agentTickets,
            TicketService tickets, SiagaConfig config, ObjectMapper json, MeterRegistry registry,
            EscalationService escalations, Clock clock) {
        this.clock = clock;
        this.escalations = escalations;
        this.dataSource = dataSource;
        this.entityManager = entityManager;
        this.agentTickets = agentTickets;
        this.tickets = tickets;
        this.config = config;
        this.json = json;
        this.accepted = Counter.builder("siaga.findings.ingested").description("Findings stored").register(registry);
        for (CheckStatus status : CheckStatus.values()) {
            received.put(status, Counter.builder("siaga.findings.received").description("New findings, by status")
                    .tag("status", status.name()).register(registry));
        }
        this.duplicates = Counter.builder("siaga.findings.duplicates")
                .description("Findings received again and skipped (agent retries)").register(registry);
    }

    /** One agent's post: its server and its findings. */
    public record Job(long serverId, List<Finding> findings) {
    }

    /** A re-check the agent should run now. */
    public record Recheck(UUID id, List<String> checks, Long ticketId) {
    }

    /** What a post did. */
    public record Result(int accepted, int duplicates, List<Recheck> recheck) {
    }

    /** A finding and the server it came from. */
    private record Posted(long serverId, Finding finding) {
    }

    /**
     * Stores the posts' findings and applies them, all in one transaction.
     *
     * @return for each post, in order: how many findings were new, how many were stored before, and the
     * re-checks its agent should run
     */
    @Transactional
    public List<Result> write(List<Job> jobs) {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            List<Long> serverIds = jobs.stream().map(Job::serverId).distinct().sorted().toList();
            Map<Long, AgentTickets.Source> servers = lockServers(connection, serverIds, now);
            List<Posted> posted = new ArrayList<>();
            for (Job job : jobs) {
                job.findings().forEach(f -> posted.add(new Posted(job.serverId(), f)));
            }
            Set<UUID> stored = insert(connection, firstOfEachId(posted), now);

            Map<Long, List<Finding>> freshByServer = new HashMap<>();
            List<int[]> counts = new ArrayList<>();
            for (Job job : jobs) {
                int fresh = 0;
                for (Finding f : job.findings()) {
                    if (stored.remove(f.id())) {
                        freshByServer.computeIfAbsent(job.serverId(), id -> new ArrayList<>()).add(f);
                        fresh++;
                    }
                }
                counts.add(new int[] {fresh, job.findings().size() - fresh});
            }
            Map<Long, Map<String, CheckState>> states = loadStates(connection, serverIds);
            List<CheckState> changed = new ArrayList<>();
            List<Evidence> evidence = new ArrayList<>();
            List<MaintenanceWindow> windows = windowsFor(connection, freshByServer);
            Map<Long, Finding> heartbeats = new HashMap<>();
            for (long serverId : serverIds) {
                List<Finding> fresh = freshByServer.getOrDefault(serverId, List.of());
                if (!fresh.isEmpty()) {
                    List<Finding> ordered = fresh.stream()
                            .sorted(Comparator.comparing(Finding::observedAt).thenComparing(Finding::id)).toList();
                    apply(connection, servers.get(serverId), states.computeIfAbsent(serverId, id -> new HashMap<>()),
                            ordered, windows, now, changed, evidence, heartbeats);
                }
            }
            saveHeartbeats(connection, heartbeats);
            saveStates(connection, changed, now);
            insertEvidence(connection, evidence);
            Map<Long, List<Recheck>> rechecks = pendingRechecks(connection, serverIds, now);

            List<Result> results = new ArrayList<>(jobs.size());
            for (int i = 0; i < jobs.size(); i++) {
                int[] count = counts.get(i);
                accepted.increment(count[0]);
                duplicates.increment(count[1]);
                results.add(new Result(count[0], count[1], rechecks.getOrDefault(jobs.get(i).serverId(), List.of())));
            }
            return results;
        } catch (SQLException e) {
            throw new IllegalStateException("could not store findings: " + e.getMessage(), e);
        }
    }

    /**
     * Remembers each id in {@code finding_seen} (which has the id alone as its key, whatever the observation time
     * or server) and stores the findings whose id was new, in one statement: the arrays are unnested once, and the
     * ids that {@code finding_seen} took decide which rows reach {@code finding}.
     */
    private static final String INSERT = """
            with posted as (
                select * from unnest(?::uuid[], ?::timestamptz[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::integer[], ?::uuid[])
                    as p(id, observed_at, server_id, check_key, kind, status, message, measurements, duration_ms, recheck_id)
            ), seen as (
                insert into finding_seen (id, observed_at) select id, observed_at from posted
                on conflict (id) do nothing returning id
            )
            insert into finding (id, observed_at, server_id, check_key, kind, status, message, measurements, duration_ms,
                recheck_id, received_at)
            select p.id, p.observed_at, p.server_id, p.check_key, p.kind, p.status, p.message, p.measurements::jsonb,
                p.duration_ms, p.recheck_id, ?
            from posted p join seen using (id)
            returning id""";

    /**
     * Marks the agents as seen and locks their servers' rows in id order, so that batches touching the same
     * server apply one after the other (and never deadlock).
     */
    private static Map<Long, AgentTickets.Source> lockServers(Connection c, List<Long> serverIds, Instant now)
            throws SQLException {
        Map<Long, AgentTickets.Source> servers = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                update server set agent_last_seen = greatest(coalesce(agent_last_seen, ?), ?)
                where id in (select id from server where id = any(?) order by id for update)
                returning id, name, role""")) {
            Jdbc.setInstant(s, 1, now);
            Jdbc.setInstant(s, 2, now);
            s.setArray(3, c.createArrayOf("bigint", serverIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    servers.put(id, new AgentTickets.Source(id, rs.getString(2), ServerRole.valueOf(rs.getString(3))));
                }
            }
        }
        if (servers.size() != serverIds.size()) {
            throw new IllegalStateException("servers vanished while their findings were stored: " + serverIds);
        }
        return servers;
    }

    /**
     * @return the posted findings sorted by id, each id once: the first of the same id (in the order of the posts,
     * then of each post's findings) is kept, the others are duplicates
     */
    private static List<Posted> firstOfEachId(List<Posted> posted) {
        List<Posted> sorted = new ArrayList<>(posted);
        sorted.sort(Comparator.comparing((Posted p) -> p.finding().id()));
        List<Posted> unique = new ArrayList<>(sorted.size());
        for (Posted p : sorted) {
            if (unique.isEmpty() || !unique.get(unique.size() - 1).finding().id().equals(p.finding().id())) {
                unique.add(p);
            }
        }
        return unique;
    }

    /**
     * Stores the findings whose id was never seen before, in id order (so that writers meeting on a reused id
     * wait for each other in one order and never deadlock).
     *
     * @param unique findings with distinct ids, sorted by id
     * @return the ids stored
     */
    private Set<UUID> insert(Connection c, List<Posted> unique, Instant now) throws SQLException {
        Set<UUID> stored = new HashSet<>();
        if (unique.isEmpty()) {
            return stored;
        }
        int n = unique.size();
        UUID[] ids = new UUID[n];
        String[] observedAt = new String[n];
        Long[] serverIds = new Long[n];
        String[] checkKeys = new String[n];
        String[] kinds = new String[n];
        String[] statuses = new String[n];
        String[] messages = new String[n];
        String[] measurements = new String[n];
        Integer[] durations = new Integer[n];
        UUID[] recheckIds = new UUID[n];
        for (int i = 0; i < n; i++) {
            Finding f = unique.get(i).finding();
            ids[i] = f.id();
            observedAt[i] = f.observedAt().toString();
            serverIds[i] = unique.get(i).serverId();
            checkKeys[i] = f.checkKey();
            kinds[i] = f.kind();
            statuses[i] = f.status().name();
            messages[i] = f.message();
            measurements[i] = measurements(f);
            durations[i] = f.durationMs();
            recheckIds[i] = f.recheckId();
        }
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setArray(1, c.createArrayOf("uuid", ids));
            s.setArray(2, c.createArrayOf("text", observedAt));
            s.setArray(3, c.createArrayOf("bigint", serverIds));
            s.setArray(4, c.createArrayOf("text", checkKeys));
            s.setArray(5, c.createArrayOf("text", kinds));
            s.setArray(6, c.createArrayOf("text", statuses));
            s.setArray(7, c.createArrayOf("text", messages));
            s.setArray(8, c.createArrayOf("text", measurements));
            s.setArray(9, c.createArrayOf("integer", durations));
            s.setArray(10, c.createArrayOf("uuid", recheckIds));
            Jdbc.setInstant(s, 11, now);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    stored.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return stored;
    }

    private void apply(Connection c, AgentTickets.Source server, Map<String, CheckState> states, List<Finding> fresh,
            List<MaintenanceWindow> windows, Instant now, List<CheckState> toSave, List<Evidence> evidence,
            Map<Long, Finding> heartbeats) throws SQLException {
        Set<String> links = new HashSet<>();
        fresh.forEach(f -> addIfPresent(links, f.dependsOn()));
        states.values().forEach(st -> addIfPresent(links, st.dependsOn()));
        List<Finding> ordered = fresh.stream()
                .sorted(Comparator.comparing((Finding f) -> links.contains(f.checkKey()) ? 0 : 1)
                        .thenComparing(Finding::observedAt).thenComparing(Finding::id))
                .toList();
        Set<String> changed = new HashSet<>();
        Map<UUID, Finding> rechecked = new LinkedHashMap<>();
        for (Finding finding : ordered) {
            if (finding.recheckId() != null) {
                rechecked.put(finding.id(), finding);
            }
            if (finding.isHeartbeat()) {
                rememberHeartbeat(heartbeats, server.id(), finding);
            }
            CheckState state = states.computeIfAbsent(finding.checkKey(), key -> new CheckState(server.id(), key));
            if (state.observedAt != null && finding.observedAt().isBefore(state.observedAt)) {
                continue;
            }
            changed.add(finding.checkKey());
            boolean suppressed = windows.stream().anyMatch(w -> w.covers(server.id(), finding.observedAt()));
            CheckState link = finding.dependsOn() == null ? null : states.get(finding.dependsOn());
            boolean inhibited = link != null && link.status != null && link.status.isFailing();
            CheckStatus before = state.status;
            int openAfter = finding.openAfter() != null ? finding.openAfter() : config.findings().openAfter();
            int recoverAfter = finding.recoverAfter() != null ? finding.recoverAfter() : config.findings().recoverAfter();
            for (StreakRules.Outcome outcome : StreakRules.apply(state, finding, openAfter, recoverAfter)) {
                switch (outcome) {
                    case OPEN_TICKET, OPEN_TICKET_FLAPPING -> {
                        if (suppressed) {
                            continue;
                        }
                        if (inhibited) {
                            if (link.ticketId != null && link.ticketOpen) {
                                evidence.add(Evidence.of(link.ticketId, "INHIBITED", finding));
                            }
                            continue;
                        }
                        boolean flapping = outcome == StreakRules.Outcome.OPEN_TICKET_FLAPPING;
                        Ticket ticket = agentTickets.open(server, state, finding, states.values(), flapping);
                        entityManager.flush();
                        state.ticketId = ticket.id;
                        state.ticketOpen = true;
                        state.lastEvidenceAt = finding.observedAt();
                        evidence.add(Evidence.of(ticket.id, flapping ? "FLAPPING" : "FAILURE", finding));
                    }
                    case FAILURE_EVIDENCE -> {
                        state.lastEvidenceAt = finding.observedAt();
                        evidence.add(Evidence.of(state.ticketId, "FAILURE", finding));
                    }
                    case RECOVERY -> {
                        evidence.add(Evidence.of(state.ticketId, "RECOVERY", finding));
                        tickets.record(state.ticketId, now, Caller.agent(server.name()).username(), TicketEventType.RECOVERED,
                                null, null, finding.checkKey() + " OK " + state.consecutivePasses + "x berturut-turut"
                                        + (finding.message() == null ? "" : ": " + finding.message()));
                    }
                    case FLAPPING -> evidence.add(Evidence.of(state.ticketId, "FLAPPING", finding));
                    default -> throw new IllegalStateException("unhandled outcome " + outcome);
                }
            }
            if (finding.status() == CheckStatus.CRIT && before != CheckStatus.CRIT && !suppressed && !inhibited
                    && !finding.isHeartbeat() && (server.role() == ServerRole.SIAK_DB || server.role() == ServerRole.KTPEL)) {
                escalations.raise(new EscalationService.Draft("server:" + server.id() + ":check:" + finding.checkKey()
                        + ":finding:" + finding.id(), EscalationReason.CRITICAL_FINDING, 1, Role.KASI,
                        state.ticketOpen ? state.ticketId : null, server.id(), null, null, null,
                        "Server " + server.name() + " (" + server.role() + "): " + finding.checkKey() + " CRIT"
                                + (finding.message() == null ? "" : " — " + finding.message())));
            }
        }
        changed.stream().sorted().map(states::get).forEach(toSave::add);
        evidence.addAll(completeRechecks(c, server, rechecked, now));
        fresh.forEach(f -> received.get(f.status()).increment());
    }

    /**
     * @return the maintenance windows that may cover any of the fresh findings, in one plain query on the batch's
     * connection (a Hibernate query here cost a tenth of the service's CPU under load)
     */
    private static List<MaintenanceWindow> windowsFor(Connection c, Map<Long, List<Finding>> freshByServer)
            throws SQLException {
        if (freshByServer.isEmpty()) {
            return List.of();
        }
        Instant from = null;
        Instant to = null;
        for (List<Finding> findings : freshByServer.values()) {
            for (Finding f : findings) {
                from = from == null || f.observedAt().isBefore(from) ? f.observedAt() : from;
                to = to == null || f.observedAt().isAfter(to) ? f.observedAt() : to;
            }
        }
        List<MaintenanceWindow> windows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                select server_id, starts_at, ends_at from maintenance_window
                where deleted_at is null and (server_id is null or server_id = any(?)) and ends_at > ? and starts_at < ?
                order by starts_at""")) {
            s.setArray(1, c.createArrayOf("bigint", freshByServer.keySet().toArray()));
            Jdbc.setInstant(s, 2, from);
            Jdbc.setInstant(s, 3, to.plusSeconds(1));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    MaintenanceWindow w = new MaintenanceWindow();
                    long serverId = rs.getLong(1);
                    w.serverId = rs.wasNull() ? null : serverId;
                    w.startsAt = Jdbc.getInstant(rs, "starts_at");
                    w.endsAt = Jdbc.getInstant(rs, "ends_at");
                    windows.add(w);
                }
            }
        }
        return windows;
    }

    private static void addIfPresent(Set<String> set, String value) {
        if (value != null) {
            set.add(value);
        }
    }

    /** Notes the agent's latest heartbeat of the batch (the newest observed counts). */
    private static void rememberHeartbeat(Map<Long, Finding> heartbeats, long serverId, Finding heartbeat) {
        heartbeats.merge(serverId, heartbeat, (a, b) -> b.observedAt().isAfter(a.observedAt()) ? b : a);
    }

    /**
     * Keeps what each agent's latest heartbeat says about it, one statement for all servers of the batch: its report
     * interval (which decides when it counts as silent), its version (from the message, "agent 1.4.0 alive; ...")
     * and its outbox backlog. An older heartbeat delivered late from the outbox changes nothing.
     */
    private static void saveHeartbeats(Connection c, Map<Long, Finding> heartbeats) throws SQLException {
        if (heartbeats.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("""
                update server s set agent_interval_seconds = coalesce(v.seconds, s.agent_interval_seconds),
                    agent_version = coalesce(v.version, s.agent_version), agent_outbox_backlog = v.backlog,
                    agent_heartbeat_at = v.at::timestamptz
                from unnest(?::bigint[], ?::integer[], ?::text[], ?::integer[], ?::text[])
                    as v(id, seconds, version, backlog, at)
                where s.id = v.id and (s.agent_heartbeat_at is null or s.agent_heartbeat_at < v.at::timestamptz)""")) {
            int n = heartbeats.size();
            Long[] ids = new Long[n];
            Integer[] seconds = new Integer[n];
            String[] versions = new String[n];
            Integer[] backlogs = new Integer[n];
            String[] at = new String[n];
            int i = 0;
            for (Map.Entry<Long, Finding> e : heartbeats.entrySet()) {
                Finding heartbeat = e.getValue();
                Double interval = heartbeat.measurements() == null ? null : heartbeat.measurements().get("intervalSeconds");
                Double backlog = heartbeat.measurements() == null ? null : heartbeat.measurements().get("outboxSize");
                Matcher version = heartbeat.message() == null ? null : AGENT_VERSION.matcher(heartbeat.message());
                ids[i] = e.getKey();
                seconds[i] = interval == null || interval < 1 || interval > 86_400 ? null : interval.intValue();
                versions[i] = version != null && version.find() ? version.group(1) : null;
                backlogs[i] = backlog == null || backlog < 0 || backlog > Integer.MAX_VALUE ? null : backlog.intValue();
                at[i++] = heartbeat.observedAt().toString();
            }
            s.setArray(1, c.createArrayOf("bigint", ids));
            s.setArray(2, c.createArrayOf("integer", seconds));
            s.setArray(3, c.createArrayOf("text", versions));
            s.setArray(4, c.createArrayOf("integer", backlogs));
            s.setArray(5, c.createArrayOf("text", at));
            s.executeUpdate();
        }
    }

    /**
     * Reads the servers' check states, after their rows are locked so that no other batch of those servers is
     * between this read and the write.
     */
    private static Map<Long, Map<String, CheckState>> loadStates(Connection c, List<Long> serverIds) throws SQLException {
        Map<Long, Map<String, CheckState>> states = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                select cs.*, t.state as ticket_state from check_state cs
                left join ticket t on t.id = cs.ticket_id
                where cs.server_id = any(?)""")) {
            s.setArray(1, c.createArrayOf("bigint", serverIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long serverId = rs.getLong("server_id");
                    CheckState state = new CheckState(serverId, rs.getString("check_key"));
                    state.kind = rs.getString("kind");
                    state.status = CheckStatus.valueOf(rs.getString("status"));
                    state.message = rs.getString("message");
                    state.observedAt = Jdbc.getInstant(rs, "observed_at");
                    state.lastOkAt = Jdbc.getInstant(rs, "last_ok_at");
                    state.failingSince = Jdbc.getInstant(rs, "failing_since");
                    state.consecutiveFailures = rs.getInt("consecutive_failures");
                    state.consecutivePasses = rs.getInt("consecutive_passes");
                    state.history = rs.getInt("history");
                    state.historyLength = rs.getInt("history_length");
                    state.flapping = rs.getBoolean("flapping");
                    state.dependsOn = rs.getString("depends_on");
                    long ticketId = rs.getLong("ticket_id");
                    state.ticketId = rs.wasNull() ? null : ticketId;
                    state.ticketOpen = "OPEN".equals(rs.getString("ticket_state"));
                    state.lastEvidenceAt = Jdbc.getInstant(rs, "last_evidence_at");
                    states.computeIfAbsent(serverId, id -> new HashMap<>()).put(state.checkKey, state);
                }
            }
        }
        return states;
    }

    private static void saveStates(Connection c, List<CheckState> rows, Instant now) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String sql = "insert into check_state (server_id, check_key, kind, status, message, observed_at, last_ok_at, "
                + "failing_since, consecutive_failures, consecutive_passes, history, history_length, flapping, depends_on, "
                + "ticket_id, last_evidence_at, updated_at) values "
                + Jdbc.valueRows(rows.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                + """
                 on conflict (server_id, check_key) do update set kind = excluded.kind, status = excluded.status,
                 message = excluded.message, observed_at = excluded.observed_at, last_ok_at = excluded.last_ok_at,
                 failing_since = excluded.failing_since, consecutive_failures = excluded.consecutive_failures,
                 consecutive_passes = excluded.consecutive_passes, history = excluded.history,
                 history_length = excluded.history_length, flapping = excluded.flapping, depends_on = excluded.depends_on,
                 ticket_id = excluded.ticket_id, last_evidence_at = excluded.last_evidence_at, updated_at = excluded.updated_at""";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            for (CheckState state : rows) {
                s.setLong(i++, state.serverId);
                s.setString(i++, state.checkKey);
                s.setString(i++, state.kind);
                s.setString(i++, state.status.name());
                s.setString(i++, state.message);
                Jdbc.setInstant(s, i++, state.observedAt);
                Jdbc.setInstant(s, i++, state.lastOkAt);
                Jdbc.setInstant(s, i++, state.failingSince);
                s.setInt(i++, state.consecutiveFailures);
                s.setInt(i++, state.consecutivePasses);
                s.setInt(i++, state.history);
                s.setInt(i++, state.historyLength);
                s.setBoolean(i++, state.flapping);
                s.setString(i++, state.dependsOn);
                Jdbc.setLong(s, i++, state.ticketId);
                Jdbc.setInstant(s, i++, state.lastEvidenceAt);
                Jdbc.setInstant(s, i++, now);
            }
            s.executeUpdate();
        }
    }

    /** Marks the re-checks answered by these findings done; their results become evidence on the tickets. */
    private List<Evidence> completeRechecks(Connection c, AgentTickets.Source server, Map<UUID, Finding> rechecked,
            Instant now) throws SQLException {
        List<Evidence> evidence = new ArrayList<>();
        if (rechecked.isEmpty()) {
            return evidence;
        }
        Set<UUID> requestIds = new HashSet<>();
        rechecked.values().forEach(f -> requestIds.add(f.recheckId()));
        Map<UUID, Long> ticketOf = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                update recheck_request set completed_at = ?
                where server_id = ? and id = any(?) and completed_at is null returning id, ticket_id""")) {
            Jdbc.setInstant(s, 1, now);
            s.setLong(2, server.id());
            s.setArray(3, c.createArrayOf("uuid", requestIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long ticketId = rs.getLong(2);
                    ticketOf.put(rs.getObject(1, UUID.class), rs.wasNull() ? null : ticketId);
                }
            }
        }
        Map<Long, List<Finding>> byTicket = new LinkedHashMap<>();
        for (Finding f : rechecked.values()) {
            Long ticketId = ticketOf.get(f.recheckId());
            if (ticketId != null && !f.isHeartbeat()) {
                evidence.add(Evidence.of(ticketId, "RECHECK", f));
                byTicket.computeIfAbsent(ticketId, id -> new ArrayList<>()).add(f);
            }
        }
        String actor = Caller.agent(server.name()).username();
        byTicket.forEach((ticketId, results) -> tickets.record(ticketId, now, actor, TicketEventType.RECHECK_RESULT, null,
                null, summarize(results)));
        return evidence;
    }

    private static String summarize(List<Finding> results) {
        StringBuilder text = new StringBuilder("Hasil cek ulang: ");
        for (int i = 0; i < results.size(); i++) {
            Finding f = results.get(i);
            if (i > 0) {
                text.append("; ");
            }
            text.append(f.checkKey()).append(' ').append(f.status());
            if (f.message() != null) {
                text.append(" (").append(f.message()).append(')');
            }
        }
        return text.length() > 4000 ? text.substring(0, 3999) + "…" : text.toString();
    }

    private void insertEvidence(Connection c, List<Evidence> evidence) throws SQLException {
        if (evidence.isEmpty()) {
            return;
        }
        String sql = "insert into ticket_evidence (ticket_id, kind, finding_id, check_key, status, message, observed_at) values "
                + Jdbc.valueRows(evidence.size(), "(?, ?, ?, ?, ?, ?, ?)");
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            for (Evidence e : evidence) {
                s.setLong(i++, e.ticketId());
                s.setString(i++, e.kind());
                s.setObject(i++, e.findingId());
                s.setString(i++, e.checkKey());
                s.setString(i++, e.status() == null ? null : e.status().name());
                s.setString(i++, e.message());
                Jdbc.setInstant(s, i++, e.observedAt());
            }
            s.executeUpdate();
        }
    }

    /** @return by server, the unanswered re-check requests not handed out in the last two minutes, now handed out */
    private Map<Long, List<Recheck>> pendingRechecks(Connection c, List<Long> serverIds, Instant now) throws SQLException {
        Map<Long, List<Recheck>> pending = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                update recheck_request set delivered_at = ?
                where server_id = any(?) and completed_at is null and requested_at > ?
                  and (delivered_at is null or delivered_at < ?)
                returning server_id, id, checks, ticket_id""")) {
            Jdbc.setInstant(s, 1, now);
            s.setArray(2, c.createArrayOf("bigint", serverIds.toArray()));
            Jdbc.setInstant(s, 3, now.minus(config.findings().recheckExpiry()));
            Jdbc.setInstant(s, 4, now.minus(REDELIVER_AFTER));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String checks = rs.getString(3);
                    long ticketId = rs.getLong(4);
                    pending.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new Recheck(rs.getObject(2, UUID.class),
                            checks.isBlank() ? List.of() : Arrays.asList(checks.split(",")), rs.wasNull() ? null : ticketId));
                }
            }
        }
        return pending;
    }

    private String measurements(Finding f) {
        if (f.measurements() == null || f.measurements().isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(f.measurements());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("measurements of " + f.checkKey() + " cannot be stored", e);
        }
    }
}
