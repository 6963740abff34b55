package id.siaga.ticket.it;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The packaged ticket service ({@code target/quarkus-app/quarkus-run.jar}) running as a real process. */
public final class ServiceProcess implements AutoCloseable {

    /** The jar the build packaged. */
    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the service on a free port with the given environment (database, settings) and waits until it
     * is ready.
     */
    public static ServiceProcess start(String name, Map<String, String> environment) throws Exception {
        return start(name, environment, freePort());
    }

    /** Starts the service on the given port (e.g. again after {@link #close()}, where its offices expect it). */
    public static ServiceProcess start(String name, Map<String, String> environment, int port) throws Exception {
        return start(name, environment, port, List.of("-jar", JAR.toAbsolutePath().toString()), null);
    }

    /**
     * Starts the service as the systemd unit and {@code ./run.sh} do: from its package folder, with the class-data
     * sharing archive the build made ({@code -XX:SharedArchiveFile=app-cds.jsa}) and the given JVM options.
     */
    public static ServiceProcess startAsDeployed(String name, Map<String, String> environment, List<String> jvmOptions)
            throws Exception {
        List<String> arguments = new ArrayList<>(jvmOptions);
        arguments.addAll(List.of("-XX:SharedArchiveFile=app-cds.jsa", "-jar", "quarkus-run.jar"));
        return start(name, environment, freePort(), arguments, JAR.toAbsolutePath().getParent());
    }

    private static ServiceProcess start(String name, Map<String, String> environment, int port, List<String> arguments,
            Path folder) throws Exception {
        Path log = Files.createTempFile("siaga-" + name + "-", ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC"));
        // e.g. -Dsiaga.service.jvm=-XX:StartFlightRecording=filename=/tmp/siaga.jfr to profile the service
        String extra = System.getProperty("siaga.service.jvm", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (folder != null) {
            builder.directory(folder.toFile());
        }
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        ServiceProcess service = new ServiceProcess(builder.start(), port, log);
        // a loaded machine (benchmarks beside other work) may need longer: -Dsiaga.service.ready-seconds
        service.awaitReady(Duration.ofSeconds(Integer.getInteger("siaga.service.ready-seconds", 240)));
        return service;
    }

    /**
     * @return the settings of instances sharing one database that sweep every second (a 24x7 office, second-level
     *         escalations after 2 s), to add to
     */
    public static Map<String, String> sweepingEnvironment(EmbeddedPostgres postgres, String adminPassword) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", "postgres"));
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("SIAGA_ADMIN_PASSWORD", adminPassword);
        env.put("SIAGA_CALENDAR_ALWAYS_OPEN", "true");
        env.put("SIAGA_ESCALATION_SWEEP", "1s");
        env.put("SIAGA_ESCALATION_KABID_AFTER", "PT2S");
        return env;
    }

    /** @return a JSON request to this instance with the user's HTTP Basic credentials */
    public RequestSpecification as(String username, String password) {
        return RestAssured.given().baseUri(url()).auth().preemptive().basic(username, password)
                .contentType(ContentType.JSON);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** @return the operating system's id of the service's process */
    public long pid() {
        return process.pid();
    }

    /** @return everything the service printed so far */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service did not become ready in " + timeout + ":\n" + log());
    }

    /** Stops the service (SIGTERM, then SIGKILL after 20 s). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
