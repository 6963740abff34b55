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
import id.siaga.ticket.repository.MaintenanceWindowRepository;
import id.siaga.ticket.service.Caller;
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

/**
 * Stores a batch of an agent's findings and turns them into ticket work, in one transaction with a few
 * set-based statements per batch (never a round trip per finding): the findings are inserted in one
 * multi-row statement that skips ids already stored, the server's check states are read and written once,
 * and only a check crossing a threshold touches tickets.
 */
@ApplicationScoped
public class FindingIngestService {

    private static final int INSERT_CHUNK = 500;
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
    private final MeterRegistry registry;
    private final EscalationService escalations;
    private final MaintenanceWindowRepository maintenance;

    public FindingIngestService(AgroalDataSource dataSource, EntityManager entityManager, AgentTickets agentTickets,
            TicketService tickets, SiagaConfig config, ObjectMapper json, MeterRegistry registry,
            EscalationService escalations, MaintenanceWindowRepository maintenance) {
        this.escalations = escalations;
        this.maintenance = maintenance;
        this.dataSource = dataSource;
        this.entityManager = entityManager;
        this.agentTickets = agentTickets;
        this.tickets = tickets;
        this.config = config;
        this.json = json;
        this.registry = registry;
        this.accepted = Counter.builder("siaga.findings.ingested").description("Findings stored").register(registry);
        this.duplicates = Counter.builder("siaga.findings.duplicates")
                .description("Findings received again and skipped (agent retries)").register(registry);
    }

    /** A re-check the agent should run now. */
    public record Recheck(UUID id, List<String> checks, Long ticketId) {
    }

    /** What a batch did. */
    public record Result(int accepted, int duplicates, List<Recheck> recheck) {
    }

    /**
     * Stores the findings of one server's agent and applies them.
     *
     * @return how many were new, how many were already stored, and the re-checks the agent should run
     */
    @Transactional
    public Result ingest(long serverId, List<Finding> findings) {
        Instant now = TicketService.now();
        try (Connection connection = dataSource.getConnection()) {
            Set<UUID> stored = new HashSet<>();
            AgentTickets.Source server = lockServerAndInsert(connection, serverId, findings, now, stored);
            for (int from = INSERT_CHUNK; from < findings.size(); from += INSERT_CHUNK) {
                insert(connection, serverId, findings.subList(from, Math.min(findings.size(), from + INSERT_CHUNK)), now,
                        stored);
            }
            Set<UUID> seen = new HashSet<>();
            List<Finding> fresh = findings.stream()
                    .filter(f -> stored.contains(f.id()) && seen.add(f.id()))
                    .sorted(Comparator.comparing(Finding::observedAt).thenComparing(Finding::id))
                    .toList();
            Map<String, CheckState> states = new HashMap<>();
            boolean pending = loadStates(connection, serverId, now, states);
            if (!fresh.isEmpty()) {
                apply(connection, server, states, fresh, now);
            }
            List<Recheck> rechecks = pending ? pendingRechecks(connection, serverId, now) : List.of();
            accepted.increment(fresh.size());
            duplicates.increment(findings.size() - fresh.size());
            return new Result(fresh.size(), findings.size() - fresh.size(), rechecks);
        } catch (SQLException e) {
            throw new IllegalStateException("could not store findings: " + e.getMessage(), e);
        }
    }

    private static final String INSERT_COLUMNS = "insert into finding (id, observed_at, server_id, check_key, kind, status, "
            + "message, measurements, duration_ms, recheck_id, received_at) values ";
    private static final String INSERT_ROW = "(?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)";

    /**
     * In one round trip: marks the agent as seen, locking its server's row so one server's batches apply one
     * at a time, and stores the first chunk of findings, skipping ids stored before.
     */
    private AgentTickets.Source lockServerAndInsert(Connection c, long serverId, List<Finding> findings, Instant now,
            Set<UUID> stored) throws SQLException {
        List<Finding> chunk = findings.subList(0, Math.min(findings.size(), INSERT_CHUNK));
        String sql = chunk.isEmpty()
                ? "update server set agent_last_seen = greatest(coalesce(agent_last_seen, ?), ?) where id = ? "
                        + "returning name, role, null::uuid"
                : "with s as (update server set agent_last_seen = greatest(coalesce(agent_last_seen, ?), ?) where id = ? "
                        + "returning name, role), "
                        + "i as (" + INSERT_COLUMNS + Jdbc.valueRows(chunk.size(), INSERT_ROW)
                        + " on conflict do nothing returning id) "
                        + "select s.name, s.role, i.id from s left join i on true";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.setInstant(s, 1, now);
            Jdbc.setInstant(s, 2, now);
            s.setLong(3, serverId);
            bindFindings(s, 4, serverId, chunk, now);
            String name = null;
            String role = null;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    name = rs.getString(1);
                    role = rs.getString(2);
                    UUID id = rs.getObject(3, UUID.class);
                    if (id != null) {
                        stored.add(id);
                    }
                }
            }
            if (name == null) {
                throw new IllegalStateException("server " + serverId + " vanished");
            }
            return new AgentTickets.Source(serverId, name, ServerRole.valueOf(role));
        }
    }

    /** Stores further findings of a large batch, skipping ids stored before. */
    private void insert(Connection c, long serverId, List<Finding> chunk, Instant now, Set<UUID> stored)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT_COLUMNS + Jdbc.valueRows(chunk.size(), INSERT_ROW)
                + " on conflict do nothing returning id")) {
            bindFindings(s, 1, serverId, chunk, now);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    stored.add(rs.getObject(1, UUID.class));
                }
            }
        }
    }

    private void bindFindings(PreparedStatement s, int first, long serverId, List<Finding> chunk, Instant now)
            throws SQLException {
        int i = first;
        for (Finding f : chunk) {
            s.setObject(i++, f.id());
            Jdbc.setInstant(s, i++, f.observedAt());
            s.setLong(i++, serverId);
            s.setString(i++, f.checkKey());
            s.setString(i++, f.kind());
            s.setString(i++, f.status().name());
            s.setString(i++, f.message());
            s.setString(i++, measurements(f));
            Jdbc.setInt(s, i++, f.durationMs());
            s.setObject(i++, f.recheckId());
            Jdbc.setInstant(s, i++, now);
        }
    }

    private void apply(Connection c, AgentTickets.Source server, Map<String, CheckState> states, List<Finding> fresh,
            Instant now) throws SQLException {
        List<MaintenanceWindow> windows = maintenance.overlapping(server.id(), fresh.get(0).observedAt(),
                fresh.get(fresh.size() - 1).observedAt().plusSeconds(1));
        Set<String> links = new HashSet<>();
        fresh.forEach(f -> addIfPresent(links, f.dependsOn()));
        states.values().forEach(st -> addIfPresent(links, st.dependsOn()));
        List<Finding> ordered = fresh.stream()
                .sorted(Comparator.comparing((Finding f) -> links.contains(f.checkKey()) ? 0 : 1)
                        .thenComparing(Finding::observedAt).thenComparing(Finding::id))
                .toList();
        Set<String> changed = new HashSet<>();
        List<Evidence> evidence = new ArrayList<>();
        Map<UUID, Finding> rechecked = new LinkedHashMap<>();
        for (Finding finding : ordered) {
            if (finding.recheckId() != null) {
                rechecked.put(finding.id(), finding);
            }
            if (finding.isHeartbeat()) {
                rememberInterval(c, server.id(), finding);
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
        saveStates(c, states, changed, now);
        evidence.addAll(completeRechecks(c, server, rechecked, now));
        insertEvidence(c, evidence);
        fresh.forEach(f -> registry.counter("siaga.findings.received", "status", f.status().name()).increment());
    }

    private static void addIfPresent(Set<String> set, String value) {
        if (value != null) {
            set.add(value);
        }
    }

    /** Keeps the agent's own report interval, which decides when it counts as silent. */
    private static void rememberInterval(Connection c, long serverId, Finding heartbeat) throws SQLException {
        Double interval = heartbeat.measurements() == null ? null : heartbeat.measurements().get("intervalSeconds");
        if (interval == null || interval < 1 || interval > 86_400) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(
                "update server set agent_interval_seconds = ? where id = ? and agent_interval_seconds is distinct from ?")) {
            s.setInt(1, interval.intValue());
            s.setLong(2, serverId);
            s.setInt(3, interval.intValue());
            s.executeUpdate();
        }
    }

    /**
     * Reads the server's check states into {@code states}, after its row is locked so that no other batch of
     * the server is between its read and its write.
     *
     * @return whether re-check requests wait for the agent
     */
    private boolean loadStates(Connection c, long serverId, Instant now, Map<String, CheckState> states)
            throws SQLException {
        boolean pending = false;
        try (PreparedStatement s = c.prepareStatement("""
                select p.pending, cs.*, t.state as ticket_state
                from (select exists (select 1 from recheck_request r where r.server_id = ? and r.completed_at is null
                        and r.requested_at > ? and (r.delivered_at is null or r.delivered_at < ?)) as pending) p
                left join check_state cs on cs.server_id = ?
                left join ticket t on t.id = cs.ticket_id""")) {
            s.setLong(1, serverId);
            Jdbc.setInstant(s, 2, now.minus(config.findings().recheckExpiry()));
            Jdbc.setInstant(s, 3, now.minus(REDELIVER_AFTER));
            s.setLong(4, serverId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    pending = rs.getBoolean("pending");
                    String key = rs.getString("check_key");
                    if (key == null) {
                        continue;
                    }
                    CheckState state = new CheckState(serverId, key);
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
                    states.put(key, state);
                }
            }
        }
        return pending;
    }

    private void saveStates(Connection c, Map<String, CheckState> states, Set<String> changed, Instant now)
            throws SQLException {
        if (changed.isEmpty()) {
            return;
        }
        List<CheckState> rows = changed.stream().sorted().map(states::get).toList();
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

    /** @return the server's unanswered re-check requests not handed out in the last two minutes, now handed out */
    private List<Recheck> pendingRechecks(Connection c, long serverId, Instant now) throws SQLException {
        List<Recheck> pending = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                update recheck_request set delivered_at = ?
                where server_id = ? and completed_at is null and requested_at > ?
                  and (delivered_at is null or delivered_at < ?)
                returning id, checks, ticket_id""")) {
            Jdbc.setInstant(s, 1, now);
            s.setLong(2, serverId);
            Jdbc.setInstant(s, 3, now.minus(config.findings().recheckExpiry()));
            Jdbc.setInstant(s, 4, now.minus(REDELIVER_AFTER));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String checks = rs.getString(2);
                    long ticketId = rs.getLong(3);
                    pending.add(new Recheck(rs.getObject(1, UUID.class),
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
