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
            AgentTickets.Source server = touchServer(connection, serverId, now);
            List<Finding> fresh = insert(connection, serverId, findings, now);
            if (!fresh.isEmpty()) {
                apply(connection, server, fresh, now);
            }
            List<Recheck> pending = pendingRechecks(connection, serverId, now);
            accepted.increment(fresh.size());
            duplicates.increment(findings.size() - fresh.size());
            return new Result(fresh.size(), findings.size() - fresh.size(), pending);
        } catch (SQLException e) {
            throw new IllegalStateException("could not store findings: " + e.getMessage(), e);
        }
    }

    /** Marks the agent as seen and locks its server's row, so one server's batches apply one at a time. */
    private AgentTickets.Source touchServer(Connection c, long serverId, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                update server set agent_last_seen = greatest(coalesce(agent_last_seen, ?), ?)
                where id = ? returning name, role""")) {
            Jdbc.setInstant(s, 1, now);
            Jdbc.setInstant(s, 2, now);
            s.setLong(3, serverId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("server " + serverId + " vanished");
                }
                return new AgentTickets.Source(serverId, rs.getString(1), ServerRole.valueOf(rs.getString(2)));
            }
        }
    }

    /** @return the findings that were not stored before, oldest first */
    private List<Finding> insert(Connection c, long serverId, List<Finding> findings, Instant now) throws SQLException {
        Set<UUID> stored = new HashSet<>();
        for (int from = 0; from < findings.size(); from += INSERT_CHUNK) {
            List<Finding> chunk = findings.subList(from, Math.min(findings.size(), from + INSERT_CHUNK));
            String sql = "insert into finding (id, observed_at, server_id, check_key, kind, status, message, measurements, "
                    + "duration_ms, recheck_id, received_at) values "
                    + Jdbc.valueRows(chunk.size(), "(?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)")
                    + " on conflict do nothing returning id";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int i = 1;
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
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        stored.add(rs.getObject(1, UUID.class));
                    }
                }
            }
        }
        Set<UUID> seen = new HashSet<>();
        return findings.stream()
                .filter(f -> stored.contains(f.id()) && seen.add(f.id()))
                .sorted(Comparator.comparing(Finding::observedAt).thenComparing(Finding::id))
                .toList();
    }

    private void apply(Connection c, AgentTickets.Source server, List<Finding> fresh, Instant now) throws SQLException {
        Map<String, CheckState> states = loadStates(c, server.id());
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

    private Map<String, CheckState> loadStates(Connection c, long serverId) throws SQLException {
        Map<String, CheckState> states = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                select cs.*, t.state as ticket_state from check_state cs
                left join ticket t on t.id = cs.ticket_id
                where cs.server_id = ?""")) {
            s.setLong(1, serverId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
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
                    states.put(state.checkKey, state);
                }
            }
        }
        return states;
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
            Jdbc.setInstant(s, 4, now.minusSeconds(120));
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
