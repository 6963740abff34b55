package id.siaga.ticket.service;

import id.siaga.ticket.domain.Ticket;
import id.siaga.ticket.domain.TicketStep;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ticket meters for dashboards: open tickets per step (read from the database, so every instance reports
 * the same), tickets opened, transitions, and each step's duration against its time standard.
 */
@ApplicationScoped
public class TicketMetrics {

    static final String OPEN = "siaga.tickets.open";
    static final String CREATED = "siaga.tickets.created";
    static final String TRANSITIONS = "siaga.ticket.transitions";
    static final String STEP_DURATION = "siaga.sop.step.duration";
    static final String STEP_STANDARD_RATIO = "siaga.sop.step.standard.ratio";
    static final String STEP_COMPLETED = "siaga.sop.step.completed";

    private final MeterRegistry registry;
    private final EntityManager entityManager;
    private final Map<String, AtomicLong> openByStep = new ConcurrentHashMap<>();

    public TicketMetrics(MeterRegistry registry, EntityManager entityManager) {
        this.registry = registry;
        this.entityManager = entityManager;
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
                    .tag("step", step.code).publishPercentiles(0.5, 0.9).register(registry)
                    .record((double) took.toMillis() / max.toMillis());
        }
    }

    /** Re-reads the open tickets per step from the database. */
    @Scheduled(every = "${siaga.metrics.refresh:30s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void refreshOpenTickets() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select step, count(*) from ticket where state = 'OPEN' group by step").getResultList();
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : rows) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        openByStep.keySet().forEach(step -> counts.putIfAbsent(step, 0L));
        counts.forEach((step, count) -> openByStep.computeIfAbsent(step, s -> {
            AtomicLong holder = new AtomicLong();
            Gauge.builder(OPEN, holder, AtomicLong::get).description("Open tickets at each SOP step")
                    .tag("step", s).register(registry);
            return holder;
        }).set(count));
    }
}
