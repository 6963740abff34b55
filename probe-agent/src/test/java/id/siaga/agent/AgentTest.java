package id.siaga.agent;

import com.fasterxml.jackson.databind.JsonNode;
import id.siaga.agent.check.CheckFactory;
import id.siaga.agent.check.CheckRunner;
import id.siaga.agent.check.HttpClients;
import id.siaga.agent.config.AgentConfig;
import id.siaga.agent.config.ConfigLoader;
import id.siaga.agent.report.Backoff;
import id.siaga.agent.report.Delivery;
import id.siaga.agent.report.Outbox;
import id.siaga.agent.report.TicketServiceClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentTest {

    private static final HttpClient HTTP = HttpClients.standard();

    @TempDir
    Path dir;

    private FakeTicketService service;
    private ServerSocket openPort;
    private AgentConfig config;

    @BeforeEach
    void setUp() throws Exception {
        service = new FakeTicketService();
        openPort = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Files.writeString(dir.resolve("siak-backup.dump.gz"), "backup");
        Path file = Files.writeString(dir.resolve("agent.yaml"), """
                server:
                  id: 42
                  name: siak-app-test
                service:
                  url: %s
                  token: %s
                interval: 1s
                outbox:
                  dir: %s
                  maxFindings: 1000
                checks:
                  - key: dc-link
                    kind: reachability
                    host: 127.0.0.1
                    port: %d
                    label: data centre
                  - key: siak-db-port
                    kind: tcp
                    host: 127.0.0.1
                    port: %d
                    dependsOn: dc-link
                  - key: backup
                    kind: file-age
                    dir: %s
                    pattern: "*.dump.gz"
                    maxAgeHours: 26
                """.formatted(service.url(), FakeTicketService.TOKEN, dir.resolve("outbox"), openPort.getLocalPort(),
                openPort.getLocalPort(), dir));
        config = new ConfigLoader().load(file);
    }

    @AfterEach
    void tearDown() throws IOException {
        service.close();
        openPort.close();
    }

    @Test
    void postsEachCycleAsOneBatchWithAHeartbeat() throws Exception {
        assertTrue(agent().runCycles(2));

        assertEquals(2, service.posts().size());
        JsonNode batch = service.posts().get(0).body();
        assertEquals(4, batch.size());
        assertEquals(List.of("dc-link", "siak-db-port", "backup", "agent"),
                List.of(batch.get(0).get("check").asText(), batch.get(1).get("check").asText(),
                        batch.get(2).get("check").asText(), batch.get(3).get("check").asText()));
        for (JsonNode finding : batch) {
            UUID.fromString(finding.get("id").asText());
            assertEquals(42, finding.get("serverId").asLong());
            assertEquals("OK", finding.get("status").asText(), finding::toString);
            assertTrue(finding.get("observedAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,3})?Z"),
                    finding::toString);
            assertTrue(finding.get("durationMs").isIntegralNumber());
            assertFalse(finding.get("message").asText().isBlank());
            assertFalse(finding.has("recheckId"));
        }
        assertEquals("reachability", batch.get(0).get("kind").asText());
        assertTrue(batch.get(0).get("measurements").has("connectMs"));
        assertEquals("dc-link", batch.get(1).get("dependsOn").asText());
        assertFalse(batch.get(0).has("dependsOn"));

        JsonNode heartbeat = batch.get(3);
        assertEquals("heartbeat", heartbeat.get("kind").asText());
        for (String name : List.of("outboxSize", "droppedTotal", "rejectedTotal", "cycleMs")) {
            assertTrue(heartbeat.get("measurements").has(name), name);
        }
        assertTrue(service.posts().get(1).body().get(3).get("measurements").has("cpuMs"),
                "from the second heartbeat on, CPU time per cycle is reported");
    }

    @Test
    void losesNothingThroughAnOutageAndARestartAndResendsWithTheSameIds() throws Exception {
        service.thenAnswer(503).thenAnswer(503);
        assertFalse(agent().runCycles(1), "first cycle cannot be delivered");
        List<String> firstIds = ids(service.posts().get(0).body());

        assertFalse(agent().runCycles(1), "after a restart, still failing");
        assertEquals(firstIds, ids(service.posts().get(1).body()).subList(0, 4), "backlog first, same ids");

        assertTrue(agent().runCycles(1), "service back: everything delivered");
        JsonNode last = service.posts().get(2).body();
        assertEquals(12, last.size());
        assertEquals(firstIds, ids(last).subList(0, 4));
        assertEquals(8.0, last.get(11).get("measurements").get("outboxSize").asDouble(),
                "the heartbeat reports the backlog it found");
        try (var files = Files.list(config.outbox().dir())) {
            assertEquals(List.of("agent-state.json"), files.map(f -> f.getFileName().toString()).toList());
        }
    }

    @Test
    void runsRequestedRechecksAtOnceAndTagsTheirFindings() throws Exception {
        UUID recheck = UUID.randomUUID();
        service.thenAnswer(200, "{\"accepted\":4,\"duplicates\":0,\"recheck\":[{\"id\":\"" + recheck
                + "\",\"checks\":[\"backup\"],\"ticketId\":5}]}", Map.of());
        assertTrue(agent().runCycles(1));

        assertEquals(2, service.posts().size());
        JsonNode answer = service.posts().get(1).body();
        assertEquals(1, answer.size());
        assertEquals("backup", answer.get(0).get("check").asText());
        assertEquals(recheck.toString(), answer.get(0).get("recheckId").asText());
    }

    @Test
    void sendsFindingsWithoutACopyWhenTheOutboxCannotBeWritten() throws Exception {
        Agent agent = agent();
        Path outbox = config.outbox().dir();
        try (var files = Files.list(outbox)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(outbox);
        Files.writeString(outbox, "a file where the outbox folder was");

        agent.runCycles(1);
        assertEquals(1, service.posts().size(), "the cycle still reached the service");
        assertEquals(4, service.posts().get(0).body().size());
    }

    @Test
    void runsOnItsIntervalAndStopsCleanly() throws Exception {
        Agent agent = agent();
        Thread daemon = new Thread(agent::run);
        daemon.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (service.posts().size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        agent.stop();
        assertTrue(agent.awaitStopped(Duration.ofSeconds(5)));
        assertTrue(service.posts().size() >= 2, "two cycles one interval apart");
        assertTrue(Files.exists(config.outbox().dir().resolve("agent-state.json")));
    }

    private Agent agent() throws Exception {
        Outbox outbox = new Outbox(config.outbox().dir(), config.outbox().maxFindings());
        TicketServiceClient client = new TicketServiceClient(config.service(), Duration.ofSeconds(5), "test", HTTP);
        Delivery delivery = new Delivery(outbox, client, new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5),
                new Random(1)), System::nanoTime);
        CheckRunner runner = new CheckRunner(new CheckFactory(Clock.systemUTC(), HTTP).create(config.checks()),
                Clock.systemUTC());
        return new Agent(config, runner, outbox, delivery, Clock.systemUTC(), "test");
    }

    private static List<String> ids(JsonNode batch) {
        return StreamSupport.stream(batch.spliterator(), false).map(f -> f.get("id").asText()).toList();
    }
}
