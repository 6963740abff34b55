package id.siaga.agent.check;

import javax.net.ssl.SSLContext;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;

/**
 * Makes the agent's HTTP clients. Every client keeps a selector thread that wakes every few seconds, so the
 * agent shares one standard client between the service connection and all {@code http} checks with default
 * TLS settings; redirects are followed by the callers, per request.
 */
public final class HttpClients {

    private HttpClients() {
    }

    /** @return a client trusting what the JDK trusts */
    public static HttpClient standard() {
        try {
            return create(TlsTrust.jdkDefault());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this Java runtime", e);
        }
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
