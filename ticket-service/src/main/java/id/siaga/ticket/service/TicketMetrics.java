package id.siaga.ticket.service;

import id.siaga.ticket.domain.Ticket;
import id.siaga.ticket.domain.TicketStep;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ticket meters for dashboards: open tickets per step (read from the database, so every instance reports
 * the same), tickets opened, transitions, and each step's duration against its time standard.
 */
@Startup
@ApplicationScoped
public class TicketMetrics {

    static final String OPEN = "siaga.tickets.open";
    static final String CREATED = "siaga.tickets.created";
    static final String TRANSITIONS = "siaga.ticket.transitions";
    static final String STEP_DURATION = "siaga.sop.step.duration";
    static final String STEP_STANDARD_RATIO = "siaga.sop.step.standard.ratio";
    static final String STEP_COMPLETED = "siaga.sop.step.completed";

    /**
     * Upper bounds of the step-duration ratio's histogram buckets: 1 is the time standard's upper bound. Fixed
     * buckets (not client-side quantiles) so that {@code histogram_quantile} can add them up across instances.
     */
    static final double[] RATIO_BUCKETS = {0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10};

    private final MeterRegistry registry;
    private final EntityManager entityManager;
    private final GaugeFamily openByStep;

    public TicketMetrics(MeterRegistry registry, EntityManager entityManager) {
        this.registry = registry;
        this.entityManager = entityManager;
        this.openByStep = new GaugeFamily(registry, OPEN, "Open tickets at each SOP step", null, false, "step");
    }

    void opened(Ticket ticket) {
        Counter.builder(CREATED).description("Tickets opened").tag("source", ticket.source.name())
                .register(registry).increment();
    }

    void transition(String from, String to) {
        Counter.builder(TRANSITIONS).description("Moves of tickets between SOP steps")
                .tag("from", from).tag("to", to).register(registry).increment();
    }

    /**
     * Records how long a completed step took, and how that compares with its time standard.
     *
     * @param min lower bound of the standard, or null
     * @param max upper bound of the standard, or null
     */
    void stepCompleted(TicketStep step, Duration min, Duration max) {
        Duration took = Duration.between(step.startedAt, step.endedAt);
        Timer.builder(STEP_DURATION).description("Time spent in an SOP step").tag("step", step.code)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofSeconds(1)).maximumExpectedValue(Duration.ofDays(7))
                .register(registry).record(took);
        String within = max == null ? "none" : Boolean.toString(took.compareTo(max) <= 0);
        Counter.builder(STEP_COMPLETED).description("SOP steps completed, by whether within the time standard")
                .tag("step", step.code).tag("within_standard", within).register(registry).increment();
        if (max != null && !max.isZero()) {
            DistributionSummary.builder(STEP_STANDARD_RATIO)
                    .description("Time spent in an SOP step divided by the upper bound of its time standard")
                    .tag("step", step.code).serviceLevelObjectives(RATIO_BUCKETS).register(registry)
                    .record((double) took.toMillis() / max.toMillis());
        }
    }

    /**
     * Re-reads the open tickets per step from the database; every step of every stored SOP version has its series,
     * 0 when no ticket is open there, so that dashboards show 0 rather than "no data".
     */
    @Scheduled(every = "${siaga.metrics.refresh}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void refreshOpenTickets() {
        Map<List<String>, Long> counts = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<String> steps = entityManager.createNativeQuery(
                "select distinct s ->> 'code' from sop_version, jsonb_array_elements(definition -> 'steps') s")
                .getResultList();
        steps.forEach(step -> counts.put(List.of(step), 0L));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select step, count(*) from ticket where state = 'OPEN' group by step").getResultList();
        for (Object[] row : rows) {
            counts.put(List.of((String) row[0]), ((Number) row[1]).longValue());
        }
        openByStep.set(counts);
    }
}
