package id.siaga.agent.check;

import javax.net.ssl.SSLContext;
import java.net.http.HttpClient;

/**
 * Makes the agent's HTTP clients. Every client keeps a selector thread that wakes every few seconds, so the
 * agent shares one standard client between the service connection and all {@code http} checks with default
 * TLS settings; redirects are followed by the callers, per request.
 */
public final class HttpClients {

    private HttpClients() {
    }

    /** @return a client trusting what the JDK trusts; TLS is set up only at its first https connection */
    public static HttpClient standard() {
        return create(TlsTrust.jdkDefault());
    }

    /** @return an HTTP/1.1 client with the given TLS trust that does not follow redirects */
    public static HttpClient create(SSLContext tls) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(tls)
                .build();
    }
}
