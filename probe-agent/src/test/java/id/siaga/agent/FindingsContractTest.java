package id.siaga.agent;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.siaga.agent.check.CheckFactory;
import id.siaga.agent.check.CheckRunner;
import id.siaga.agent.check.WebClient;
import id.siaga.agent.config.AgentConfig;
import id.siaga.agent.config.ConfigLoader;
import id.siaga.agent.report.Backoff;
import id.siaga.agent.report.Delivery;
import id.siaga.agent.report.Outbox;
import id.siaga.agent.report.TicketServiceClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract between the agent and the ticket service: every body the real agent posts (a cycle's findings
 * batch with its heartbeat, and the findings of a re-check the service asked for), made by the agent's own
 * serialisation and caught by a local stand-in of the service, is valid against the request-body schema of the
 * committed {@code openapi/openapi.yaml} (resolved with its {@code $ref}s by the networknt JSON Schema
 * validator, OpenAPI 3.1 dialect, formats asserted). Bodies that drift from it (a field the service does not
 * declare, a wrong type, a missing required field) are refused by the same validator.
 *
 * <p>The committed document leaves object schemas open (no {@code additionalProperties: false}) and the service
 * ignores unknown fields, so a renamed field would pass unnoticed; the test therefore closes every object schema
 * that declares {@code properties} and says nothing about others, in memory, before validating.
 */
class FindingsContractTest {

    private static final Path OPENAPI = Path.of("..", "openapi", "openapi.yaml");
    private static final String DOCUMENT_IRI = "https://siaga.test/openapi.json";
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final WebClient HTTP = WebClient.standard();

    private static Schema findingsBody;

    @TempDir
    Path dir;

    private HttpServer standIn;
    private final List<CheckRunner> runners = new ArrayList<>();
    private final List<String> posts = new ArrayList<>();
    private final List<String> postPaths = new ArrayList<>();
    private final UUID recheckId = UUID.randomUUID();

    @BeforeAll
    static void readTheCommittedDocument() throws IOException {
        JsonNode document = new YAMLMapper().readTree(Files.readString(OPENAPI));
        closeObjectSchemas(document.path("components").path("schemas"));
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(DOCUMENT_IRI, JSON.writeValueAsString(document))));
        findingsBody = registry.getSchema(SchemaLocation.of(DOCUMENT_IRI
                + "#/paths/~1api~1v1~1findings/post/requestBody/content/application~1json/schema"));
    }

    @BeforeEach
    void startStandIn() throws IOException {
        standIn = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        standIn.createContext("/", this::answer);
        standIn.start();
    }

    @AfterEach
    void stopStandIn() {
        runners.forEach(CheckRunner::close);
        standIn.stop(0);
    }

    @Test
    void everyBodyTheAgentPostsMatchesTheFindingsRequestSchema() throws Exception {
        Agent agent = agent(config());

        assertTrue(agent.runCycles(2), "the stand-in acknowledged every post");

        assertEquals(3, posts.size(), "two cycles and the re-check the first answer asked for: " + postPaths);
        assertTrue(postPaths.stream().allMatch(TicketServiceClient.FINDINGS_PATH::equals), postPaths.toString());
        Set<String> kinds = new TreeSet<>();
        boolean recheckAnswered = false;
        boolean thresholdsSent = false;
        for (String body : posts) {
            assertEquals(List.of(), errors(body), body);
            for (JsonNode finding : JSON.readTree(body)) {
                kinds.add(finding.path("kind").asString());
                recheckAnswered |= recheckId.toString().equals(finding.path("recheckId").asString(null));
                thresholdsSent |= finding.has("openAfter") && finding.has("recoverAfter");
            }
        }
        assertEquals(Set.of("heartbeat", "host", "http", "tcp", "reachability", "file-age", "process"), kinds);
        assertTrue(recheckAnswered, "a re-check answer carries its recheckId");
        assertTrue(thresholdsSent, "a check's ticket thresholds are sent");
    }

    @Test
    void aFieldTheServiceDoesNotDeclareIsRefused() throws Exception {
        ArrayNode batch = realBatch();
        ((ObjectNode) batch.get(0)).put("openAfterCount", 3);

        assertRefused(batch, "openAfterCount");
    }

    @Test
    void aWronglyTypedFieldIsRefused() throws Exception {
        ArrayNode batch = realBatch();
        ((ObjectNode) batch.get(0)).put("durationMs", "12");

        assertRefused(batch, "durationMs");
    }

    @Test
    void aMissingRequiredFieldIsRefused() throws Exception {
        ArrayNode batch = realBatch();
        ((ObjectNode) batch.get(0)).remove("observedAt");

        assertRefused(batch, "observedAt");
    }

    @Test
    void anUnknownStatusOrAMalformedTimeIsRefused() throws Exception {
        ArrayNode batch = realBatch();
        ((ObjectNode) batch.get(0)).put("status", "FINE");
        ((ObjectNode) batch.get(1)).put("observedAt", "2026-12-02 06:00:00");

        List<String> errors = errors(JSON.writeValueAsString(batch));
        assertTrue(errors.stream().anyMatch(e -> e.contains("/0/status")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("/1/observedAt")), errors.toString());
    }

    /** @return the first body the real agent posted, as a tree to change one field of */
    private ArrayNode realBatch() throws Exception {
        agent(config()).runCycles(1);
        ArrayNode batch = (ArrayNode) JSON.readTree(posts.get(0));
        assertEquals(List.of(), errors(posts.get(0)), "the agent's own body is valid");
        return batch;
    }

    private static void assertRefused(ArrayNode batch, String field) {
        List<String> errors = errors(JSON.writeValueAsString(batch));
        assertFalse(errors.isEmpty(), "refused: " + batch);
        assertTrue(errors.stream().anyMatch(e -> e.contains(field)), errors.toString());
    }

    private static List<String> errors(String body) {
        return findingsBody.validate(body, InputFormat.JSON,
                        context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)))
                .stream().map(Error::toString).toList();
    }

    /**
     * Closes every object schema that lists its {@code properties} and says nothing about others, down to the
     * nested ones; maps such as {@code measurements} keep their {@code additionalProperties}.
     */
    private static void closeObjectSchemas(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            object.values().forEach(FindingsContractTest::closeObjectSchemas);
        } else if (node instanceof ArrayNode array) {
            array.values().forEach(FindingsContractTest::closeObjectSchemas);
        }
    }

    /** The stand-in's answers: the first post is asked for a re-check of "web", the others just acknowledged. */
    private void answer(HttpExchange exchange) throws IOException {
        String answer;
        int status = 200;
        if ("POST".equals(exchange.getRequestMethod())) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            synchronized (posts) {
                posts.add(body);
                postPaths.add(exchange.getRequestURI().getPath());
                String recheck = posts.size() == 1
                        ? "{\"id\":\"" + recheckId + "\",\"checks\":[\"web\"],\"ticketId\":7}" : "";
                answer = "{\"accepted\":" + JSON.readTree(body).size() + ",\"duplicates\":0,\"recheck\":["
                        + recheck + "]}";
            }
        } else {
            answer = "UP";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** @return an agent configuration with one check of each kind that needs no database */
    private AgentConfig config() throws Exception {
        int port = standIn.getAddress().getPort();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Files.writeString(dir.resolve("backup.dump.gz"), "x");
        Path file = dir.resolve("agent.yaml");
        Files.writeString(file, """
                server: {id: 11, name: contract}
                service: {url: "http://127.0.0.1:%d", token: contract-token}
                interval: 30s
                outbox: {dir: "%s"}
                checks:
                  - {key: dc-link, kind: reachability, host: 127.0.0.1, port: %d, label: data centre}
                  - {key: host, kind: host}
                  - {key: web, kind: http, url: "http://127.0.0.1:%d/", expectText: UP, dependsOn: dc-link,
                     openAfter: 3, recoverAfter: 1}
                  - {key: db-port, kind: tcp, host: 127.0.0.1, port: %d, timeoutMs: 1000}
                  - {key: backup, kind: file-age, dir: "%s", pattern: "*.dump.gz", maxAgeHours: 26}
                  - {key: web-server, kind: process, name: no-such-process-siaga, min: 1}
                """.formatted(port, dir.resolve("outbox"), port, port, closedPort, dir));
        return new ConfigLoader().load(file);
    }

    /** @return the real agent, as {@code RunCommand} builds it */
    private Agent agent(AgentConfig config) throws Exception {
        Outbox outbox = new Outbox(config.outbox().dir(), config.outbox().maxFindings());
        TicketServiceClient client = new TicketServiceClient(config.service(), Duration.ofSeconds(10), "test", HTTP);
        Delivery delivery = new Delivery(outbox, client,
                new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), new Random(1)), System::nanoTime);
        CheckRunner runner = new CheckRunner(new CheckFactory(Clock.systemUTC(), HTTP).create(config.checks()),
                Clock.systemUTC());
        runners.add(runner);
        return new Agent(config, runner, outbox, delivery, Clock.systemUTC(), "test");
    }
}
