package id.siaga.agent;

import com.fasterxml.jackson.databind.JsonNode;
import id.siaga.agent.check.CheckFactory;
import id.siaga.agent.check.CheckRunner;
import id.siaga.agent.check.WebClient;
import id.siaga.agent.check.Status;
import id.siaga.agent.config.AgentConfig;
import id.siaga.agent.config.ConfigLoader;
import id.siaga.agent.report.Backoff;
import id.siaga.agent.report.Delivery;
import id.siaga.agent.report.Finding;
import id.siaga.agent.report.Outbox;
import id.siaga.agent.report.TicketServiceClient;
import id.siaga.agent.support.TicketServiceProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent against the real ticket service (its packaged jar, on a real PostgreSQL): every finding arrives
 * exactly once through an outage and a restart, failing checks become one ticket at ANALYSIS, recoveries and
 * re-checks come back as evidence.
 */
class AgentAgainstServiceIT {

    private static final WebClient HTTP = WebClient.standard();
    private static TicketServiceProcess service;

    @TempDir
    Path dir;

    private ServerSocket openPort;
    private int closedPort;

    @BeforeAll
    static void service() throws Exception {
        service = TicketServiceProcess.shared();
        service.person("adb", "ADB");
    }

    @BeforeEach
    void ports() throws IOException {
        openPort = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        Files.writeString(dir.resolve("siak-backup.dump.gz"), "backup");
    }

    @AfterEach
    void close() throws IOException {
        openPort.close();
    }

    @Test
    void storesEveryCycleOnceWithItsHeartbeat() throws Exception {
        TicketServiceProcess.Server server = service.register("siak-app-cycles", "SIAK_APP");
        AgentConfig config = config(service, server, server.token(), openPort.getLocalPort());
        assertTrue(agent(config).runCycles(2), "delivered");

        assertEquals(8, service.count("select count(*) from finding where server_id = " + server.id()));
        assertEquals(8, service.count("select count(distinct id) from finding where server_id = " + server.id()));
        assertEquals(2, service.count("select count(*) from finding where kind = 'heartbeat' and server_id = " + server.id()
                + " and (measurements ->> 'intervalSeconds')::numeric = 1"));
        JsonNode seen = service.call("GET", "/api/v1/servers/" + server.id(), "adb", "password-123", null, 200);
        assertFalse(seen.get("agentLastSeen").isNull());
        assertEquals("OK", seen.get("worstStatus").asText());
        JsonNode checks = service.call("GET", "/api/v1/servers/" + server.id() + "/checks", "adb", "password-123", null, 200);
        assertEquals(4, checks.size(), checks.toString());
    }

    @Test
    void losesNothingThroughAServiceOutageAndAnAgentRestart() throws Exception {
        try (TicketServiceProcess own = TicketServiceProcess.start(Map.of("SIAGA_NOTIFY_EMAIL", "false"))) {
            TicketServiceProcess.Server server = own.register("siak-app-outage", "SIAK_APP");
            AgentConfig config = config(own, server, server.token(), openPort.getLocalPort());
            assertTrue(agent(config).runCycles(1));

            own.stopProcess();
            assertFalse(agent(config).runCycles(2), "service down: kept in the outbox");
            assertFalse(agent(config).runCycles(1), "agent restarted, service still down");
            assertEquals(12, outboxFiles(config));

            own.startProcess();
            assertTrue(agent(config).runCycles(1), "service back: the backlog and the new cycle are delivered");
            assertEquals(0, outboxFiles(config));
            assertEquals(20, own.count("select count(*) from finding where server_id = " + server.id()));
            assertEquals(20, own.count("select count(distinct id) from finding where server_id = " + server.id()),
                    "every finding stored exactly once");
        }
    }

    @Test
    void deliversTheBacklogWithinOneIntervalOfTheServiceReturningInsteadOfWaitingOutTheBackoff() throws Exception {
        try (TicketServiceProcess own = TicketServiceProcess.start(Map.of("SIAGA_NOTIFY_EMAIL", "false"))) {
            TicketServiceProcess.Server server = own.register("siak-app-return", "SIAK_APP");
            config(own, server, server.token(), openPort.getLocalPort());
            Path file = dir.resolve("agent-" + server.name() + ".yaml");
            Files.writeString(file, Files.readString(file).replace("interval: 1s", "interval: 2s"));
            AgentConfig config = new ConfigLoader().load(file);
            Duration interval = config.interval();
            RandomGenerator longestWait = new RandomGenerator() {
                @Override
                public long nextLong() {
                    return 0;
                }

                @Override
                public long nextLong(long bound) {
                    return bound - 1;
                }
            };
            Duration backoff = Duration.ofMinutes(5);
            Agent agent = agent(config, new Backoff(backoff, backoff, longestWait));
            own.stopProcess();
            Thread daemon = new Thread(agent::run, "agent-daemon");
            daemon.start();
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (outboxFiles(config) < 12 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertTrue(outboxFiles(config) >= 12, "three cycles kept while the service is down");

                own.startProcess();
                Instant ready = Instant.now();
                deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (outboxFiles(config) > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                Duration late = Duration.between(ready, Instant.now());
                long stored = own.count("select count(*) from finding where server_id = " + server.id());
                assertTrue(stored >= 12, stored + " findings stored");
                // one interval, plus time for a just-started service to take its first post on a busy machine;
                // waiting out the backoff would take minutes
                Duration slack = Duration.ofSeconds(15);
                assertTrue(late.compareTo(interval.plus(slack)) <= 0, "backlog delivered " + late.toMillis()
                        + " ms after the service was ready; interval " + interval.toMillis() + " ms, backoff "
                        + backoff.toMinutes() + " min");
            } finally {
                agent.stop();
                assertTrue(agent.awaitStopped(Duration.ofSeconds(10)));
            }
        }
    }

    @Test
    void opensOneTicketForAFailingCheckThenRecordsItsRecoveryAndAReCheck() throws Exception {
        TicketServiceProcess.Server server = service.register("siak-db-failing", "SIAK_DB");
        AgentConfig failing = config(service, server, server.token(), closedPort);
        assertTrue(agent(failing).runCycles(3));
        assertEquals(1, service.count("select count(*) from ticket where state = 'OPEN' and check_key = 'siak-db-port' "
                + "and server_id = " + server.id()));
        long ticket = service.count("select id from ticket where check_key = 'siak-db-port' and server_id = " + server.id());
        JsonNode detail = service.call("GET", "/api/v1/tickets/" + ticket, "adb", "password-123", null, 200);
        assertEquals("ANALYSIS", detail.get("step").asText());
        assertEquals("AGENT", detail.get("source").asText());
        assertEquals("CRITICAL", detail.get("severity").asText(), "CRIT on a SIAK database server");

        service.call("POST", "/api/v1/tickets/" + ticket + "/recheck", "adb", "password-123", null, 202);
        try (ServerSocket listener = new ServerSocket(closedPort, 50, InetAddress.getLoopbackAddress())) {
            assertTrue(agent(failing).runCycles(2));
            JsonNode evidence = service.call("GET", "/api/v1/tickets/" + ticket + "/evidence", "adb", "password-123", null, 200);
            List<String> kinds = evidence.findValuesAsText("kind");
            assertTrue(kinds.contains("RECHECK"), kinds.toString());
            assertTrue(kinds.contains("RECOVERY"), kinds.toString());
            JsonNode after = service.call("GET", "/api/v1/tickets/" + ticket, "adb", "password-123", null, 200);
            assertEquals("OPEN", after.get("state").asText(), "a recovery never closes a ticket");
            assertEquals("OK", after.get("checkStatus").asText());
        }
    }

    @Test
    void opensTheTicketAfterAsManyFailuresAsTheCheckSays() throws Exception {
        TicketServiceProcess.Server server = service.register("siak-db-threshold", "SIAK_DB");
        AgentConfig config = config(service, server, server.token(), closedPort);
        Path file = dir.resolve("agent-" + server.name() + ".yaml");
        Files.writeString(file, Files.readString(file).replace("    timeoutMs: 1000\n",
                "    timeoutMs: 1000\n    openAfter: 3\n"));
        config = new ConfigLoader().load(file);
        assertTrue(agent(config).runCycles(2));
        assertEquals(0, service.count("select count(*) from ticket where server_id = " + server.id()),
                "two failures are not enough for this check");
        assertTrue(agent(config).runCycles(1));
        assertEquals(1, service.count("select count(*) from ticket where check_key = 'siak-db-port' and server_id = "
                + server.id()));
    }

    @Test
    void keepsItsFindingsWhileTheTokenIsRefused() throws Exception {
        TicketServiceProcess.Server server = service.register("ktpel-token", "KTPEL");
        AgentConfig wrong = config(service, server, "siaga_wrong-token", openPort.getLocalPort());
        assertFalse(agent(wrong).runCycles(1));
        assertEquals(0, service.count("select count(*) from finding where server_id = " + server.id()));
        assertEquals(4, outboxFiles(wrong));
        assertTrue(agent(config(service, server, server.token(), openPort.getLocalPort())).runCycles(1));
        assertEquals(8, service.count("select count(*) from finding where server_id = " + server.id()));
    }

    @Test
    void setsAsideAFindingTheServiceRefusesAndDeliversTheRest() throws Exception {
        TicketServiceProcess.Server server = service.register("siak-app-poison", "SIAK_APP");
        AgentConfig config = config(service, server, server.token(), openPort.getLocalPort());
        try (Outbox outbox = new Outbox(config.outbox().dir(), config.outbox().maxFindings())) {
            outbox.add(List.of(new Finding(UUID.randomUUID(), server.id(), "too-long", "tcp", Status.OK, "x".repeat(5000),
                    Map.of(), Instant.now(), 1, null, null)));
        }
        agent(config).runCycles(1);
        assertTrue(agent(config).runCycles(1), "the refused finding no longer blocks the outbox");
        assertEquals(0, service.count("select count(*) from finding where check_key = 'too-long'"));
        assertTrue(service.count("select count(*) from finding where server_id = " + server.id()) >= 4);
        try (var rejected = Files.list(config.outbox().dir().resolve("rejected"))) {
            assertTrue(rejected.findAny().isPresent(), "kept aside for an operator");
        }
    }

    @Test
    void setsAsideAFindingObservedInTheFarFutureAndDeliversTheRest() throws Exception {
        TicketServiceProcess.Server server = service.register("siak-db-future", "SIAK_DB");
        AgentConfig config = config(service, server, server.token(), openPort.getLocalPort());
        UUID future = UUID.randomUUID();
        try (Outbox outbox = new Outbox(config.outbox().dir(), config.outbox().maxFindings())) {
            outbox.add(List.of(new Finding(future, server.id(), "siak-db-port", "tcp", Status.OK, "clock a day ahead",
                    Map.of(), Instant.now().plus(Duration.ofDays(1)), 1, null, null)));
        }
        agent(config).runCycles(1);
        assertTrue(agent(config).runCycles(1), "the refused finding no longer blocks the outbox");
        assertEquals(0, service.count("select count(*) from finding where id = '" + future + "'"));
        assertEquals(0, service.count("select count(*) from finding_seen where id = '" + future + "'"));
        assertEquals(8, service.count("select count(*) from finding where server_id = " + server.id()),
                "both cycles stored");
        assertEquals(1, service.count("select count(*) from check_state where server_id = " + server.id()
                + " and check_key = 'siak-db-port' and observed_at <= now()"), "the check follows today's results");
        try (var rejected = Files.list(config.outbox().dir().resolve("rejected"))) {
            List<Path> files = rejected.toList();
            assertEquals(1, files.size(), "only the future finding is kept aside");
            assertTrue(Files.readString(files.get(0)).contains(future.toString()), files.toString());
        }
    }

    @Test
    void postsEachCycleAsOneBatchWithTheFindingsAsTheAgentSawThem() throws Exception {
        TicketServiceProcess.Server server = service.register("siak-app-batch", "SIAK_APP");
        assertTrue(agent(config(service, server, server.token(), openPort.getLocalPort())).runCycles(1));
        assertEquals(1, service.count("select count(distinct received_at) from finding where server_id = " + server.id()),
                "one post, one transaction");
        assertEquals(1, service.count("select count(*) from finding where server_id = " + server.id()
                + " and check_key = 'dc-link' and kind = 'reachability' and status = 'OK' and measurements ? 'connectMs'"));
        assertEquals(1, service.count("select count(*) from check_state where server_id = " + server.id()
                + " and check_key = 'siak-db-port' and depends_on is null"));
        assertEquals(1, service.count("select count(*) from finding where server_id = " + server.id()
                + " and check_key = 'agent' and kind = 'heartbeat' and measurements ?& array['outboxSize', 'droppedTotal',"
                + " 'rejectedTotal', 'cycleMs', 'intervalSeconds']"));
    }

    @Test
    void sendsFindingsWithoutACopyWhenTheOutboxCannotBeWritten() throws Exception {
        TicketServiceProcess.Server server = service.register("siak-app-diskfull", "SIAK_APP");
        AgentConfig config = config(service, server, server.token(), openPort.getLocalPort());
        Agent agent = agent(config);
        Path outbox = config.outbox().dir();
        try (var files = Files.list(outbox)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(outbox);
        Files.writeString(outbox, "a file where the outbox folder was");
        agent.runCycles(1);
        assertEquals(4, service.count("select count(*) from finding where server_id = " + server.id()),
                "the cycle still reached the service");
    }

    @Test
    void runsOnItsIntervalAndStopsCleanly() throws Exception {
        TicketServiceProcess.Server server = service.register("siak-app-daemon", "SIAK_APP");
        AgentConfig config = config(service, server, server.token(), openPort.getLocalPort());
        Agent agent = agent(config);
        Thread daemon = new Thread(agent::run);
        daemon.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (service.count("select count(*) from finding where kind = 'heartbeat' and server_id = " + server.id()) < 2
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        agent.stop();
        assertTrue(agent.awaitStopped(Duration.ofSeconds(5)));
        assertTrue(service.count("select count(*) from finding where kind = 'heartbeat' and server_id = " + server.id()) >= 2,
                "two cycles one interval apart");
        assertTrue(Files.exists(config.outbox().dir().resolve("agent-state.json")));
    }

    private AgentConfig config(TicketServiceProcess target, TicketServiceProcess.Server server, String token, int dbPort)
            throws Exception {
        Path file = Files.writeString(dir.resolve("agent-" + server.name() + ".yaml"), """
                server:
                  id: %d
                  name: %s
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
                    timeoutMs: 1000
                  - key: backup
                    kind: file-age
                    dir: %s
                    pattern: "*.dump.gz"
                    maxAgeHours: 26
                """.formatted(server.id(), server.name(), target.url(), token, dir.resolve("outbox-" + server.name()),
                openPort.getLocalPort(), dbPort, dir));
        return new ConfigLoader().load(file);
    }

    /** @return the real agent with the given configuration, as its {@code Main} builds it */
    static Agent agent(AgentConfig config) throws Exception {
        return agent(config, new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), new Random(1)));
    }

    private static Agent agent(AgentConfig config, Backoff backoff) throws Exception {
        Outbox outbox = new Outbox(config.outbox().dir(), config.outbox().maxFindings());
        TicketServiceClient client = new TicketServiceClient(config.service(), Duration.ofSeconds(10), "test", HTTP);
        Delivery delivery = new Delivery(outbox, client, backoff, System::nanoTime);
        CheckRunner runner = new CheckRunner(new CheckFactory(Clock.systemUTC(), HTTP).create(config.checks()),
                Clock.systemUTC());
        return new Agent(config, runner, outbox, delivery, Clock.systemUTC(), "test");
    }

    private static long outboxFiles(AgentConfig config) throws IOException {
        try (var files = Files.list(config.outbox().dir())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")
                    && !f.getFileName().toString().equals("agent-state.json")).count();
        }
    }
}
