package id.siaga.ticket.support;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server that receives webhook posts, as an operator's chat bridge would. It answers the
 * first {@code failFirst} requests with 503 to prove the sender retries.
 */
public final class WebhookReceiver {

    /** One received request. */
    public record Received(Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final int failFirst;

    private WebhookReceiver(int failFirst) {
        this.failFirst = failFirst;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = 204;
            if (refused.get() < failFirst) {
                refused.incrementAndGet();
                status = 503;
            } else {
                received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public static WebhookReceiver start(int failFirst) {
        return new WebhookReceiver(failFirst);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** @return the requests accepted so far */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** @return how many requests were refused with 503 */
    public int refused() {
        return refused.get();
    }

    public void stop() {
        server.stop(0);
    }
}
