package id.siaga.ticket.escalation;

import id.siaga.ticket.config.SiagaConfig;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.repository.UserRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Looks, every {@code siaga.escalation.sweep}, for what must be escalated and has not been: steps past their
 * due time (KASI, then KABID when still unacknowledged after {@code kabid-after}) and agents that stopped
 * reporting (ADB, then KASI). Every instance may run it; the unique key of each escalation makes it once.
 */
@Startup
@ApplicationScoped
public class EscalationSweep {

    private static final Logger LOG = Logger.getLogger(EscalationSweep.class);

    private final EntityManager entityManager;
    private final EscalationService escalations;
    private final EscalationRepository repository;
    private final NoticeService notices;
    private final UserRepository users;
    private final SiagaConfig config;
    private final AtomicLong overdueSteps = new AtomicLong();
    private final AtomicLong silentAgents = new AtomicLong();
    private final Map<String, AtomicLong> lastSeenAge = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final AgentSilence silence;
    private final Clock clock;

    public EscalationSweep(EntityManager entityManager, EscalationService escalations, EscalationRepository repository,
            NoticeService notices, UserRepository users, SiagaConfig config, MeterRegistry registry, AgentSilence silence,
            Clock clock) {
        this.silence = silence;
        this.clock = clock;
        this.entityManager = entityManager;
        this.escalations = escalations;
        this.repository = repository;
        this.notices = notices;
        this.users = users;
        this.config = config;
        this.registry = registry;
        Gauge.builder("siaga.steps.overdue", overdueSteps, AtomicLong::get)
                .description("Open tickets whose current step is past its due time").register(registry);
        Gauge.builder("siaga.agents.silent", silentAgents, AtomicLong::get)
                .description("Agents that missed their reports").register(registry);
    }

    @Scheduled(every = "${siaga.escalation.sweep}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void sweep() {
        Instant now = clock.instant();
        overdueSteps(now);
        overdueStepsToKabid(now);
        silentAgents(now);
        silentAgentsToKasi(now);
        resolve(now);
    }

    /**
     * Escalates the steps that fell due from {@code from} up to {@code now} and were not escalated yet, for
     * {@link StepDueTimer}.
     *
     * @return the next due time of an open ticket after {@code now}, if any
     */
    @Transactional
    public Optional<Instant> overdueStepsSince(Instant from, Instant now) {
        escalateOverdue(from, now);
        @SuppressWarnings("unchecked")
        List<Object> next = entityManager.createNativeQuery(
                "select due_at from ticket where state = 'OPEN' and due_at >= ?1 order by due_at limit 1")
                .setParameter(1, now).getResultList();
        return next.stream().findFirst().map(StepDueTimer::instant);
    }

    private void overdueSteps(Instant now) {
        escalateOverdue(null, now);
        overdueSteps.set(((Number) entityManager.createNativeQuery(
                "select count(*) from ticket where state = 'OPEN' and due_at < ?1").setParameter(1, now)
                .getSingleResult()).longValue());
    }

    /** Escalates the steps past due at {@code now} (those that fell due since {@code from}, when given). */
    private void escalateOverdue(Instant from, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select t.id, t.number, t.server_id, s.seq, s.code, s.due_at from ticket t
                join ticket_step s on s.ticket_id = t.id and s.ended_at is null
                where t.state = 'OPEN' and t.due_at < ?1 and s.due_at < ?1 and t.due_at >= ?2
                  and not exists (select 1 from escalation e where e.ticket_id = t.id and e.reason = 'STEP_OVERDUE'
                        and e.step_seq = s.seq and e.level = 1)
                order by s.due_at, t.id""")
                .setParameter(1, now).setParameter(2, from == null ? Instant.EPOCH : from).getResultList();
        List<EscalationService.Draft> drafts = new ArrayList<>();
        for (Object[] row : rows) {
            long ticketId = ((Number) row[0]).longValue();
            int seq = ((Number) row[3]).intValue();
            String code = (String) row[4];
            drafts.add(new EscalationService.Draft(EscalationKey.step(ticketId, seq),
                    EscalationReason.STEP_OVERDUE, 1, Role.KASI, ticketId, row[2] == null ? null : ((Number) row[2]).longValue(),
                    code, seq, null, "Tiket " + row[1] + ": langkah " + code + " melewati standar waktu (jatuh tempo "
                            + row[5] + ")"));
        }
        escalations.raiseAll(drafts);
    }

    private void overdueStepsToKabid(Instant now) {
        List<Escalation> waiting = repository.list("""
                reason = ?1 and level = 1 and acknowledgedAt is null and resolvedAt is null and createdAt < ?2""",
                EscalationReason.STEP_OVERDUE, now.minus(config.escalation().kabidAfter()));
        for (Escalation first : waiting) {
            escalations.raise(new EscalationService.Draft(EscalationKey.step(first.ticketId, first.stepSeq),
                    EscalationReason.STEP_OVERDUE, 2, Role.KABID, first.ticketId, first.serverId, first.stepCode,
                    first.stepSeq, first.id, first.message + "; belum ditanggapi Kasi sejak " + first.createdAt));
        }
    }

    /** Escalates the agents silent by {@link AgentSilence} and keeps each agent's last-seen age gauge. */
    private void silentAgents(Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select s.id, s.name, s.agent_last_seen, extract(epoch from s.agent_last_seen)::bigint, s.agent_interval_seconds,
                       exists (select 1 from maintenance_window w where w.deleted_at is null
                           and (w.server_id is null or w.server_id = s.id) and w.starts_at <= ?1 and w.ends_at > ?1),
                       extract(epoch from (cast(?1 as timestamptz) - s.agent_last_seen))::bigint
                from server s where s.agent_last_seen is not null""")
                .setParameter(1, now)
                .getResultList();
        long silent = 0;
        for (Object[] row : rows) {
            long serverId = ((Number) row[0]).longValue();
            Integer interval = row[4] == null ? null : ((Number) row[4]).intValue();
            if (silence.isSilent(StepDueTimer.instant(row[2]), interval, (Boolean) row[5], now)) {
                silent++;
                escalations.raise(new EscalationService.Draft(EscalationKey.silentAgent(serverId, ((Number) row[3]).longValue()),
                        EscalationReason.AGENT_SILENT, 1, Role.ADB, null, serverId, null, null, null,
                        "Agen server " + row[1] + " tidak melapor sejak " + row[2]));
            }
            lastSeenAge.computeIfAbsent((String) row[1], name -> {
                AtomicLong age = new AtomicLong();
                Gauge.builder("siaga.agent.last.seen.age", age, AtomicLong::get).baseUnit("seconds")
                        .description("Seconds since the server's agent last reported").tag("server", name).register(registry);
                return age;
            }).set(((Number) row[6]).longValue());
        }
        silentAgents.set(silent);
    }

    private void silentAgentsToKasi(Instant now) {
        List<Escalation> waiting = repository.list("""
                reason = ?1 and level = 1 and acknowledgedAt is null and resolvedAt is null and createdAt < ?2""",
                EscalationReason.AGENT_SILENT, now.minus(config.escalation().silentKasiAfter()));
        for (Escalation first : waiting) {
            String subject = EscalationKey.parse(first.dedupKey).subject();
            escalations.raise(new EscalationService.Draft(subject, EscalationReason.AGENT_SILENT, 2, Role.KASI, null,
                    first.serverId, null, null, first.id, first.message + "; belum ditanggapi ADB"));
        }
    }

    /**
     * Marks escalations whose cause went away (the step was completed, the agent reported again) and queues the
     * edit of their chat messages.
     */
    private void resolve(Instant now) {
        @SuppressWarnings("unchecked")
        List<Number> steps = entityManager.createNativeQuery("""
                update escalation e set resolved_at = ?1
                where e.resolved_at is null and e.reason = 'STEP_OVERDUE' and not exists (
                    select 1 from ticket_step s where s.ticket_id = e.ticket_id and s.seq = e.step_seq and s.ended_at is null)
                returning e.id""")
                .setParameter(1, now).getResultList();
        @SuppressWarnings("unchecked")
        List<Number> agents = entityManager.createNativeQuery("""
                update escalation e set resolved_at = ?1 from server s
                where e.resolved_at is null and e.reason = 'AGENT_SILENT' and s.id = e.server_id
                  and s.agent_last_seen > e.created_at
                returning e.id""")
                .setParameter(1, now).getResultList();
        for (List<Number> resolved : List.of(steps, agents)) {
            for (Number id : resolved) {
                notices.queueChange(escalations.get(id.longValue()));
            }
        }
    }

    /** Sends the Kabid the day's digest of open escalations (once per day, whichever instance runs it). */
    @Scheduled(cron = "${siaga.notify.digest-cron}", timeZone = "${siaga.zone}")
    @Transactional
    public void dailyDigest() {
        List<Escalation> open = repository.list("acknowledgedAt is null order by createdAt");
        if (open.isEmpty()) {
            return;
        }
        String day = LocalDate.now(clock).toString();
        int queued = notices.queueDigest(day, open, users.findByRole(Role.NAME_KABID));
        LOG.infof("Queued %d digest e-mails of %d open escalations for %s", queued, open.size(), day);
    }
}
