package id.siaga.ticket.office;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.siaga.ticket.config.SiagaConfig;
import id.siaga.ticket.http.OutboundHttp;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts the outbox to the upstream ({@code POST {url}/api/v1/offices/{code}/summaries}), oldest slot first, one at a
 * time, and marks each sent when the upstream took it (2xx; the upstream stores a summary id once, so a post repeated
 * after a crash is harmless). While the upstream cannot be reached (network, 5xx, 401/403, 429) it waits, doubling
 * the wait up to {@code siaga.upstream.max-backoff}, then catches up. A summary the upstream refuses as invalid
 * (other 4xx) is set aside (marked sent with the error) so it does not block the rest. Unsent summaries older than
 * {@code siaga.upstream.thin-after} are thinned to the first of each hour, counted in the next summary. One instance
 * sends at a time (a session advisory lock).
 *
 * <p>On a chained upstream each post also carries, in {@code offices}, the oldest summaries of its offices not yet
 * forwarded ({@code office_forward}, in the order received, at most {@value #FORWARD_BATCH} and about
 * {@value #FORWARD_CHARS} characters a post); they are marked sent with the post that carried them, so they share its
 * back-off, and a repeated post repeats them (the upstream stores each summary id once). Unforwarded summaries older
 * than {@code siaga.upstream.thin-after} are thinned to the first of each office and hour, counted in
 * {@code siaga_upstream_forwards_thinned_total}.
 */
@Startup
@ApplicationScoped
public class UpstreamSender {

    /** Advisory lock key of the sender. */
    static final long SEND_LOCK = 0x5349414741_0FL;
    private static final Logger LOG = Logger.getLogger(UpstreamSender.class);
    private static final int BATCH = 200;
    private static final Duration KEEP_SENT = Duration.ofDays(1);
    /** At most this many forwarded summaries in one post (the upstream takes up to 1000). */
    static final int FORWARD_BATCH = 1000;
    /** About this many characters of forwarded summaries in one post (the upstream takes bodies up to 2 MB). */
    static final int FORWARD_CHARS = 1_500_000;

    /** What became of one post. */
    enum Outcome { SENT, REFUSED, RETRY }

    private final AgroalDataSource dataSource;
    private final SummaryOutbox outbox;
    private final OfficeIdentity identity;
    private final SiagaConfig config;
    private final OutboundHttp http;
    private final ObjectMapper json;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong forwardsPending = new AtomicLong();
    private final Counter forwardsThinned;
    private final Counter sent;
    private final Counter failed;
    private final Counter refused;
    private final Clock clock;
    private int failures;
    private long nextAttemptNanos;

    public UpstreamSender(AgroalDataSource dataSource, SummaryOutbox outbox, OfficeIdentity identity, SiagaConfig config,
            MeterRegistry registry, ObjectMapper json, Clock clock) {
        this.clock = clock;
        this.dataSource = dataSource;
        this.json = json;
        this.outbox = outbox;
        this.identity = identity;
        this.config = config;
        this.http = new OutboundHttp(config.upstream().timeout());
        Gauge.builder("siaga.upstream.outbox.pending", pending, AtomicLong::get)
                .description("Summaries waiting in the outbox for the upstream").register(registry);
        Gauge.builder("siaga.upstream.forwards.pending", forwardsPending, AtomicLong::get)
                .description("Summaries of the offices reporting here waiting to be forwarded to the upstream").register(registry);
        this.forwardsThinned = Counter.builder("siaga.upstream.forwards.thinned")
                .description("Summaries of the offices reporting here dropped unforwarded (thinned to one per office and hour)")
                .register(registry);
        this.sent = Counter.builder("siaga.upstream.summaries.sent").description("Summaries the upstream took")
                .register(registry);
        this.failed = Counter.builder("siaga.upstream.attempts.failed")
                .description("Posts to the upstream that failed and will be repeated").register(registry);
        this.refused = Counter.builder("siaga.upstream.summaries.refused")
                .description("Summaries the upstream refused as invalid (set aside, not repeated)").register(registry);
    }

    /** @return the wait after the given number of failures in a row: 1 s, 2 s, 4 s, ... up to the maximum */
    static Duration backoff(int failures, Duration max) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        long seconds = 1L << Math.min(20, failures - 1);
        return Duration.ofSeconds(seconds).compareTo(max) > 0 ? max : Duration.ofSeconds(seconds);
    }

    /** @return what to do after an answer of this status */
    static Outcome outcome(int status) {
        if (status >= 200 && status < 300) {
            return Outcome.SENT;
        }
        if (status == 401 || status == 403 || status == 408 || status == 429 || status >= 500) {
            return Outcome.RETRY;
        }
        return Outcome.REFUSED;
    }

    @Scheduled(every = "1s", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!outbox.enabled() || System.nanoTime() < nextAttemptNanos) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            if (!lock(c, "select pg_try_advisory_lock(?)")) {
                return;
            }
            try {
                thin(c);
                send(c);
                pending.set(count(c, "select count(*) from office_outbox where sent_at is null"));
                forwardsPending.set(count(c, "select count(*) from office_forward where sent_at is null"));
            } finally {
                lock(c, "select pg_advisory_unlock(?)");
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("The outbox cannot be read: %s", e.getMessage());
        }
    }

    private void send(Connection c) throws SQLException {
        URI target = URI.create(config.upstream().url().get().toString().replaceAll("/+$", "") + "/api/v1/offices/"
                + identity.code() + "/summaries");
        while (true) {
            List<Object[]> batch = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement(
                    "select id, body from office_outbox where sent_at is null order by slot limit " + BATCH);
                    ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    batch.add(new Object[] {rs.getObject(1, UUID.class), rs.getString(2)});
                }
            }
            for (Object[] row : batch) {
                UUID id = (UUID) row[0];
                List<Long> carried = new ArrayList<>();
                String body = withForwards(c, (String) row[1], carried);
                String error;
                Outcome outcome;
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(target)
                            .timeout(config.upstream().timeout())
                            .header("Authorization", "Bearer " + config.upstream().token().orElse(""))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    outcome = outcome(response.statusCode());
                    error = outcome == Outcome.SENT ? null : response.statusCode() + " " + cut(response.body());
                } catch (IOException e) {
                    outcome = Outcome.RETRY;
                    error = e.getClass().getSimpleName() + ": " + e.getMessage();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (outcome == Outcome.RETRY) {
                    failures++;
                    failed.increment();
                    Duration wait = backoff(failures, config.upstream().maxBackoff());
                    nextAttemptNanos = System.nanoTime() + wait.toNanos();
                    record(c, id, false, error);
                    if (failures == 1 || failures % 20 == 0) {
                        LOG.warnf("The upstream did not take summary %s (%s); trying again in %s", id, error, wait);
                    }
                    return;
                }
                if (outcome == Outcome.REFUSED) {
                    LOG.errorf("The upstream refused summary %s: %s; it is set aside", id, error);
                    refused.increment();
                } else {
                    sent.increment();
                }
                if (failures > 0) {
                    LOG.infof("The upstream takes summaries again after %d failed attempts", failures);
                }
                failures = 0;
                record(c, id, true, error);
                forwarded(c, carried);
            }
            if (batch.size() < BATCH) {
                return;
            }
        }
    }

    /**
     * @param carried receives the queue numbers of the forwarded summaries added
     * @return the outbox summary with the oldest unforwarded summaries of the offices reporting here in {@code offices}
     */
    private String withForwards(Connection c, String body, List<Long> carried) throws SQLException {
        ArrayNode offices = null;
        long chars = 0;
        try (PreparedStatement q = c.prepareStatement("""
                select f.seq, s.body from office_forward f join office_summary s on s.id = f.summary_id
                where f.sent_at is null order by f.seq limit ?""")) {
            q.setInt(1, FORWARD_BATCH);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String forward = rs.getString(2);
                    chars += forward.length();
                    if (offices != null && chars > FORWARD_CHARS) {
                        break;
                    }
                    if (offices == null) {
                        offices = json.createArrayNode();
                    }
                    offices.add(json.readTree(forward));
                    carried.add(rs.getLong(1));
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored office summary cannot be read", e);
        }
        if (offices == null) {
            return body;
        }
        try {
            ObjectNode summary = (ObjectNode) json.readTree(body);
            summary.set("offices", offices);
            return json.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an outbox summary cannot be read", e);
        }
    }

    private void forwarded(Connection c, List<Long> carried) throws SQLException {
        if (carried.isEmpty()) {
            return;
        }
        try (PreparedStatement u = c.prepareStatement("update office_forward set sent_at = ? where seq = any (?)")) {
            u.setTimestamp(1, Timestamp.from(clock.instant()));
            u.setArray(2, c.createArrayOf("bigint", carried.toArray()));
            u.executeUpdate();
        }
    }

    private void record(Connection c, UUID id, boolean done, String error) throws SQLException {
        try (PreparedStatement u = c.prepareStatement("update office_outbox set attempts = attempts + 1, last_error = ?, "
                + "sent_at = case when ? then cast(? as timestamptz) else sent_at end where id = ?")) {
            u.setString(1, error == null ? null : cut(error));
            u.setBoolean(2, done);
            u.setTimestamp(3, Timestamp.from(clock.instant()));
            u.setObject(4, id);
            u.executeUpdate();
        }
    }

    /** Thins unsent summaries older than the threshold to the first of each hour, and counts what it removed. */
    private void thin(Connection c) throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement t = c.prepareStatement("""
                with doomed as (
                    delete from office_outbox o where o.sent_at is null and o.slot < ?
                      and exists (select 1 from office_outbox p where p.sent_at is null and p.slot < o.slot
                                  and date_trunc('hour', p.slot at time zone 'UTC') = date_trunc('hour', o.slot at time zone 'UTC'))
                    returning 1)
                update office_outbox_thinned set pending = pending + (select count(*) from doomed) where id = 1""");
                PreparedStatement f = c.prepareStatement("""
                    delete from office_forward o where o.sent_at is null and o.generated_at < ?
                      and exists (select 1 from office_forward p where p.sent_at is null and p.office_code = o.office_code
                                  and p.generated_at < o.generated_at
                                  and date_trunc('hour', p.generated_at at time zone 'UTC')
                                      = date_trunc('hour', o.generated_at at time zone 'UTC'))""");
                PreparedStatement clean = c.prepareStatement("delete from office_outbox where sent_at < ?");
                PreparedStatement cleanForwards = c.prepareStatement("delete from office_forward where sent_at < ?")) {
            Timestamp before = Timestamp.from(now.minus(config.upstream().thinAfter()));
            t.setTimestamp(1, before);
            t.executeUpdate();
            f.setTimestamp(1, before);
            int thinned = f.executeUpdate();
            if (thinned > 0) {
                forwardsThinned.increment(thinned);
                LOG.warnf("Thinned %d unforwarded summaries of the offices reporting here to one per office and hour", thinned);
            }
            Timestamp sentBefore = Timestamp.from(now.minus(KEEP_SENT));
            clean.setTimestamp(1, sentBefore);
            clean.executeUpdate();
            cleanForwards.setTimestamp(1, sentBefore);
            cleanForwards.executeUpdate();
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(sql);
                ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean lock(Connection c, String sql) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setLong(1, SEND_LOCK);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static String cut(String text) {
        return text == null ? "" : text.length() <= 400 ? text : text.substring(0, 400);
    }
}
