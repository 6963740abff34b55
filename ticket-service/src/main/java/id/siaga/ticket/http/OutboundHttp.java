package id.siaga.ticket.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * An HTTP client for calls out of the service (Telegram, webhooks, the upstream SIAGA), built at its first call: an
 * instance that never sends (the usual case for Telegram and webhooks) neither loads the client's classes at
 * start-up nor keeps its selector thread.
 */
public final class OutboundHttp {

    private final Duration connectTimeout;
    private volatile HttpClient client;

    /** @param connectTimeout how long a connection may take to open */
    public OutboundHttp(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** Sends a request, as {@link HttpClient#send} does. */
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        return client().send(request, body);
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
                    client = c;
                }
            }
        }
        return c;
    }
}
