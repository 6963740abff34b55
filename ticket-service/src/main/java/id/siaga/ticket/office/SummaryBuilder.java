package id.siaga.ticket.office;

import id.siaga.ticket.config.SiagaConfig;
import id.siaga.ticket.domain.CheckStatus;
import id.siaga.ticket.service.MonthlyReportService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the office's state into a {@link OfficeSummary}: per server role the worst status (of servers not in
 * maintenance) and since when, servers reporting, silent (as the escalation sweep counts them) and in maintenance;
 * open tickets per step and how many are past their time standard; open escalations per level; the month's SOP
 * compliance from {@link MonthlyReportService}; findings observed in the interval; agent versions. On a chained
 * upstream, {@link UpstreamSender} adds the summaries of the offices reporting here when it posts.
 */
@ApplicationScoped
public class SummaryBuilder {

    private final EntityManager entityManager;
    private final MonthlyReportService reports;
    private final OfficeIdentity identity;
    private final SiagaConfig config;

    public SummaryBuilder(EntityManager entityManager, MonthlyReportService reports, OfficeIdentity identity,
            SiagaConfig config) {
        this.entityManager = entityManager;
        this.reports = reports;
        this.identity = identity;
        this.config = config;
    }

    /**
     * @param id          the summary's id
     * @param slot        the start of the interval the summary is for
     * @param thinnedBefore summaries thinned from the outbox since the previous one
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OfficeSummary build(UUID id, Instant slot, long thinnedBefore) {
        long interval = config.upstream().interval().toSeconds();
        return new OfficeSummary(id, new OfficeSummary.OfficeRef(identity.code(), identity.name()), slot,
                Math.max(1, interval), thinnedBefore, servers(slot), tickets(slot), escalations(),
                compliance(YearMonth.from(slot.atZone(config.zone()))), findings(slot.minusSeconds(Math.max(1, interval)), slot),
                versions(), config.upstream().includeTicketTitles() ? titles() : null, null);
    }

    /** The application a server role belongs to. */
    static String application(String role) {
        return switch (role) {
            case "SIAK_APP", "SIAK_DB" -> "SIAK";
            case "KTPEL" -> "KTP_EL";
            default -> "OTHER";
        };
    }

    private List<OfficeSummary.ServerGroup> servers(Instant now) {
        String servers = """
                with s as (
                    select s.id, s.role, s.agent_last_seen is not null as seen,
                           coalesce(s.agent_last_seen < cast(?1 as timestamptz) - make_interval(secs => cast(?2 as integer)
                               * coalesce(s.agent_interval_seconds, cast(?3 as integer))), false) as silent,
                           exists (select 1 from maintenance_window w where w.deleted_at is null
                               and (w.server_id is null or w.server_id = s.id) and w.starts_at <= ?1 and w.ends_at > ?1) as maint
                    from server s)
                """;
        @SuppressWarnings("unchecked")
        List<Object[]> counts = entityManager.createNativeQuery(servers + """
                select role, count(*), count(*) filter (where seen and not silent and not maint),
                       count(*) filter (where silent and not maint), count(*) filter (where maint)
                from s group by role order by role""")
                .setParameter(1, now).setParameter(2, config.escalation().silentIntervals())
                .setParameter(3, config.escalation().agentInterval().toSeconds()).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> statuses = entityManager.createNativeQuery(servers + """
                select s.role, c.status, min(c.failing_since) from s join check_state c on c.server_id = s.id
                where not s.maint group by s.role, c.status""")
                .setParameter(1, now).setParameter(2, config.escalation().silentIntervals())
                .setParameter(3, config.escalation().agentInterval().toSeconds()).getResultList();
        Map<String, CheckStatus> worst = new LinkedHashMap<>();
        Map<String, Instant> since = new LinkedHashMap<>();
        for (Object[] row : statuses) {
            String role = (String) row[0];
            CheckStatus status = CheckStatus.valueOf((String) row[1]);
            CheckStatus before = worst.get(role);
            CheckStatus worse = CheckStatus.worst(before, status);
            if (worse != before) {
                worst.put(role, worse);
                since.put(role, worse == CheckStatus.OK ? null : instant(row[2]));
            }
        }
        List<OfficeSummary.ServerGroup> groups = new ArrayList<>();
        for (Object[] row : counts) {
            String role = (String) row[0];
            CheckStatus status = worst.get(role);
            groups.add(new OfficeSummary.ServerGroup(application(role), role, status == null ? null : status.name(),
                    since.get(role), number(row[1]), number(row[2]), number(row[3]), number(row[4])));
        }
        return groups;
    }

    private List<OfficeSummary.StepTickets> tickets(Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select t.step, count(*), count(*) filter (where s.due_at < ?1) from ticket t
                left join ticket_step s on s.ticket_id = t.id and s.ended_at is null
                where t.state = 'OPEN' group by t.step order by t.step""")
                .setParameter(1, now).getResultList();
        return rows.stream().map(r -> new OfficeSummary.StepTickets((String) r[0], number(r[1]), number(r[2]))).toList();
    }

    private OfficeSummary.Escalations escalations() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select level, count(*), min(created_at) from escalation where acknowledged_at is null and resolved_at is null
                group by level order by level""").getResultList();
        Instant oldest = null;
        List<OfficeSummary.LevelCount> open = new ArrayList<>();
        for (Object[] row : rows) {
            open.add(new OfficeSummary.LevelCount((int) number(row[0]), number(row[1])));
            Instant at = instant(row[2]);
            oldest = oldest == null || at.isBefore(oldest) ? at : oldest;
        }
        return new OfficeSummary.Escalations(open, oldest);
    }

    private OfficeSummary.Compliance compliance(YearMonth month) {
        List<OfficeSummary.StepCompliance> steps = reports.figures(month).steps().stream()
                .map(s -> new OfficeSummary.StepCompliance(s.code(), s.count(), s.medianSeconds(), s.p90Seconds(),
                        s.withStandard(), s.withinStandard()))
                .sorted(java.util.Comparator.comparing(OfficeSummary.StepCompliance::step)).toList();
        return new OfficeSummary.Compliance(month.toString(), steps);
    }

    private long findings(Instant from, Instant to) {
        return number(entityManager.createNativeQuery("select count(*) from finding where observed_at >= ?1 and observed_at < ?2")
                .setParameter(1, from).setParameter(2, to).getSingleResult());
    }

    private List<OfficeSummary.VersionCount> versions() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select coalesce(agent_version, 'unknown'), count(*) from server where agent_last_seen is not null
                group by 1 order by 1""").getResultList();
        return rows.stream().map(r -> new OfficeSummary.VersionCount((String) r[0], number(r[1]))).toList();
    }

    private List<OfficeSummary.TicketTitle> titles() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select number, step, title from ticket where state = 'OPEN' order by created_at, id limit 10000""")
                .getResultList();
        return rows.stream().map(r -> new OfficeSummary.TicketTitle((String) r[0], (String) r[1], (String) r[2])).toList();
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
