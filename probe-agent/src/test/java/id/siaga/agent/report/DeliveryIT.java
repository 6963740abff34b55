package id.siaga.agent.report;

import id.siaga.agent.check.WebClient;
import id.siaga.agent.check.Status;
import id.siaga.agent.config.ServiceConfig;
import id.siaga.agent.support.TicketServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Delivery from the disk outbox to the real ticket service: acknowledged findings leave the outbox, nothing is
 * lost through an outage, invalid findings are set aside one by one, an oversized batch is split, a refused
 * token waits for the operator, and re-check requests come back with the answer.
 */
class DeliveryIT {

    private static final WebClient HTTP = WebClient.standard();
    private static TicketServiceProcess service;
    private static TicketServiceProcess.Server server;

    @TempDir
    Path dir;

    private final AtomicLong nanos = new AtomicLong();
    private Outbox outbox;

    @BeforeAll
    static void start() throws Exception {
        service = TicketServiceProcess.start(Map.of("SIAGA_FINDINGS_MAX_BATCH", "4", "SIAGA_NOTIFY_EMAIL", "false"));
        server = service.register("siak-app-delivery", "SIAK_APP");
        service.person("adb", "ADB");
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    @BeforeEach
    void outbox() throws IOException {
        outbox = new Outbox(dir, 1_000);
    }

    @Test
    void postsTheBacklogAndDeletesItOnceTheServiceAcknowledges() throws Exception {
        List<Finding> findings = findings(3);
        outbox.add(findings);
        Delivery.Result result = delivery(server.token()).drain(false);
        assertTrue(result.delivered());
        assertEquals(3, result.sent());
        assertEquals(0, outbox.size());
        assertEquals(3, stored(findings));
    }

    @Test
    void keepsFindingsThroughAnOutageAndStoresThemOnceAfterwards() throws Exception {
        List<Finding> findings = findings(2);
        outbox.add(findings);
        Delivery delivery = delivery(server.token());
        service.stopProcess();
        try {
            Delivery.Result failed = delivery.drain(false);
            assertFalse(failed.delivered());
            assertEquals("cannot reach the service: connection refused", failed.problem());
            assertEquals(2, outbox.size());
            assertFalse(delivery.due(), "waits before the next attempt");
            assertEquals(0, delivery.drain(false).sent(), "no attempt while waiting");
        } finally {
            service.startProcess();
        }
        nanos.addAndGet(Duration.ofMinutes(6).toNanos());
        assertTrue(delivery.due());
        assertTrue(delivery.drain(false).delivered());
        assertEquals(0, outbox.size());
        assertEquals(2, stored(findings));
    }

    @Test
    void endsTheBackoffAsSoonAsTheServiceIsReadyAgain() throws Exception {
        List<Finding> findings = findings(2);
        outbox.add(findings);
        Delivery delivery = delivery(server.token());
        service.stopProcess();
        try {
            assertFalse(delivery.drain(false).delivered());
            assertFalse(delivery.serviceReturned(), "still down: the backoff stays");
            assertFalse(delivery.due());
        } finally {
            service.startProcess();
        }
        assertTrue(delivery.serviceReturned(), "ready again: the backoff ends without waiting it out");
        assertTrue(delivery.due());
        assertTrue(delivery.drain(false).delivered());
        assertEquals(2, stored(findings));
        assertFalse(delivery.serviceReturned(), "nothing to end once delivered");
    }

    @Test
    void setsAsideOnlyTheFindingTheServiceRefuses() throws Exception {
        List<Finding> good = findings(3);
        Finding invalid = new Finding(UUID.randomUUID(), server.id(), "has,comma", "tcp", Status.OK, "bad key", Map.of(),
                Instant.now(), 1, null, null);
        outbox.add(List.of(good.get(0), invalid, good.get(1), good.get(2)));
        Delivery delivery = delivery(server.token());

        Delivery.Result result = delivery.drain(false);
        assertTrue(result.delivered(), "nothing left waiting");
        assertEquals(0, outbox.size());
        assertEquals(1, outbox.rejectedTotal(), "only the invalid finding is set aside");
        try (Stream<Path> rejected = Files.list(dir.resolve("rejected"))) {
            assertEquals(1, rejected.count());
        }
        assertEquals(3, stored(good));
        assertTrue(delivery.due(), "a refusal is not a reason to wait");
    }

    @Test
    void splitsABatchTheServiceFindsTooLarge() throws Exception {
        List<Finding> findings = findings(6);
        outbox.add(findings);
        assertTrue(delivery(server.token()).drain(false).delivered(), "the service takes 4 at most; sent in halves");
        assertEquals(6, stored(findings));
    }

    @Test
    void keepsFindingsAndWaitsLongWhenTheTokenIsRefused() throws Exception {
        List<Finding> findings = findings(2);
        outbox.add(findings);
        Delivery delivery = delivery("siaga_wrong-token");
        Delivery.Result result = delivery.drain(false);
        assertFalse(result.delivered());
        assertTrue(result.problem().contains("HTTP 401"), result.problem());
        assertEquals(2, outbox.size());
        assertEquals(0, outbox.rejectedTotal());
        assertTrue(delivery.nanosUntilDue() > Duration.ofMinutes(4).toNanos());
        assertFalse(delivery.serviceReturned(), "a ready service does not fix a wrong token");
        assertFalse(delivery.due());
        assertEquals(0, stored(findings));
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
    void handsBackTheReCheckRequestsOfTheAnswer() throws Exception {
        String recheck = service.call("POST", "/api/v1/servers/" + server.id() + "/recheck", "adb", "password-123", null, 202)
                .get("id").asText();
        outbox.add(findings(1));
        Delivery.Result result = delivery(server.token()).drain(false);
        assertTrue(result.rechecks().stream().anyMatch(r -> r.id().toString().equals(recheck) && r.checks().isEmpty()),
                result.rechecks().toString());
    }

    private Delivery delivery(String token) {
        TicketServiceClient client = new TicketServiceClient(new ServiceConfig(URI.create(service.url()), token),
                Duration.ofSeconds(10), "test", HTTP);
        return new Delivery(outbox, client, new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), new Random(1)),
                nanos::get);
    }

    private static List<Finding> findings(int count) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            findings.add(new Finding(UUID.randomUUID(), server.id(), "c" + i, "tcp", Status.OK, "ok", Map.of(),
                    Instant.now(), 1, null, null));
        }
        return findings;
    }

    /** @return how many of these findings the service stored (each at most once) */
    private static long stored(List<Finding> findings) throws Exception {
        String ids = findings.stream().map(f -> "'" + f.id() + "'").collect(Collectors.joining(","));
        return service.count("select count(*) from finding where id in (" + ids + ")");
    }
}
