package id.siaga.agent;

import com.fasterxml.jackson.databind.JsonNode;
import id.siaga.agent.report.Json;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A stand-in for the ticket service's findings endpoint on a real local HTTP server: records every request
 * and answers with scripted answers, then with 200 and an acknowledgement. Checks the bearer token.
 */
public final class FakeTicketService implements AutoCloseable {

    public static final String TOKEN = "test-token-123";

    private final HttpServer server;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Answer> script = new ConcurrentLinkedDeque<>();

    public FakeTicketService() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/findings", this::findings);
        server.createContext("/q/health", exchange -> send(exchange, new Answer(200,
                "{\"status\":\"UP\",\"checks\":[]}", Map.of())));
        server.start();
    }

    /** @return the base URL, e.g. http://127.0.0.1:41234 */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Makes the next post get this answer instead of the default 200. */
    public FakeTicketService thenAnswer(int status, String body, Map<String, String> headers) {
        script.add(new Answer(status, body, headers));
        return this;
    }

    public FakeTicketService thenAnswer(int status) {
        return thenAnswer(status, "{\"title\":\"scripted\",\"status\":" + status + "}", Map.of());
    }

    /** @return the posts received so far, oldest first */
    public List<Received> posts() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** @return every finding of every post, oldest first */
    public List<JsonNode> findings() {
        List<JsonNode> all = new ArrayList<>();
        for (Received post : posts()) {
            post.body().forEach(all::add);
        }
        return all;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void findings(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (!("Bearer " + TOKEN).equals(authorization)) {
            send(exchange, new Answer(401, "{\"title\":\"Unauthorized\"}", Map.of()));
            return;
        }
        JsonNode body = Json.read(bytes);
        received.add(new Received(exchange.getRequestHeaders().getFirst("Content-Type"), authorization, body));
        Answer answer = script.poll();
        if (answer == null) {
            answer = new Answer(200, "{\"accepted\":" + body.size() + ",\"duplicates\":0,\"recheck\":[]}", Map.of());
        }
        send(exchange, answer);
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A post as received. */
    public record Received(String contentType, String authorization, JsonNode body) {
    }

    private record Answer(int status, String body, Map<String, String> headers) {
    }
}
