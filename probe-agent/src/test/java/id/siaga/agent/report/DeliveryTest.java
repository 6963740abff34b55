package id.siaga.agent.report;

import com.fasterxml.jackson.databind.JsonNode;
import id.siaga.agent.FakeTicketService;
import id.siaga.agent.check.HttpClients;
import id.siaga.agent.check.Status;
import id.siaga.agent.config.ServiceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveryTest {

    private static final HttpClient HTTP = HttpClients.standard();

    @TempDir
    Path dir;

    private final AtomicLong nanos = new AtomicLong();
    private FakeTicketService service;
    private Outbox outbox;

    @BeforeEach
    void start() throws IOException {
        service = new FakeTicketService();
        outbox = new Outbox(dir, 1_000);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void postsTheBacklogOldestFirstAndDeletesItAfterA200() throws Exception {
        List<Finding> findings = findings(3);
        outbox.add(findings);
        Delivery.Result result = delivery(FakeTicketService.TOKEN).drain(false);

        assertTrue(result.delivered());
        assertEquals(3, result.sent());
        assertEquals(0, outbox.size());
        assertEquals(1, service.posts().size());
        FakeTicketService.Received post = service.posts().get(0);
        assertEquals("application/json", post.contentType());
        assertEquals("Bearer " + FakeTicketService.TOKEN, post.authorization());
        assertEquals(ids(findings), ids(service.findings()));
    }

    @Test
    void keepsFindingsThroughAnOutageAndResendsThemWithTheSameIds() throws Exception {
        List<Finding> findings = findings(2);
        outbox.add(findings);
        service.thenAnswer(503);
        Delivery delivery = delivery(FakeTicketService.TOKEN);

        Delivery.Result failed = delivery.drain(false);
        assertFalse(failed.delivered());
        assertEquals(2, outbox.size());
        assertTrue(failed.problem().contains("HTTP 503"), failed.problem());

        Delivery.Result later = delivery.drain(true);
        assertTrue(later.delivered());
        assertEquals(0, outbox.size());
        List<JsonNode> posts = service.findings();
        assertEquals(4, posts.size());
        assertEquals(ids(posts.subList(0, 2)), ids(posts.subList(2, 4)), "retry carries the same ids");
        assertEquals(ids(findings), ids(posts.subList(2, 4)));
    }

    @Test
    void waitsWithBackoffBeforeRetryingAndHonoursRetryAfter() throws Exception {
        outbox.add(findings(1));
        service.thenAnswer(429, "{}", Map.of("Retry-After", "120"));
        Delivery delivery = delivery(FakeTicketService.TOKEN);

        delivery.drain(false);
        assertFalse(delivery.due());
        assertTrue(delivery.nanosUntilDue() >= Duration.ofSeconds(119).toNanos());
        assertEquals(0, delivery.drain(false).sent(), "no attempt while waiting");
        assertEquals(1, service.posts().size());

        nanos.addAndGet(Duration.ofSeconds(121).toNanos());
        assertTrue(delivery.due());
        assertTrue(delivery.drain(false).delivered());
    }

    @Test
    void movesAnInvalidBatchAsideSoItDoesNotBlockTheQueue() throws Exception {
        outbox.add(findings(3));
        service.thenAnswer(422);
        Delivery delivery = delivery(FakeTicketService.TOKEN);

        Delivery.Result result = delivery.drain(false);
        assertTrue(result.delivered(), "nothing left waiting");
        assertEquals(0, outbox.size());
        assertEquals(3, outbox.rejectedTotal());
        try (Stream<Path> rejected = Files.list(dir.resolve("rejected"))) {
            assertEquals(3, rejected.count());
        }
        assertTrue(delivery.due(), "a rejection is not a reason to wait");

        outbox.add(findings(1));
        assertTrue(delivery.drain(false).delivered());
    }

    @Test
    void keepsFindingsAndWaitsLongWhenTheTokenIsRefused() throws Exception {
        outbox.add(findings(2));
        Delivery delivery = delivery("wrong-token");

        Delivery.Result result = delivery.drain(false);
        assertFalse(result.delivered());
        assertTrue(result.problem().contains("HTTP 401"), result.problem());
        assertEquals(2, outbox.size());
        assertEquals(0, outbox.rejectedTotal());
        assertTrue(delivery.nanosUntilDue() > Duration.ofMinutes(4).toNanos());
    }

    @Test
    void halvesTheBatchWhenTheServiceFindsItTooLarge() throws Exception {
        outbox.add(findings(4));
        service.thenAnswer(413);
        Delivery.Result result = delivery(FakeTicketService.TOKEN).drain(false);
        assertTrue(result.delivered());
        assertEquals(List.of(4, 2, 2), service.posts().stream().map(p -> p.body().size()).toList());
    }

    @Test
    void keepsFindingsWhenTheServiceCannotBeReached() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        outbox.add(findings(1));
        Delivery delivery = new Delivery(outbox, new TicketServiceClient(new ServiceConfig(
                URI.create("http://127.0.0.1:" + closedPort), "t"), Duration.ofSeconds(2), "test", HTTP),
                new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), new Random(1)), nanos::get);
        Delivery.Result result = delivery.drain(false);
        assertFalse(result.delivered());
        assertEquals("cannot reach the service: connection refused", result.problem());
        assertEquals(1, outbox.size());
    }

    @Test
    void handsBackRecheckRequestsFromTheAnswer() throws Exception {
        outbox.add(findings(1));
        UUID recheck = UUID.randomUUID();
        service.thenAnswer(200, "{\"accepted\":1,\"duplicates\":0,\"recheck\":[{\"id\":\"" + recheck
                + "\",\"checks\":[\"web\"],\"ticketId\":5}]}", Map.of());
        Delivery.Result result = delivery(FakeTicketService.TOKEN).drain(false);
        assertEquals(List.of(new RecheckRequest(recheck, List.of("web"), 5L)), result.rechecks());
    }

    @Test
    void spreadsRetriesWithFullJitterUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), new Random(42));
        long longest = 0;
        for (int i = 0; i < 40; i++) {
            Duration wait = backoff.next();
            assertTrue(!wait.isNegative() && wait.compareTo(Duration.ofMinutes(5)) <= 0, wait::toString);
            if (i < 3) {
                assertTrue(wait.toMillis() <= 1000L << i, "attempt " + i + " waited " + wait);
            }
            longest = Math.max(longest, wait.toMillis());
        }
        assertTrue(longest > Duration.ofMinutes(1).toMillis(), "later waits grow towards the cap");
        backoff.reset();
        assertTrue(backoff.next().toMillis() <= 1000);
    }

    private Delivery delivery(String token) {
        TicketServiceClient client = new TicketServiceClient(new ServiceConfig(URI.create(service.url()), token),
                Duration.ofSeconds(5), "test", HTTP);
        return new Delivery(outbox, client, new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), new Random(1)),
                nanos::get);
    }

    private static List<Finding> findings(int count) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            findings.add(new Finding(UUID.randomUUID(), 1, "c" + i, "tcp", Status.OK, "ok", Map.of(), Instant.now(),
                    1, null, null));
        }
        return findings;
    }

    private static List<String> ids(List<?> items) {
        return items.stream().map(i -> i instanceof Finding f ? f.id().toString() : ((JsonNode) i).get("id").asText())
                .toList();
    }
}
