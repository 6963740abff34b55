package id.siaga.agent.report;

import id.siaga.agent.check.WebClient;
import id.siaga.agent.config.ServiceConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP client for the service endpoints the agent uses: posting findings, health for {@code doctor}, and readiness
 * while the agent waits to send its backlog.
 */
public final class TicketServiceClient {

    /** Path findings are posted to. */
    public static final String FINDINGS_PATH = "/api/v1/findings";
    /** Path of the service's health check. */
    public static final String HEALTH_PATH = "/q/health";
    /** Path of the service's readiness check: 200 once it can take findings (its database is up). */
    public static final String READY_PATH = "/q/health/ready";

    private final ServiceConfig service;
    private final Duration timeout;
    /** Most bytes of an answer read. */
    static final int MAX_ANSWER_BYTES = 1 << 20;

    private final String userAgent;
    private final WebClient client;

    /**
     * @param service where the service is and the agent's token
     * @param timeout limit for connecting and getting each answer
     * @param version agent version, sent in the User-Agent header
     * @param client  the agent's standard HTTP client; redirects are not followed
     */
    public TicketServiceClient(ServiceConfig service, Duration timeout, String version, WebClient client) {
        this.service = service;
        this.timeout = timeout;
        this.userAgent = "siaga-agent/" + version;
        this.client = client;
    }

    /**
     * Posts a JSON array of findings.
     *
     * @param jsonArray the request body, a JSON array
     * @throws IOException when the service cannot be reached or does not answer in time
     */
    public Answer postFindings(byte[] jsonArray) throws IOException, InterruptedException {
        return send("POST", FINDINGS_PATH, Map.of(
                "Authorization", "Bearer " + (service.token() == null ? "" : service.token()),
                "Content-Type", "application/json",
                "Accept", "application/json",
                "User-Agent", userAgent), jsonArray);
    }

    /**
     * Reads the service's health ({@code GET /q/health}); needs no token.
     *
     * @throws IOException when the service cannot be reached or does not answer in time
     */
    public Answer health() throws IOException, InterruptedException {
        return get(HEALTH_PATH);
    }

    /**
     * Reads the service's readiness ({@code GET /q/health/ready}); needs no token, costs the service one
     * database ping.
     *
     * @throws IOException when the service cannot be reached or does not answer in time
     */
    public Answer ready() throws IOException, InterruptedException {
        return get(READY_PATH);
    }

    private Answer get(String path) throws IOException, InterruptedException {
        return send("GET", path, Map.of("Accept", "application/json", "User-Agent", userAgent), null);
    }

    /** @return the joined JSON array of already serialised findings */
    public static byte[] jsonArray(List<byte[]> findings) {
        int size = 2 + Math.max(0, findings.size() - 1);
        for (byte[] finding : findings) {
            size += finding.length;
        }
        byte[] body = new byte[size];
        int at = 0;
        body[at++] = '[';
        for (int i = 0; i < findings.size(); i++) {
            if (i > 0) {
                body[at++] = ',';
            }
            byte[] finding = findings.get(i);
            System.arraycopy(finding, 0, body, at, finding.length);
            at += finding.length;
        }
        body[at] = ']';
        return body;
    }

    private Answer send(String method, String path, Map<String, String> headers, byte[] body)
            throws IOException, InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        WebClient.Response response = client.send(method, service.resolve(path), headers, body, timeout,
                MAX_ANSWER_BYTES);
        Optional<Duration> retryAfter = response.header("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
        return new Answer(response.status(), new String(response.body(), StandardCharsets.UTF_8), retryAfter);
    }

    /**
     * The service's answer.
     *
     * @param status     HTTP status
     * @param body       body text, possibly empty
     * @param retryAfter the Retry-After header in seconds, if given
     */
    public record Answer(int status, String body, Optional<Duration> retryAfter) {

        /** @return the body on one line, shortened to at most 300 characters */
        public String shortBody() {
            String text = body == null ? "" : body.replaceAll("\\s+", " ").trim();
            return text.length() <= 300 ? text : text.substring(0, 299) + "…";
        }
    }
}
