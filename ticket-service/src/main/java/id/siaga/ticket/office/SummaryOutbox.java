package id.siaga.ticket.office;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.siaga.ticket.config.SiagaConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Writes this office's summary into its outbox (table {@code office_outbox}) every {@code siaga.upstream.interval},
 * when an upstream is set. Each interval has one slot (its start, a unique key) and the writer takes a transaction
 * advisory lock first, so of several instances sharing the database exactly one writes each interval's summary.
 */
@ApplicationScoped
public class SummaryOutbox {

    /** Advisory lock key of the summary writer ("SIAGA" and 14). */
    static final long WRITE_LOCK = 0x5349414741_0EL;

    private static final Logger LOG = Logger.getLogger(SummaryOutbox.class);

    private final EntityManager entityManager;
    private final SummaryBuilder builder;
    private final OfficeIdentity identity;
    private final SiagaConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    public SummaryOutbox(EntityManager entityManager, SummaryBuilder builder, OfficeIdentity identity, SiagaConfig config,
            ObjectMapper json, Clock clock) {
        this.clock = clock;
        this.entityManager = entityManager;
        this.builder = builder;
        this.identity = identity;
        this.config = config;
        this.json = json;
    }

    void checkSettings(@Observes StartupEvent start) {
        if (config.upstream().url().isPresent() && identity.code() == null) {
            LOG.error("SIAGA_UPSTREAM_URL is set but SIAGA_OFFICE_CODE is not: no summary is sent upward");
        } else if (enabled()) {
            LOG.infof("Office %s sends a summary to %s every %s", identity.getLabel(), config.upstream().url().get(),
                    config.upstream().interval());
        }
    }

    /** @return whether this office sends summaries upward (an upstream URL and an office code are set) */
    public boolean enabled() {
        return config.upstream().url().isPresent() && identity.code() != null;
    }

    /** @return the start of the interval holding {@code now} */
    static Instant slot(Instant now, Duration interval) {
        long millis = Math.max(1000, interval.toMillis());
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), millis) * millis);
    }

    @Scheduled(every = "${siaga.upstream.interval}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (enabled()) {
            write(slot(clock.instant(), config.upstream().interval()));
        }
    }

    /**
     * Writes the summary of an interval unless another instance holds the writer's lock or wrote it already.
     *
     * @return the summary written, or null
     */
    @Transactional
    public OfficeSummary write(Instant slot) {
        Boolean locked = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, WRITE_LOCK).getSingleResult();
        if (!locked) {
            return null;
        }
        List<?> existing = entityManager.createNativeQuery("select 1 from office_outbox where slot = ?1")
                .setParameter(1, slot).getResultList();
        if (!existing.isEmpty()) {
            return null;
        }
        long thinned = SummaryBuilder.number(entityManager.createNativeQuery(
                "select pending from office_outbox_thinned where id = 1 for update").getSingleResult());
        OfficeSummary summary = builder.build(UUID.randomUUID(), slot, thinned);
        String body;
        try {
            body = json.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the summary cannot be written as JSON", e);
        }
        entityManager.createNativeQuery("""
                insert into office_outbox (id, slot, body, created_at) values (?1, ?2, ?3, ?4) on conflict (slot) do nothing""")
                .setParameter(1, summary.summaryId()).setParameter(2, slot).setParameter(3, body)
                .setParameter(4, clock.instant()).executeUpdate();
        if (thinned > 0) {
            entityManager.createNativeQuery("update office_outbox_thinned set pending = pending - ?1 where id = 1")
                    .setParameter(1, thinned).executeUpdate();
        }
        return summary;
    }
}
