package id.siaga.ticket.ingest;

import id.siaga.ticket.domain.CheckStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.siaga.ticket.clock.StepClock;
import id.siaga.ticket.config.SiagaConfig;
import id.siaga.ticket.domain.MaintenanceWindow;
import id.siaga.ticket.domain.ServerRole;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The group-commit writer's statements, on the batch's own connection: a few set-based statements per batch (never
 * a round trip per finding or per post), in plain JDBC because the ORM cost the hot path a tenth of the service's
 * CPU and more. It decides nothing: {@link FindingRules} does, {@link FindingWriter} puts the two together.
 */
@ApplicationScoped
public class FindingStore {

    /** An unanswered re-check is handed to the agent again after this long. */
    private static final Duration REDELIVER_AFTER = Duration.ofMinutes(2);

    private final SiagaConfig config;
    private final ObjectMapper json;

    public FindingStore(SiagaConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    /** A finding and the server it came from. */
    record Posted(long serverId, Finding finding) {
    }

    /**
     * Remembers each id in {@code finding_seen} (which has the id alone as its key, whatever the observation time
     * or server) and stores the findings whose id was new, in one statement: the arrays are unnested once, and the
     * ids that {@code finding_seen} took decide which rows reach {@code finding}.
     */
    private static final String INSERT = """
            with posted as (
                select p.id, timestamptz 'epoch' + p.observed_us * interval '1 microsecond' as observed_at, p.server_id,
                    p.check_key, p.kind, p.status, p.message, p.measurements, p.duration_ms, p.recheck_id
                from unnest(?::uuid[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::integer[], ?::uuid[])
                    as p(id, observed_us, server_id, check_key, kind, status, message, measurements, duration_ms, recheck_id)
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
     * Locks the servers' rows in id order, so that batches touching the same server apply one after the other (and
     * never deadlock); {@link #TOUCH} writes the rows once, at the end of the batch.
     */
    private static final String LOCK = """
            select id, name, role, state_version from server where id = any(?) order by id for update""";

    /**
     * Reads the check states of the servers whose states this instance does not hold as last committed: the server's
     * {@code state_version}, read after its row is locked (so that no other batch of that server is between this
     * read and the write), differs from the version of the states held ({@link CheckStateCache}; -1 for none). The
     * ticket's state is looked up by its key for each check that has one: as a join, the generic plan of the prepared
     * statement hashed the whole ticket table on every batch (with 10,000 tickets 4.2 ms against 0.5 ms for 243
     * check states, EXPLAIN ANALYZE on PostgreSQL 15).
     */
    private static final String STATES = """
            select cs.*, (select t.state from ticket t where t.id = cs.ticket_id) as ticket_state
            from unnest(?::bigint[], ?::bigint[]) as held(server_id, version)
            join server s on s.id = held.server_id and s.state_version <> held.version
            join check_state cs on cs.server_id = held.server_id""";

    /** Reads whether the open tickets that held check states name are open still (staff may have closed them). */
    private static final String TICKETS = "select id, state from ticket where id = any(?)";

    /**
     * Reads the maintenance windows that may cover any of the batch's findings, or that the clocks of tickets opened
     * now need ({@link StepClock#withWindows}): those of its servers, or of all servers, that overlap the span from
     * the earliest finding (or the clocks' scope, if earlier) to a second after the latest (a window that starts at
     * the very moment of a finding covers it). The rules and the clocks test each window against their own server
     * and time, so a window no fresh finding needs changes nothing.
     */
    private static final String WINDOWS = """
            select server_id, starts_at, ends_at from maintenance_window
            where deleted_at is null and (server_id is null or server_id = any(?)) and ends_at > ? and starts_at < ?
            order by starts_at""";

    /**
     * What a batch begins with: its servers (locked) and their {@code state_version}, the ids it stored, the servers'
     * check states and the maintenance windows its findings and new tickets need.
     */
    record Begun(Map<Long, AgentTickets.Source> servers, Map<Long, Long> versions, Set<UUID> stored,
            Map<Long, Map<String, CheckState>> states, List<MaintenanceWindow> windows) {
    }

    /**
     * Begins the batch in one round trip ({@link #finish} ends it in another): locks its servers' rows
     * ({@link #LOCK}), stores the findings whose id was never seen before ({@link #INSERT}; in id order, so that
     * writers meeting on a reused id wait for each other in one order and never deadlock; of findings posted twice
     * in the batch the first is kept), reads the check states of the servers whose states are not held as last
     * committed ({@link #STATES}), whether the held states' open tickets are open still ({@link #TICKETS}), and the
     * maintenance windows ({@link #WINDOWS}). The driver sends the statements together and PostgreSQL runs them in
     * that order.
     *
     * @param held the servers' check states as this instance last committed them, taken out of {@link CheckStateCache}:
     *             those whose version is the server's now are used (and changed by the batch), the others are dropped
     */
    Begun begin(Connection c, List<Long> serverIds, List<Posted> posted, Map<Long, CheckStateCache.Entry> held,
            Instant now) throws SQLException {
        List<Posted> unique = firstOfEachId(posted);
        Map<Long, AgentTickets.Source> servers = new HashMap<>();
        Map<Long, Long> versions = new HashMap<>();
        Set<UUID> stored = new HashSet<>();
        Map<Long, Map<String, CheckState>> states;
        Map<Long, String> ticketStates = new HashMap<>();
        List<MaintenanceWindow> windows = new ArrayList<>();
        Long[] heldVersions = new Long[serverIds.size()];
        Set<Long> openTickets = new HashSet<>();
        for (int i = 0; i < heldVersions.length; i++) {
            CheckStateCache.Entry entry = held.get(serverIds.get(i));
            heldVersions[i] = entry == null ? -1L : entry.version();
            for (CheckState state : entry == null ? List.<CheckState>of() : entry.states().values()) {
                if (state.ticketOpen) {
                    openTickets.add(state.ticketId);
                }
            }
        }
        String sql = LOCK + ";\n" + (unique.isEmpty() ? "" : INSERT + ";\n") + STATES + ";\n" + TICKETS + ";\n"
                + WINDOWS;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.Params p = new Jdbc.Params(s).array("bigint", serverIds.toArray());
            if (!unique.isEmpty()) {
                bindInsert(p, unique, now);
            }
            p.array("bigint", serverIds.toArray()).array("bigint", heldVersions).array("bigint", openTickets.toArray());
            Instant from = StepClock.scopeStart(now);
            Instant to = StepClock.scopeEnd(now);
            for (Posted each : unique) {
                Instant observedAt = each.finding().observedAt();
                from = observedAt.isBefore(from) ? observedAt : from;
                Instant after = observedAt.plusSeconds(1);
                to = after.isAfter(to) ? after : to;
            }
            p.array("bigint", serverIds.toArray()).instant(from).instant(to);
            if (!s.execute()) {
                throw new IllegalStateException("the server lock answered no rows");
            }
            try (ResultSet rs = s.getResultSet()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    servers.put(id, new AgentTickets.Source(id, rs.getString(2), ServerRole.valueOf(rs.getString(3))));
                    versions.put(id, rs.getLong(4));
                }
            }
            if (servers.size() != serverIds.size()) {
                throw new IllegalStateException("servers vanished while their findings were stored: " + serverIds);
            }
            if (!unique.isEmpty()) {
                if (!s.getMoreResults()) {
                    throw new IllegalStateException("the findings insert answered no rows");
                }
                try (ResultSet rs = s.getResultSet()) {
                    while (rs.next()) {
                        stored.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            if (!s.getMoreResults()) {
                throw new IllegalStateException("the check-state read answered no rows");
            }
            try (ResultSet rs = s.getResultSet()) {
                states = states(rs);
            }
            if (!s.getMoreResults()) {
                throw new IllegalStateException("the ticket-state read answered no rows");
            }
            try (ResultSet rs = s.getResultSet()) {
                while (rs.next()) {
                    ticketStates.put(rs.getLong(1), rs.getString(2));
                }
            }
            if (!s.getMoreResults()) {
                throw new IllegalStateException("the maintenance-window read answered no rows");
            }
            try (ResultSet rs = s.getResultSet()) {
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
        held.forEach((id, entry) -> {
            if (entry.version() == versions.get(id)) {
                for (CheckState state : entry.states().values()) {
                    state.ticketOpen = state.ticketOpen && "OPEN".equals(ticketStates.get(state.ticketId));
                }
                states.put(id, entry.states());
            }
        });
        return new Begun(servers, versions, stored, states, windows);
    }

    /** Binds {@link #INSERT}'s parameters, next in {@code p}. */
    private void bindInsert(Jdbc.Params p, List<Posted> unique, Instant now) throws SQLException {
        int n = unique.size();
        UUID[] ids = new UUID[n];
        Long[] observedAt = new Long[n];
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
            observedAt[i] = Jdbc.micros(f.observedAt());
            serverIds[i] = unique.get(i).serverId();
            checkKeys[i] = f.checkKey();
            kinds[i] = f.kind();
            statuses[i] = f.status().name();
            messages[i] = f.message();
            measurements[i] = measurements(f);
            durations[i] = f.durationMs();
            recheckIds[i] = f.recheckId();
        }
        p.array("uuid", ids);
        p.array("bigint", observedAt);
        p.array("bigint", serverIds);
        p.array("text", checkKeys);
        p.array("text", kinds);
        p.array("text", statuses);
        p.array("text", messages);
        p.array("text", measurements);
        p.array("integer", durations);
        p.array("uuid", recheckIds);
        p.instant(now);
    }


    /**
     * Marks the agents as seen now and keeps what each agent's latest heartbeat says about it, writing each server's
     * row once for the whole batch, and raises its {@code state_version}, as every transaction that writes a
     * server's check states must ({@link CheckStateCache}). An older heartbeat delivered late from the outbox changes
     * nothing but the last-seen time.
     */
    private static final String TOUCH = """
            update server s set state_version = s.state_version + 1,
                agent_last_seen = greatest(coalesce(s.agent_last_seen, ?), ?),
                agent_interval_seconds = case when v.at > coalesce(s.agent_heartbeat_at, '-infinity')
                    then coalesce(v.seconds, s.agent_interval_seconds) else s.agent_interval_seconds end,
                agent_version = case when v.at > coalesce(s.agent_heartbeat_at, '-infinity')
                    then coalesce(v.version, s.agent_version) else s.agent_version end,
                agent_outbox_backlog = case when v.at > coalesce(s.agent_heartbeat_at, '-infinity')
                    then v.backlog else s.agent_outbox_backlog end,
                agent_heartbeat_at = case when v.at > coalesce(s.agent_heartbeat_at, '-infinity')
                    then v.at else s.agent_heartbeat_at end
            from (select v.id, v.seconds, v.version, v.backlog, timestamptz 'epoch' + v.at_us * interval '1 microsecond' as at
                from unnest(?::bigint[], ?::integer[], ?::text[], ?::integer[], ?::bigint[])
                as v(id, seconds, version, backlog, at_us)) v
            where s.id = v.id""";

    /** Binds {@link #TOUCH}'s parameters, next in {@code p}. */
    private static void bindTouch(Jdbc.Params p, List<Long> serverIds,
            Map<Long, FindingRules.HeartbeatFacts> heartbeats, Instant now) throws SQLException {
        int n = serverIds.size();
        Long[] ids = new Long[n];
        Integer[] seconds = new Integer[n];
        String[] versions = new String[n];
        Integer[] backlogs = new Integer[n];
        Long[] heartbeatAt = new Long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = serverIds.get(i);
            FindingRules.HeartbeatFacts facts = heartbeats.get(ids[i]);
            if (facts != null) {
                seconds[i] = facts.intervalSeconds();
                versions[i] = facts.version();
                backlogs[i] = facts.outboxBacklog();
                heartbeatAt[i] = Jdbc.micros(facts.observedAt());
            }
        }
        p.instant(now);
        p.instant(now);
        p.array("bigint", ids);
        p.array("integer", seconds);
        p.array("text", versions);
        p.array("integer", backlogs);
        p.array("bigint", heartbeatAt);
    }

    /**
     * Marks the server's re-check requests answered by these findings done.
     *
     * @return the ticket of each request completed now; a request about no ticket is absent
     */
    Map<UUID, Long> completeRechecks(Connection c, long serverId, Collection<Finding> rechecked, Instant now)
            throws SQLException {
        Map<UUID, Long> ticketOf = new HashMap<>();
        if (rechecked.isEmpty()) {
            return ticketOf;
        }
        Set<UUID> requestIds = new HashSet<>();
        rechecked.forEach(f -> requestIds.add(f.recheckId()));
        try (PreparedStatement s = c.prepareStatement("""
                update recheck_request set completed_at = ?
                where server_id = ? and id = any(?) and completed_at is null returning id, ticket_id""")) {
            Jdbc.setInstant(s, 1, now);
            s.setLong(2, serverId);
            s.setArray(3, c.createArrayOf("uuid", requestIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long ticketId = rs.getLong(2);
                    if (!rs.wasNull()) {
                        ticketOf.put(rs.getObject(1, UUID.class), ticketId);
                    }
                }
            }
        }
        return ticketOf;
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

    /** @return the check states of {@link #STATES}' rows, by server and check key */
    private static Map<Long, Map<String, CheckState>> states(ResultSet rs) throws SQLException {
        Map<Long, Map<String, CheckState>> states = new HashMap<>();
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
            state.writtenAt = Jdbc.getInstant(rs, "updated_at");
            states.computeIfAbsent(serverId, id -> new HashMap<>()).put(state.checkKey, state);
        }
        return states;
    }

    /**
     * Writes the changed check states in one statement whose text never changes (the rows travel as arrays), so
     * the driver and PostgreSQL keep it prepared instead of parsing and planning a new VALUES list per batch.
     */
    private static final String SAVE_STATES = """
            insert into check_state (server_id, check_key, kind, status, message, observed_at, last_ok_at, failing_since,
                consecutive_failures, consecutive_passes, history, history_length, flapping, depends_on, ticket_id,
                last_evidence_at, updated_at)
            select v.server_id, v.check_key, v.kind, v.status, v.message,
                timestamptz 'epoch' + v.observed_us * interval '1 microsecond',
                timestamptz 'epoch' + v.last_ok_us * interval '1 microsecond',
                timestamptz 'epoch' + v.failing_since_us * interval '1 microsecond',
                v.consecutive_failures, v.consecutive_passes, v.history, v.history_length, v.flapping, v.depends_on,
                v.ticket_id, timestamptz 'epoch' + v.last_evidence_us * interval '1 microsecond', ?
            from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[],
                ?::bigint[], ?::integer[], ?::integer[], ?::integer[], ?::integer[], ?::boolean[], ?::text[],
                ?::bigint[], ?::bigint[])
                as v(server_id, check_key, kind, status, message, observed_us, last_ok_us, failing_since_us,
                    consecutive_failures, consecutive_passes, history, history_length, flapping, depends_on, ticket_id,
                    last_evidence_us)
            on conflict (server_id, check_key) do update set kind = excluded.kind, status = excluded.status,
                message = excluded.message, observed_at = excluded.observed_at, last_ok_at = excluded.last_ok_at,
                failing_since = excluded.failing_since, consecutive_failures = excluded.consecutive_failures,
                consecutive_passes = excluded.consecutive_passes, history = excluded.history,
                history_length = excluded.history_length, flapping = excluded.flapping, depends_on = excluded.depends_on,
                ticket_id = excluded.ticket_id, last_evidence_at = excluded.last_evidence_at,
                updated_at = excluded.updated_at""";

    /** Binds {@link #SAVE_STATES}'s parameters, next in {@code p}. */
    private static void bindStates(Jdbc.Params p, List<CheckState> rows, Instant now) throws SQLException {
        int n = rows.size();
        Long[] serverIds = new Long[n];
        String[] checkKeys = new String[n];
        String[] kinds = new String[n];
        String[] statuses = new String[n];
        String[] messages = new String[n];
        Long[] observedAt = new Long[n];
        Long[] lastOkAt = new Long[n];
        Long[] failingSince = new Long[n];
        Integer[] failures = new Integer[n];
        Integer[] passes = new Integer[n];
        Integer[] history = new Integer[n];
        Integer[] historyLength = new Integer[n];
        Boolean[] flapping = new Boolean[n];
        String[] dependsOn = new String[n];
        Long[] ticketIds = new Long[n];
        Long[] lastEvidenceAt = new Long[n];
        for (int i = 0; i < n; i++) {
            CheckState state = rows.get(i);
            serverIds[i] = state.serverId;
            checkKeys[i] = state.checkKey;
            kinds[i] = state.kind;
            statuses[i] = state.status.name();
            messages[i] = state.message;
            observedAt[i] = Jdbc.micros(state.observedAt);
            lastOkAt[i] = Jdbc.micros(state.lastOkAt);
            failingSince[i] = Jdbc.micros(state.failingSince);
            failures[i] = state.consecutiveFailures;
            passes[i] = state.consecutivePasses;
            history[i] = state.history;
            historyLength[i] = state.historyLength;
            flapping[i] = state.flapping;
            dependsOn[i] = state.dependsOn;
            ticketIds[i] = state.ticketId;
            lastEvidenceAt[i] = Jdbc.micros(state.lastEvidenceAt);
        }
        p.instant(now);
        p.array("bigint", serverIds);
        p.array("text", checkKeys);
        p.array("text", kinds);
        p.array("text", statuses);
        p.array("text", messages);
        p.array("bigint", observedAt);
        p.array("bigint", lastOkAt);
        p.array("bigint", failingSince);
        p.array("integer", failures);
        p.array("integer", passes);
        p.array("integer", history);
        p.array("integer", historyLength);
        p.array("boolean", flapping);
        p.array("text", dependsOn);
        p.array("bigint", ticketIds);
        p.array("bigint", lastEvidenceAt);
    }

    private static final String EVIDENCE = """
            insert into ticket_evidence (ticket_id, kind, finding_id, check_key, status, message, observed_at)
            select v.ticket_id, v.kind, v.finding_id, v.check_key, v.status, v.message,
                timestamptz 'epoch' + v.observed_us * interval '1 microsecond'
            from unnest(?::bigint[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::bigint[])
                as v(ticket_id, kind, finding_id, check_key, status, message, observed_us)""";

    /** Binds {@link #EVIDENCE}'s parameters, next in {@code p}. */
    private static void bindEvidence(Jdbc.Params p, List<Evidence> evidence) throws SQLException {
        int n = evidence.size();
        Long[] ticketIds = new Long[n];
        String[] kinds = new String[n];
        UUID[] findingIds = new UUID[n];
        String[] checkKeys = new String[n];
        String[] statuses = new String[n];
        String[] messages = new String[n];
        Long[] observedAt = new Long[n];
        for (int i = 0; i < n; i++) {
            Evidence e = evidence.get(i);
            ticketIds[i] = e.ticketId();
            kinds[i] = e.kind();
            findingIds[i] = e.findingId();
            checkKeys[i] = e.checkKey();
            statuses[i] = e.status() == null ? null : e.status().name();
            messages[i] = e.message();
            observedAt[i] = Jdbc.micros(e.observedAt());
        }
        p.array("bigint", ticketIds);
        p.array("text", kinds);
        p.array("uuid", findingIds);
        p.array("text", checkKeys);
        p.array("text", statuses);
        p.array("text", messages);
        p.array("bigint", observedAt);
    }

    /** Hands out the unanswered re-check requests not handed out in the last two minutes. */
    private static final String RECHECKS = """
            update recheck_request set delivered_at = ?
            where server_id = any(?) and completed_at is null and requested_at > ?
              and (delivered_at is null or delivered_at < ?)
            returning server_id, id, checks, ticket_id""";

    /**
     * Ends the batch in one round trip: marks its agents seen ({@link #TOUCH}), writes the changed check states and
     * the evidence, and hands out the servers' pending re-checks. The driver sends the statements together and then
     * reads their answers, in order: on a busy machine each round trip is one more wait for the database's turn on
     * a core, and every post of the writer waits with it.
     *
     * @return by server, the unanswered re-check requests not handed out in the last two minutes, now handed out
     */
    Map<Long, List<FindingWriter.Recheck>> finish(Connection c, List<Long> serverIds,
            Map<Long, FindingRules.HeartbeatFacts> heartbeats, List<CheckState> changed, List<Evidence> evidence,
            Instant now) throws SQLException {
        String sql = TOUCH + ";\n" + (changed.isEmpty() ? "" : SAVE_STATES + ";\n")
                + (evidence.isEmpty() ? "" : EVIDENCE + ";\n") + RECHECKS;
        Map<Long, List<FindingWriter.Recheck>> pending = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.Params p = new Jdbc.Params(s);
            bindTouch(p, serverIds, heartbeats, now);
            if (!changed.isEmpty()) {
                bindStates(p, changed, now);
            }
            if (!evidence.isEmpty()) {
                bindEvidence(p, evidence);
            }
            p.instant(now).array("bigint", serverIds.toArray()).instant(now.minus(config.findings().recheckExpiry()))
                    .instant(now.minus(REDELIVER_AFTER));
            boolean rows = s.execute();
            while (!rows) {
                if (s.getUpdateCount() == -1) {
                    throw new IllegalStateException("the re-check statement answered no rows");
                }
                rows = s.getMoreResults();
            }
            try (ResultSet rs = s.getResultSet()) {
                while (rs.next()) {
                    String checks = rs.getString(3);
                    long ticketId = rs.getLong(4);
                    pending.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new FindingWriter.Recheck(rs.getObject(2, UUID.class),
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
