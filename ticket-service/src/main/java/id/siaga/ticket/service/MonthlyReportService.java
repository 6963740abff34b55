package id.siaga.ticket.service;

import id.siaga.ticket.availability.Availability;
import id.siaga.ticket.availability.AvailabilityService;
import id.siaga.ticket.config.SiagaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of a month for the office's periodic report: how long each SOP step took (count, median,
 * 90th percentile) and how many were completed within the time standard, and the tickets opened by source
 * and by server, the further complaints recorded on open tickets (linked reports, "laporan terkait"), and each
 * server's availability ("ketersediaan", as {@link AvailabilityService} counts it). Months are calendar months in the
 * office's time zone.
 */
@ApplicationScoped
public class MonthlyReportService {

    /**
     * Step visits completed in the month.
     *
     * @param code          the step code
     * @param count         visits completed
     * @param medianSeconds median time taken, in seconds
     * @param p90Seconds    90th-percentile time taken, in seconds
     * @param withStandard  visits that had a due time (a time standard)
     * @param withinStandard visits completed by their due time
     */
    public record StepFigures(String code, long count, double medianSeconds, double p90Seconds, long withStandard,
            long withinStandard) {

        /** @return the share completed within the standard, between 0 and 1; null when the step has no standard */
        public Double withinShare() {
            return withStandard == 0 ? null : (double) withinStandard / withStandard;
        }
    }

    /** A count of tickets under one key (a source, a server name). */
    public record Count(String key, long count) {
    }

    /**
     * A server's time in the month by share (up to now in the current month).
     *
     * @param name  the server's name
     * @param month OK, WARN, CRIT, UNKNOWN, no data and maintenance time
     */
    public record ServerAvailability(long serverId, String name, Availability.Tally month) {
    }

    /**
     * @param month     the month
     * @param from      its first instant, inclusive
     * @param to        the first instant after it
     * @param steps     step figures, by step code
     * @param opened    tickets opened in the month
     * @param closed    tickets closed through the SOP in the month
     * @param cancelled tickets cancelled in the month
     * @param bySource  tickets opened, by source
     * @param byServer  tickets opened, by server name (empty key: no server)
     * @param linkedReports linked reports received in the month, wherever they belong now (including the complaints
     *                  of tickets cancelled as duplicates, by when those were received)
     * @param availability every registered server's availability, by name; empty for a month that has not begun
     */
    public record Figures(YearMonth month, Instant from, Instant to, List<StepFigures> steps, long opened, long closed,
            long cancelled, List<Count> bySource, List<Count> byServer, long linkedReports,
            List<ServerAvailability> availability) {
    }

    private final EntityManager entityManager;
    private final AvailabilityService availability;
    private final SiagaConfig config;
    private final Clock clock;

    public MonthlyReportService(EntityManager entityManager, AvailabilityService availability, SiagaConfig config,
            Clock clock) {
        this.entityManager = entityManager;
        this.availability = availability;
        this.config = config;
        this.clock = clock;
    }

    /** @return the figures of the month */
    public Figures figures(YearMonth month) {
        ZoneId zone = config.zone();
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        return new Figures(month, from, to, steps(from, to), count("created_at", null, from, to),
                count("closed_at", "CLOSED", from, to), count("closed_at", "CANCELLED", from, to),
                counts("select t.source, count(*) from ticket t where t.created_at >= ?1 and t.created_at < ?2 "
                        + "group by t.source order by count(*) desc, t.source", from, to),
                counts("select coalesce(s.name, ''), count(*) from ticket t left join server s on s.id = t.server_id "
                        + "where t.created_at >= ?1 and t.created_at < ?2 group by s.name order by count(*) desc, s.name",
                        from, to),
                number(entityManager.createNativeQuery("select count(*) from ticket_report r where r.received_at >= ?1 "
                        + "and r.received_at < ?2").setParameter(1, from).setParameter(2, to).getSingleResult()),
                availability(month));
    }

    /** @return each server's share of time in the month (up to today), read for all servers at once */
    private List<ServerAvailability> availability(YearMonth month) {
        LocalDate today = LocalDate.now(clock.withZone(config.zone()));
        if (month.atDay(1).isAfter(today)) {
            return List.of();
        }
        LocalDate last = month.atEndOfMonth().isAfter(today) ? today : month.atEndOfMonth();
        AvailabilityService.AllServers all = availability.ofAll(month.atDay(1), last, AvailabilityService.Granularity.MONTH);
        @SuppressWarnings("unchecked")
        List<Object[]> servers = entityManager.createNativeQuery("select s.id, s.name from server s order by s.name, s.id")
                .getResultList();
        List<ServerAvailability> list = new ArrayList<>();
        for (Object[] server : servers) {
            AvailabilityService.ServerTallies tallies = all.of(number(server[0]));
            if (tallies != null) {
                list.add(new ServerAvailability(number(server[0]), (String) server[1], tallies.server().get(0)));
            }
        }
        return list;
    }

    private List<StepFigures> steps(Instant from, Instant to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select s.code, count(*),
                       percentile_cont(0.5) within group (order by extract(epoch from s.ended_at - s.started_at)),
                       percentile_cont(0.9) within group (order by extract(epoch from s.ended_at - s.started_at)),
                       count(*) filter (where s.due_at is not null),
                       count(*) filter (where s.due_at is not null and s.ended_at <= s.due_at)
                from ticket_step s
                where s.ended_at >= ?1 and s.ended_at < ?2
                group by s.code""")
                .setParameter(1, from)
                .setParameter(2, to)
                .getResultList();
        List<StepFigures> figures = new ArrayList<>();
        for (Object[] row : rows) {
            figures.add(new StepFigures((String) row[0], number(row[1]), decimal(row[2]), decimal(row[3]),
                    number(row[4]), number(row[5])));
        }
        return figures;
    }

    private long count(String column, String state, Instant from, Instant to) {
        String sql = "select count(*) from ticket t where t." + column + " >= ?1 and t." + column + " < ?2"
                + (state == null ? "" : " and t.state = ?3");
        var query = entityManager.createNativeQuery(sql).setParameter(1, from).setParameter(2, to);
        if (state != null) {
            query.setParameter(3, state);
        }
        return number(query.getSingleResult());
    }

    private List<Count> counts(String sql, Instant from, Instant to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(sql).setParameter(1, from).setParameter(2, to)
                .getResultList();
        return rows.stream().map(r -> new Count((String) r[0], number(r[1]))).toList();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static double decimal(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }
}
