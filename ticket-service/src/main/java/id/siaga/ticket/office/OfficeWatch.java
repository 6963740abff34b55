package id.siaga.ticket.office;

import id.siaga.ticket.config.SiagaConfig;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.escalation.Escalation;
import id.siaga.ticket.escalation.EscalationReason;
import id.siaga.ticket.escalation.EscalationRepository;
import id.siaga.ticket.escalation.EscalationService;
import id.siaga.ticket.service.GaugeFamily;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * On an upstream, every {@code siaga.escalation.sweep}: escalates an office that sent nothing for
 * {@code siaga.upstream.silent-after} to the KASI (once per silence: the key names the office and its last summary),
 * then to the KABID when still unacknowledged after {@code silent-kabid-after}; marks those resolved when the office
 * reports again; and sets the offices' gauges ({@code siaga.office.*}, labelled by office). Every instance may run
 * it; the escalations' unique keys make each once.
 */
@Startup
@ApplicationScoped
public class OfficeWatch {

    static final String KEY_PREFIX = EscalationReason.OFFICE_SILENT.name() + ":office:";
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final EntityManager entityManager;
    private final EscalationService escalations;
    private final EscalationRepository repository;
    private final OfficeRegistry registry;
    private final SiagaConfig config;
    private final GaugeFamily age;
    private final GaugeFamily silent;
    private final GaugeFamily faults;
    private final GaugeFamily overdue;
    private final GaugeFamily open;
    private final GaugeFamily compliance;
    private final GaugeFamily status;
    private final Clock clock;

    public OfficeWatch(EntityManager entityManager, EscalationService escalations, EscalationRepository repository,
            OfficeRegistry registry, SiagaConfig config, MeterRegistry meters, Clock clock) {
        this.clock = clock;
        this.entityManager = entityManager;
        this.escalations = escalations;
        this.repository = repository;
        this.registry = registry;
        this.config = config;
        this.age = new GaugeFamily(meters, "siaga.office.last.report.age", "Seconds since the office's latest summary was made",
                "seconds", true, "office");
        this.silent = new GaugeFamily(meters, "siaga.office.silent", "1 when the office sent nothing for SIAGA_UPSTREAM_SILENT_AFTER",
                null, true, "office");
        this.faults = new GaugeFamily(meters, "siaga.office.tickets.open", "Open tickets at the office", null, true, "office");
        this.overdue = new GaugeFamily(meters, "siaga.office.steps.overdue", "Open tickets past their step's standard at the office",
                null, true, "office");
        this.open = new GaugeFamily(meters, "siaga.office.escalations.open", "Open escalations at the office", null, true, "office");
        this.compliance = new GaugeFamily(meters, "siaga.office.compliance.permille",
                "This month's step visits within the SOP standard at the office, per thousand", null, true, "office");
        this.status = new GaugeFamily(meters, "siaga.office.application.status",
                "Worst server status per application in the office's latest summary: 0 OK, 1 WARN, 2 CRIT, 3 UNKNOWN", null,
                true, "office", "application");
    }

    @Scheduled(every = "${siaga.escalation.sweep}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void sweep() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> quiet = entityManager.createNativeQuery("""
                select code, name, coalesce(last_summary_at, created_at), extract(epoch from coalesce(last_summary_at, created_at))::bigint
                from office where coalesce(last_summary_at, created_at) < ?1""")
                .setParameter(1, now.minus(config.upstream().silentAfter())).getResultList();
        for (Object[] row : quiet) {
            Instant since = SummaryBuilder.instant(row[2]);
            escalations.raise(new EscalationService.Draft("office:" + row[0] + ":since:" + row[3],
                    EscalationReason.OFFICE_SILENT, 1, Role.KASI, null, null, null, null, null,
                    "Kantor " + row[0] + " " + row[1] + " tidak mengirim ringkasan sejak " + AT.format(since)));
        }
        List<Escalation> waiting = repository.list("""
                reason = ?1 and level = 1 and acknowledgedAt is null and resolvedAt is null and createdAt < ?2""",
                EscalationReason.OFFICE_SILENT, now.minus(config.upstream().silentKabidAfter()));
        for (Escalation first : waiting) {
            String key = first.dedupKey.substring(EscalationReason.OFFICE_SILENT.name().length() + 1,
                    first.dedupKey.length() - ":L1".length());
            escalations.raise(new EscalationService.Draft(key, EscalationReason.OFFICE_SILENT, 2, Role.KABID, null, null,
                    null, null, first.id, first.message + "; belum ditanggapi Kasi"));
        }
        entityManager.createNativeQuery("""
                update escalation e set resolved_at = ?1 from office o
                where e.resolved_at is null and e.reason = 'OFFICE_SILENT' and e.dedup_key like ?2 || o.code || ':since:%'
                  and o.last_summary_at > e.created_at""")
                .setParameter(1, now).setParameter(2, KEY_PREFIX).executeUpdate();
        gauges(now);
        registry.expire(now);
    }

    private void gauges(Instant now) {
        Map<List<String>, Long> ages = new HashMap<>();
        Map<List<String>, Long> silence = new HashMap<>();
        Map<List<String>, Long> open = new HashMap<>();
        Map<List<String>, Long> late = new HashMap<>();
        Map<List<String>, Long> raised = new HashMap<>();
        Map<List<String>, Long> within = new HashMap<>();
        for (OfficeRegistry.OfficeRow office : registry.offices(now, false)) {
            List<String> key = List.of(office.code());
            if (office.lastSummaryAt() != null) {
                ages.put(key, Math.max(0, Duration.between(office.lastSummaryAt(), now).toSeconds()));
            }
            silence.put(key, "SILENT".equals(office.state()) ? 1L : 0L);
            open.put(key, office.openFaults());
            late.put(key, office.overdueSteps());
            raised.put(key, office.openEscalations());
            if (office.compliance() != null) {
                within.put(key, Math.round(office.compliance() * 1000));
            }
        }
        age.set(ages);
        silent.set(silence);
        faults.set(open);
        overdue.set(late);
        this.open.set(raised);
        compliance.set(within);
        status.set(registry.applicationStatuses());
    }
}
