package id.siaga.agent.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {

    private static final String HEAD = """
            server:
              id: 7
              name: siak-app-01
            service:
              url: https://siaga.example.go.id/
              token: secret
            """;

    @TempDir
    Path dir;

    @Test
    void loadsAValidFileWithDefaults() throws Exception {
        AgentConfig config = load(HEAD + """
                checks:
                  - key: web
                    kind: http
                    url: http://localhost:8080/siak/
                    expectText: SIAK
                    warnMs: 1000
                    critMs: 5000
                  - key: dc
                    kind: reachability
                    host: 10.0.0.1
                    port: 443
                  - key: db-port
                    kind: tcp
                    host: localhost
                    port: 5432
                    dependsOn: dc
                  - key: host
                    kind: host
                    diskFreeWarnPct: 20
                  - key: backup
                    kind: file-age
                    dir: /backup
                    pattern: "*.gz"
                    maxAgeHours: 26
                    warnAgeHours: 25
                """);
        assertEquals(new ServerConfig(7, "siak-app-01"), config.server());
        assertEquals("https://siaga.example.go.id", config.service().url().toString());
        assertEquals("secret", config.service().token());
        assertEquals(Duration.ofSeconds(30), config.interval());
        assertEquals(Path.of(OutboxConfig.DEFAULT_DIR), config.outbox().dir());
        assertEquals(10_000, config.outbox().maxFindings());
        assertEquals(5, config.checks().size());

        CheckSpec.Http http = (CheckSpec.Http) config.checks().get(0).spec();
        assertEquals(200, http.expectStatus());
        assertEquals("SIAK", http.expectText());
        assertEquals(1000L, http.warnMs());
        assertEquals(Duration.ofSeconds(10), http.timeout());
        assertTrue(http.tlsVerify());

        assertEquals("dc", config.checks().get(2).dependsOn());
        CheckSpec.Host host = (CheckSpec.Host) config.checks().get(3).spec();
        assertEquals(85.0, host.cpuWarnPct());
        assertEquals(20.0, host.diskFreeWarnPct());
        assertEquals(5.0, host.diskFreeCritPct());
        assertEquals("checks[4]", config.checks().get(4).path());
    }

    @Test
    void namesThePathOfAnUnknownKind() {
        List<String> problems = problems(HEAD + """
                checks:
                  - key: web
                    kind: htp
                    url: http://localhost/
                """);
        assertEquals(List.of("checks[0].kind: unknown kind 'htp' (known: http, tcp, jdbc, host, process, "
                + "file-age, reachability)"), problems);
    }

    @Test
    void namesThePathOfAnInvalidUrl() {
        List<String> problems = problems(HEAD + """
                checks:
                  - key: a
                    kind: tcp
                    host: localhost
                    port: 22
                  - key: b
                    kind: host
                  - key: web
                    kind: http
                    url: localhost:8080/siak
                """);
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("checks[2].url: not a URL"), problems::toString);
    }

    @Test
    void readsPerCheckTicketThresholdsAndNamesABadOne() throws Exception {
        AgentConfig config = load(HEAD + """
                checks:
                  - key: db-port
                    kind: tcp
                    host: localhost
                    port: 5432
                    openAfter: 3
                    recoverAfter: 4
                  - key: other
                    kind: tcp
                    host: localhost
                    port: 22
                """);
        assertEquals(new TicketThresholds(3, 4), config.checks().get(0).tickets());
        assertEquals(TicketThresholds.SERVICE_DEFAULTS, config.checks().get(1).tickets());
        List<String> problems = problems(HEAD + """
                checks:
                  - key: db-port
                    kind: tcp
                    host: localhost
                    port: 5432
                    openAfter: 0
                """);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("checks[0].openAfter")), problems.toString());
    }

    @Test
    void reportsAMissingServiceUrl() {
        List<String> problems = problems("""
                server:
                  id: 7
                  name: x
                service:
                  token: t
                checks:
                  - key: h
                    kind: host
                """);
        assertEquals(List.of("service.url: missing"), problems);
    }

    @Test
    void reportsEveryProblemAtOnce() {
        List<String> problems = problems("""
                server:
                  id: zero
                service:
                  url: ftp://x
                  token: t
                interval: soon
                checks:
                  - key: db
                    kind: tcp
                    host: localhost
                    port: 99999
                  - key: db
                    kind: host
                    cpuWarnPct: 99
                    cpuCritPct: 90
                    colour: blue
                """);
        assertTrue(problems.contains("server.id: not a whole number: 'zero'"), problems::toString);
        assertTrue(problems.contains("server.name: missing"), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("service.url: not a URL")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("interval: not a duration")), problems::toString);
        assertTrue(problems.contains("checks[0].port: must be between 1 and 65535 (is 99999)"), problems::toString);
        assertTrue(problems.contains("checks[1].cpuWarnPct: must not be above cpuCritPct (90.0)"), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("checks[1].colour: unknown setting")),
                problems::toString);
        assertTrue(problems.contains("checks[1].key: duplicate key 'db' (also checks[0])"), problems::toString);
    }

    @Test
    void requiresDependsOnToNameAReachabilityCheck() {
        List<String> problems = problems(HEAD + """
                checks:
                  - key: db
                    kind: tcp
                    host: localhost
                    port: 5432
                  - key: web
                    kind: http
                    url: http://localhost/
                    dependsOn: db
                  - key: app
                    kind: http
                    url: http://localhost/
                    dependsOn: nowhere
                """);
        assertEquals(List.of(
                "checks[1].dependsOn: 'db' is a tcp check; dependsOn must name a reachability check",
                "checks[2].dependsOn: no check has the key 'nowhere'"), problems);
    }

    @Test
    void substitutesEnvironmentVariablesInStrings() throws Exception {
        Map<String, String> env = Map.of("SIAGA_AGENT_TOKEN", "from-env", "DB_PORT", "6432");
        AgentConfig config = new ConfigLoader(env::get).load(write("""
                server:
                  id: 1
                  name: ${HOSTNAME_NOT_SET:-siak-db}
                service:
                  url: http://siaga:8080
                  token: ${SIAGA_AGENT_TOKEN}
                checks:
                  - key: db
                    kind: tcp
                    host: localhost
                    port: ${DB_PORT}
                  - key: price
                    kind: jdbc
                    url: jdbc:postgresql://localhost/siak
                    password: "$${NOT_A_VARIABLE}"
                    query: select 1
                """));
        assertEquals("from-env", config.service().token());
        assertEquals("siak-db", config.server().name());
        assertEquals(6432, ((CheckSpec.Tcp) config.checks().get(0).spec()).port());
        assertEquals("${NOT_A_VARIABLE}", ((CheckSpec.Jdbc) config.checks().get(1).spec()).password());
    }

    @Test
    void reportsAnUnsetEnvironmentVariableUnlessOnlyLocalChecksAreWanted() throws Exception {
        String text = """
                server:
                  id: 1
                  name: x
                service:
                  url: http://siaga:8080
                  token: ${SIAGA_AGENT_TOKEN}
                checks:
                  - key: h
                    kind: host
                """;
        ConfigException error = assertThrows(ConfigException.class,
                () -> new ConfigLoader(name -> null).load(write(text)));
        assertEquals(List.of("service.token: environment variable SIAGA_AGENT_TOKEN is not set"), error.problems());

        AgentConfig forChecks = new ConfigLoader(name -> null).load(write(text), false);
        assertNull(forChecks.service().token());
    }

    @Test
    void acceptsDurationsInSeveralForms() {
        assertEquals(Duration.ofSeconds(30), ConfigNode.parseDuration("30s"));
        assertEquals(Duration.ofSeconds(30), ConfigNode.parseDuration("PT30S"));
        assertEquals(Duration.ofSeconds(90), ConfigNode.parseDuration("1m30s"));
        assertEquals(Duration.ofMillis(500), ConfigNode.parseDuration("500ms"));
        assertEquals(Duration.ofHours(2), ConfigNode.parseDuration("2h"));
        assertEquals(Duration.ofSeconds(45), ConfigNode.parseDuration("45"));
        assertNull(ConfigNode.parseDuration("soon"));
        assertNull(ConfigNode.parseDuration("30 seconds"));
    }

    @Test
    void namesTheLineOfBrokenYaml() {
        List<String> problems = problems(HEAD + "checks:\n  - key: [unclosed\n");
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).matches("line \\d+, column \\d+: not valid YAML: .*"), problems::toString);
    }

    @Test
    void reportsAMissingFile() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> new ConfigLoader().load(dir.resolve("absent.yaml")));
        assertTrue(error.problems().get(0).startsWith("file not found"));
        assertTrue(error.getMessage().contains("absent.yaml"));
    }

    @Test
    void requiresAtLeastOneCheck() {
        assertEquals(List.of("checks: missing: list at least one check"), problems(HEAD));
        assertEquals(List.of("checks: empty: list at least one check"), problems(HEAD + "checks: []\n"));
    }

    private AgentConfig load(String yaml) throws Exception {
        return new ConfigLoader(name -> null).load(write(yaml));
    }

    private List<String> problems(String yaml) {
        ConfigException error = assertThrows(ConfigException.class, () -> load(yaml));
        return error.problems();
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "agent", ".yaml"), yaml);
    }
}
