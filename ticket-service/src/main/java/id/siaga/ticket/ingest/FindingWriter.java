package id.siaga.ticket.ingest;

import id.siaga.ticket.domain.CheckStatus;
import id.siaga.ticket.config.SiagaConfig;
import id.siaga.ticket.domain.MaintenanceWindow;
import id.siaga.ticket.domain.Ticket;
import id.siaga.ticket.domain.TicketEventType;
import id.siaga.ticket.escalation.EscalationService;
import id.siaga.ticket.domain.Caller;
import id.siaga.ticket.service.DeferredNumbers;
import id.siaga.ticket.service.TicketService;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Stores the findings of several agents' posts and turns them into ticket work, in one transaction with a few
 * set-based statements (never a round trip per finding or per post): the servers' rows are locked in id order,
 * the findings stored by one statement that skips ids already seen (in {@code finding_seen}, whatever the
 * observation time or the server; only a finding stored now is applied), the servers' check states read
 * (unless this instance holds them as last committed, {@link CheckStateCache}) and written once, and only a check
 * crossing a threshold touches tickets. {@link FindingStore} runs the
 * statements, {@link FindingRules} decides what the findings mean; this puts them together and does what the
 * rules ask (open tickets, record events, raise escalations). The batch's new tickets take their gap-free numbers
 * last ({@link DeferredNumbers}), so two writers wait for each other's counter lock only while one commits.
 * {@link FindingIngestService} feeds it the posts waiting at the moment, so concurrent posts share a transaction
 * (group commit).
 */
@Startup
@ApplicationScoped
public class FindingWriter {

    private final AgroalDataSource dataSource;
    private final FindingStore store;
    private final EntityManager entityManager;
    private final AgentTickets agentTickets;
    private final TicketService tickets;
    private final SiagaConfig config;
    private final Counter accepted;
    private final Counter duplicates;
    private final Map<CheckStatus, Counter> received = new java.util.EnumMap<>(CheckStatus.class);
    private final EscalationService escalations;
    private final Clock clock;
    private final CheckStateCache stateCache;
    private final TransactionSynchronizationRegistry transactions;

    public FindingWriter(AgroalDataSource dataSource, FindingStore store, EntityManager entityManager,
            AgentTickets agentTickets, TicketService tickets, SiagaConfig config, MeterRegistry registry,
            EscalationService escalations, Clock clock, CheckStateCache stateCache,
            TransactionSynchronizationRegistry transactions) {
        this.clock = clock;
        this.stateCache = stateCache;
        this.transactions = transactions;
        this.escalations = escalations;
        this.dataSource = dataSource;
        this.store = store;
        this.entityManager = entityManager;
        this.agentTickets = agentTickets;
        this.tickets = tickets;
        this.config = config;
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

    /**
     * Stores the posts' findings and applies them, all in one transaction.
     *
     * @return for each post, in order: how many findings were new, how many were stored before, and the
     * re-checks its agent should run
     */
    @Transactional
    public List<Result> write(List<Job> jobs) {
        Instant now = clock.instant();
        Instant rewriteBefore = jobs.size() >= config.findings().steadyBatch()
                ? now.minus(config.findings().steadyRefresh()) : Instant.MAX;
        try (Connection connection = dataSource.getConnection()) {
            List<Long> serverIds = jobs.stream().map(Job::serverId).distinct().sorted().toList();
            List<FindingStore.Posted> posted = new ArrayList<>();
            for (Job job : jobs) {
                job.findings().forEach(f -> posted.add(new FindingStore.Posted(job.serverId(), f)));
            }
            FindingStore.Begun begun = store.begin(connection, serverIds, posted, stateCache.take(serverIds), now);
            Map<Long, AgentTickets.Source> servers = begun.servers();
            Set<UUID> stored = begun.stored();

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
            Map<Long, Map<String, CheckState>> states = begun.states();
            List<CheckState> changed = new ArrayList<>();
            List<Evidence> evidence = new ArrayList<>();
            List<MaintenanceWindow> windows = begun.windows();
            Map<Long, FindingRules.HeartbeatFacts> heartbeats = new HashMap<>();
            DeferredNumbers numbers = new DeferredNumbers();
            for (long serverId : serverIds) {
                List<Finding> fresh = freshByServer.getOrDefault(serverId, List.of());
                if (!fresh.isEmpty()) {
                    List<Finding> ordered = fresh.stream()
                            .sorted(Comparator.comparing(Finding::observedAt).thenComparing(Finding::id)).toList();
                    AgentTickets.Source server = servers.get(serverId);
                    FindingRules.Applied applied = FindingRules.apply(server,
                            states.computeIfAbsent(serverId, id -> new HashMap<>()), ordered, windows,
                            config.findings().openAfter(), config.findings().recoverAfter(),
                            rewriteBefore, effects(server, now, windows, numbers));
                    changed.addAll(applied.changed());
                    evidence.addAll(applied.evidence());
                    if (applied.heartbeat() != null) {
                        heartbeats.put(serverId, FindingRules.heartbeatFacts(applied.heartbeat()));
                    }
                    evidence.addAll(completeRechecks(connection, server, applied.rechecked().values(), now));
                    fresh.forEach(f -> received.get(f.status()).increment());
                }
            }
            Map<Long, List<Recheck>> rechecks = store.finish(connection, serverIds, heartbeats, changed, evidence, now);
            changed.forEach(state -> state.writtenAt = now);
            // last, so that the counter row is locked only while this transaction commits
            tickets.assignNumbers(numbers);
            holdOnceCommitted(serverIds, begun.versions(), states);

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
     * Has the batch's check states held for the next batch of its servers once this transaction has committed, with
     * the {@code state_version} it gave each server; if it rolls back, they are forgotten.
     */
    private void holdOnceCommitted(List<Long> serverIds, Map<Long, Long> versions,
            Map<Long, Map<String, CheckState>> states) {
        Map<Long, CheckStateCache.Entry> committed = new HashMap<>();
        for (long id : serverIds) {
            committed.put(id, new CheckStateCache.Entry(versions.get(id) + 1, states.getOrDefault(id, new HashMap<>())));
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    stateCache.put(committed);
                }
            }
        });
    }

    /** @return what the rules ask done for a server's findings: tickets, their events, escalations */
    private FindingRules.Effects effects(AgentTickets.Source server, Instant now, List<MaintenanceWindow> windows,
            DeferredNumbers numbers) {
        String actor = Caller.agent(server.name()).username();
        return new FindingRules.Effects() {
            @Override
            public long openTicket(CheckState failing, Finding finding, Collection<CheckState> serverState,
                    boolean flapping) {
                Ticket ticket = agentTickets.open(server, failing, finding, serverState, flapping, windows, now, numbers);
                // written now, and let go: each query of the next ticket's walk would otherwise dirty-check
                // every ticket, step and event this batch opened before it
                entityManager.flush();
                entityManager.clear();
                return ticket.id;
            }

            @Override
            public void recovered(long ticketId, String text) {
                tickets.record(ticketId, now, actor, TicketEventType.RECOVERED, null, null, text);
            }

            @Override
            public void escalate(EscalationService.Draft draft) {
                escalations.raise(draft);
            }
        };
    }

    /** Marks the re-checks answered by these findings done; their results become evidence on the tickets. */
    private List<Evidence> completeRechecks(Connection c, AgentTickets.Source server, Collection<Finding> rechecked,
            Instant now) throws SQLException {
        if (rechecked.isEmpty()) {
            return List.of();
        }
        FindingRules.RecheckResults results = FindingRules.recheckResults(rechecked,
                store.completeRechecks(c, server.id(), rechecked, now));
        String actor = Caller.agent(server.name()).username();
        results.summaries().forEach((ticketId, text) -> tickets.record(ticketId, now, actor,
                TicketEventType.RECHECK_RESULT, null, null, text));
        return results.evidence();
    }
}
