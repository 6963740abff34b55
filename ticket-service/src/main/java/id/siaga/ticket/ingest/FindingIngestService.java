package id.siaga.ticket.ingest;

import id.siaga.ticket.config.SiagaConfig;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Takes agents' posts and has them written with group commit: each writer thread owns the servers whose id
 * falls to it (so writers never wait for each other's row locks, and one server's posts are applied in order),
 * takes every post waiting for it at that moment (up to a limit) and writes them in one transaction through
 * {@link FindingWriter}; a post is answered once its transaction has committed. Under light load a post is
 * written at once on its own; under heavy load many posts share one transaction and the writers' commits
 * share the database's disk flushes, which is what lets single-finding posts keep up.
 */
@ApplicationScoped
public class FindingIngestService {

    private static final Logger LOG = Logger.getLogger(FindingIngestService.class);
    /**
     * Most posts written in one transaction: when posts arrive faster than they are written, larger groups cost less
     * per post (at 3,420 posts/s of 9 findings offered on two cores, 2,640-2,810 were written with 512 against
     * 2,240-2,510 with 256).
     */
    static final int MAX_POSTS_PER_WRITE = 512;
    /** Most findings written in one transaction (a single larger post is written alone). */
    static final int MAX_FINDINGS_PER_WRITE = 5_000;

    private final FindingWriter writer;
    private final SiagaConfig config;
    private final ObservationWindow window;
    private final List<BlockingQueue<Post>> queues = new ArrayList<>();
    private final List<Thread> writers = new ArrayList<>();
    private final DistributionSummary postsPerWrite;
    private final Clock clock;
    private volatile boolean running;

    public FindingIngestService(FindingWriter writer, SiagaConfig config, MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.writer = writer;
        this.config = config;
        this.window = new ObservationWindow(config.findings().maxClockSkew(), config.findings().retention());
        int writerCount = Math.max(1, config.findings().writers());
        for (int i = 0; i < writerCount; i++) {
            queues.add(new LinkedBlockingQueue<>(Math.max(1, config.findings().queue() / writerCount)));
        }
        this.postsPerWrite = DistributionSummary.builder("siaga.findings.posts.per.write")
                .description("Agent posts written together in one transaction").register(registry);
        Gauge.builder("siaga.findings.queue", queues, q -> q.stream().mapToInt(BlockingQueue::size).sum())
                .description("Agent posts waiting to be written").register(registry);
    }

    /** One post waiting for its transaction. */
    private record Post(FindingWriter.Job job, CompletableFuture<FindingWriter.Result> result) {
    }

    void start(@Observes StartupEvent event) {
        running = true;
        for (int i = 0; i < queues.size(); i++) {
            BlockingQueue<Post> queue = queues.get(i);
            Thread thread = new Thread(() -> writeLoop(queue), "siaga-findings-writer-" + i);
            thread.setDaemon(true);
            thread.start();
            writers.add(thread);
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        for (Thread thread : writers) {
            thread.join(10_000);
        }
        for (BlockingQueue<Post> queue : queues) {
            Post left;
            while ((left = queue.poll()) != null) {
                left.result().completeExceptionally(busy("The service is stopping; send the findings again."));
            }
        }
    }

    /**
     * Queues the findings of one server's agent for its writer, without waiting: the answer completes when they
     * are committed, on the writer's thread, so no request thread is held while the post waits for its group.
     *
     * @return how many were new, how many were already stored, and the re-checks the agent should run; completed
     * exceptionally with a 503 {@link WebApplicationException} when the post is not committed within
     * {@code siaga.findings.write-timeout}, or with what the writer met
     * @throws id.siaga.ticket.domain.InvalidRequestException 422 when a finding is observed outside the
     *                                 {@link ObservationWindow}; nothing of the batch is written
     * @throws WebApplicationException 503 when the service cannot take more posts now
     */
    public CompletableFuture<FindingWriter.Result> ingest(long serverId, List<Finding> findings) {
        window.check(findings, clock.instant());
        Post post = new Post(new FindingWriter.Job(serverId, findings), new CompletableFuture<>());
        BlockingQueue<Post> queue = queues.get((int) Math.floorMod(serverId, (long) queues.size()));
        if (!running || !queue.offer(post)) {
            throw busy("The service is busy writing findings; send them again shortly.");
        }
        return post.result().orTimeout(config.findings().writeTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(FindingIngestService::explain);
    }

    /** @return the failure as the answer should name it: a timeout as 503, anything else as the writer threw it */
    private static CompletableFuture<FindingWriter.Result> explain(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            cause = busy("Writing the findings took too long; send them again (they are stored at most once).");
        }
        return CompletableFuture.failedFuture(cause);
    }

    private void writeLoop(BlockingQueue<Post> queue) {
        while (running || !queue.isEmpty()) {
            try {
                Post first = queue.poll(500, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Post> batch = new ArrayList<>();
                batch.add(first);
                int findings = first.job().findings().size();
                Post next;
                while (batch.size() < MAX_POSTS_PER_WRITE && (next = queue.peek()) != null
                        && findings + next.job().findings().size() <= MAX_FINDINGS_PER_WRITE) {
                    next = queue.poll();
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    findings += next.job().findings().size();
                }
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("The findings writer failed; it carries on", e);
            }
        }
    }

    /** Writes the posts together; if that fails, each alone, so one bad post fails only itself. */
    private void write(List<Post> batch) {
        postsPerWrite.record(batch.size());
        try {
            List<FindingWriter.Result> results = writer.write(batch.stream().map(Post::job).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(results.get(i));
            }
        } catch (RuntimeException together) {
            if (batch.size() == 1) {
                batch.get(0).result().completeExceptionally(together);
                return;
            }
            for (Post post : batch) {
                try {
                    post.result().complete(writer.write(List.of(post.job())).get(0));
                } catch (RuntimeException alone) {
                    post.result().completeExceptionally(alone);
                }
            }
        }
    }

    private static WebApplicationException busy(String message) {
        return new WebApplicationException(message, Response.status(503).header("Retry-After", "5").build());
    }
}
