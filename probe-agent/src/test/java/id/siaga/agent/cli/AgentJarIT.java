package id.siaga.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import id.siaga.agent.TestMariaDb;
import id.siaga.agent.TestPostgres;
import id.siaga.agent.support.TicketServiceProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the packaged jar through the launcher script as a real child process. */
class AgentJarIT {

    private static final Path JAR = Path.of(System.getProperty("agent.jar", "target/siaga-agent.jar"));
    private static final Path LAUNCHER = Path.of("src/main/dist/siaga-agent");

    @TempDir
    Path dir;

    private static TicketServiceProcess service;
    private CliFixture fixture;

    @BeforeAll
    static void service() throws Exception {
        service = TicketServiceProcess.shared();
        service.person("adb", "ADB");
    }

    @BeforeEach
    void setUp() throws IOException {
        fixture = new CliFixture(dir);
    }

    @AfterEach
    void tearDown() throws IOException {
        fixture.close();
    }

    @Test
    void checkPrintsTheTableAndExitsByTheWorstStatus() throws Exception {
        Run ok = run(Map.of(), "check", "-c", fixture.config(fixture.portOpen()).toString());
        assertEquals(0, ok.exitCode(), ok::toString);
        assertTrue(ok.out().startsWith("CHECK"), ok.out());
        assertTrue(ok.out().matches("(?s).*port-open\\s+tcp\\s+OK\\s+port \\d+ on 127\\.0\\.0\\.1 open.*"), ok.out());

        Run warn = run(Map.of(), "check", "-c", fixture.config(fixture.portOpen(), fixture.backupAging()).toString());
        assertEquals(1, warn.exitCode(), warn::toString);

        Run crit = run(Map.of(), "check", "-c",
                fixture.config(fixture.portOpen(), fixture.queryNotANumber(), fixture.portClosed()).toString());
        assertEquals(2, crit.exitCode(), crit::toString);
        assertTrue(crit.out().contains("worst: CRIT (exit 2); 1 OK, 1 UNKNOWN, 1 CRIT"), crit.out());

        Run unknown = run(Map.of(), "check", "-c",
                fixture.config(fixture.backupAging(), fixture.queryNotANumber()).toString());
        assertEquals(3, unknown.exitCode(), unknown::toString);
    }

    @Test
    void checkExitsOneNamingTheBadSetting() throws Exception {
        Run bad = run(Map.of(), "check", "-c", fixture.config("""
                  - key: web
                    kind: http
                    url: not-a-url
                """).toString());
        assertEquals(1, bad.exitCode(), bad::toString);
        assertTrue(bad.err().contains("checks[0].url: not a URL: 'not-a-url'"), bad.err());
    }

    @Test
    void daemonReportsIntoTheServiceStopsCleanlyOnSigtermAndIsThenEscalatedAsSilent() throws Exception {
        TicketServiceProcess.Server server = service.register("ktpel-daemon", "KTPEL");
        Path config = fixture.reportingConfig(server.id(), service.url(), "${SIAGA_AGENT_TOKEN}", fixture.portOpen());
        Files.writeString(config, Files.readString(config).replace("checks:", "interval: 1s\nchecks:"));
        Path log = dir.resolve("daemon.log");
        ProcessBuilder builder = builder(Map.of("SIAGA_AGENT_TOKEN", server.token()), "run", "-c", config.toString());
        Process daemon = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (heartbeats(server) < 2 && System.nanoTime() < deadline && daemon.isAlive()) {
            Thread.sleep(100);
        }
        assertTrue(heartbeats(server) >= 2, "two cycles stored by the service:\n" + Files.readString(log));
        JsonNode seen = service.call("GET", "/api/v1/servers/" + server.id(), "adb", "password-123", null, 200);
        assertEquals("OK", seen.get("worstStatus").asText());

        daemon.destroy();
        assertTrue(daemon.waitFor(20, TimeUnit.SECONDS), "stopped after SIGTERM");
        assertEquals(143, daemon.exitValue());
        String output = Files.readString(log);
        assertTrue(output.contains("agent stopped; 0 finding(s) kept"), output);
        Path outbox = dir.resolve("outbox");
        assertTrue(Files.exists(outbox.resolve("agent-state.json")));
        try (Stream<Path> files = Files.list(outbox)) {
            assertEquals(0, files.filter(f -> f.getFileName().toString().startsWith("f-")).count());
        }

        deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (silentEscalations(server) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertEquals(1, silentEscalations(server), "the stopped agent is escalated to the ADB once");
    }

    @Test
    void showsItsVersionFromTheManifest() throws Exception {
        Run version = run(Map.of(), "--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("siaga-agent 1."), version.out());
    }

    @Test
    void checkLoadsEachBundledJdbcDriverFromThePackagedJarAndLeavesNoCopyBehind() throws Exception {
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            assertTrue(jar.stream().map(ZipEntry::getName).noneMatch(name -> name.startsWith("org/postgresql/")
                    || name.startsWith("org/mariadb/") || name.startsWith("oracle/")), "drivers not among the classes");
        }
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        Path config = fixture.config("""
                  - key: pg
                    kind: jdbc
                    url: %s
                    user: %s
                    password: ro-secret
                    query: select count(*) from penduduk
                    expectValue: "3"
                  - key: maria
                    kind: jdbc
                    url: %s
                    user: %s
                    password: %s
                    query: select 1
                  - key: oracle
                    kind: jdbc
                    url: "jdbc:oracle:thin:@//127.0.0.1:9/SIAK"
                    user: siaga_ro
                    password: x
                    query: select 1 from dual
                    timeoutSeconds: 5
                """.formatted(TestPostgres.siakUrl(), TestPostgres.READ_ONLY_USER, TestMariaDb.url(),
                TestMariaDb.READ_ONLY_USER, TestMariaDb.PASSWORD));

        Run check = run(Map.of("SIAGA_AGENT_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp), "check", "-c", config.toString());

        assertTrue(check.out().matches("(?s).*\\npg\\s+jdbc\\s+OK\\s.*"), check::toString);
        assertTrue(check.out().matches("(?s).*\\nmaria\\s+jdbc\\s+OK\\s.*"), check::toString);
        // No Oracle database here: the Oracle driver itself answers that nothing listens.
        assertTrue(check.out().matches("(?s).*\\noracle\\s+jdbc\\s+CRIT\\s+cannot connect to database: ORA-12541.*"),
                check::toString);
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList(), "the unpacked drivers are removed when the agent exits");
        }
    }

    private Run run(Map<String, String> env, String... args) throws Exception {
        Process process = start(env, args);
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Run(process.exitValue(), out, err);
    }

    private Process start(Map<String, String> env, String... args) throws IOException {
        return builder(env, args).start();
    }

    private ProcessBuilder builder(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of("sh", LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("SIAGA_AGENT_JAR", JAR.toAbsolutePath().toString());
        builder.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        builder.environment().put("SIAGA_AGENT_ENV", dir.resolve("no-env-file").toString());
        builder.environment().remove("SIAGA_AGENT_TOKEN");
        builder.environment().putAll(env);
        return builder;
    }

    private static long heartbeats(TicketServiceProcess.Server server) throws Exception {
        return service.count("select count(*) from finding where kind = 'heartbeat' and server_id = " + server.id());
    }

    private static long silentEscalations(TicketServiceProcess.Server server) throws Exception {
        return service.count("select count(*) from escalation where reason = 'AGENT_SILENT' and recipient_role = 'ADB' "
                + "and server_id = " + server.id());
    }

    private record Run(int exitCode, String out, String err) {
    }
}
