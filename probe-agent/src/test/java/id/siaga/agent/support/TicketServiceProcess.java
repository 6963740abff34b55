package id.siaga.agent.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real SIAGA ticket service for the agent's tests: the packaged jar of the {@code ticket-service} module
 * ({@code ../ticket-service/target/quarkus-app/quarkus-run.jar}, built before this module) running as a
 * process on its own throw-away PostgreSQL. The service can be stopped and started again on the same
 * database to make an outage.
 */
public final class TicketServiceProcess implements AutoCloseable {

    /** The packaged service. */
    public static final Path JAR = Path.of("..", "ticket-service", "target", "quarkus-app", "quarkus-run.jar");
    public static final String ADMIN_PASSWORD = "agent-tests-admin";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static TicketServiceProcess shared;

    private final EmbeddedPostgres postgres;
    private final Map<String, String> settings;
    private final int port;
    private final Path log;
    private Process process;

    private TicketServiceProcess(Map<String, String> settings) throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException("the ticket service is not packaged at " + JAR.toAbsolutePath()
                    + "; build the whole project (mvn -B verify) so ticket-service is packaged before probe-agent");
        }
        this.postgres = EmbeddedPostgres.builder().start();
        this.settings = Map.copyOf(settings);
        this.port = freePort();
        this.log = Files.createTempFile("siaga-ticket-service-", ".log");
    }

    /**
     * @param settings environment of the service beyond its database (e.g. fast escalation sweeps)
     * @return a started service on a new database
     */
    public static TicketServiceProcess start(Map<String, String> settings) throws Exception {
        TicketServiceProcess service = new TicketServiceProcess(settings);
        service.startProcess();
        return service;
    }

    /**
     * @return one service for the whole test run, sweeping escalations every second so that silent agents are
     * found within seconds; stopped when the JVM exits
     */
    public static synchronized TicketServiceProcess shared() throws Exception {
        if (shared == null) {
            shared = start(Map.of("SIAGA_ESCALATION_SWEEP", "1s", "SIAGA_ESCALATION_SILENT_INTERVALS", "2",
                    "SIAGA_NOTIFY_EMAIL", "false"));
            TicketServiceProcess stopAtExit = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    stopAtExit.close();
                } catch (Exception e) {
                    System.err.println("stopping the ticket service failed: " + e);
                }
            }));
        }
        return shared;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the service process (again) on the same database and port, and waits until it is ready. */
    public void startProcess() throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-XX:+UseSerialGC", "-jar", JAR.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", "postgres"));
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("SIAGA_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.putAll(settings);
        process = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the ticket service exited:\n" + log());
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException starting) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the ticket service did not start:\n" + log());
    }

    /** Stops the service process; the database keeps running. */
    public void stopProcess() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** A server registered by the administrator, and its agent token. */
    public record Server(long id, String name, String token) {
    }

    public Server register(String name, String role) throws Exception {
        JsonNode created = call("POST", "/api/v1/servers", "admin", ADMIN_PASSWORD,
                Map.of("name", name, "role", role, "location", "Painan"), 201);
        return new Server(created.get("id").asLong(), name, created.get("agentToken").asText());
    }

    /** Creates a person with a role (password {@code password-123}) unless they exist. */
    public void person(String username, String role) throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/users", "admin", ADMIN_PASSWORD, Map.of("username", username,
                "fullName", "Test " + role, "password", "password-123", "roles", List.of(role)));
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            throw new IllegalStateException("could not create " + username + ": " + response.body());
        }
    }

    /** Calls the API as a person and returns the answer's JSON, failing unless the status is as expected. */
    public JsonNode call(String method, String path, String user, String password, Object body, int expectedStatus)
            throws Exception {
        HttpResponse<String> response = send(method, path, user, password, body);
        if (response.statusCode() != expectedStatus) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ", expected "
                    + expectedStatus + ": " + response.body());
        }
        return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String user, String password, Object body)
            throws Exception {
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Basic " + auth).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** @return the single number the query answers, read straight from the service's database */
    public long count(String sql) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** @return everything the service printed */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        stopProcess();
        postgres.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
