package id.siaga.agent.check;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agent's HTTP/1.1 client, shared by the service connection and the {@code http} checks: one request at a
 * time on the calling thread over the JDK's {@link HttpURLConnection}, never through a proxy, never following
 * redirects (the callers do, per request). It needs no thread of its own and a few dozen classes, where the
 * JDK's {@code java.net.http} client keeps a selector thread awake and loads a few hundred. TLS is set up at the
 * first https request only, so an agent that speaks plain http never loads the CA list. The agent's {@code Main}
 * turns the JDK's connection reuse off ({@code http.keepAlive=false}): with one request per target a cycle, a
 * kept connection would be idle for a whole interval, and the keep-alive cache's timer thread wakes every 5 s
 * meanwhile; https connections resume their TLS session instead of a full handshake.
 */
public final class WebClient {

    private final SSLContext tls;
    private volatile SSLSocketFactory sockets;

    private WebClient(SSLContext tls) {
        this.tls = tls;
    }

    /** @return a client trusting what the JDK trusts */
    public static WebClient standard() {
        return create(TlsTrust.jdkDefault());
    }

    /** @return a client with the given TLS trust */
    public static WebClient create(SSLContext tls) {
        return new WebClient(tls);
    }

    /**
     * Sends one request and reads the answer.
     *
     * @param method       GET or POST
     * @param body         the request body, or {@code null} for none
     * @param timeout      limit for connecting and for each wait for the server's bytes
     * @param maxBodyBytes most bytes of the answer's body read; the rest is discarded
     * @throws SocketTimeoutException when the server does not connect or answer within {@code timeout}
     * @throws IOException            when the server cannot be reached or the TLS handshake fails
     */
    public Response send(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout,
                         int maxBodyBytes) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
        if (connection instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(sockets());
        }
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        connection.setConnectTimeout(millis);
        connection.setReadTimeout(millis);
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setRequestMethod(method);
        connection.setRequestProperty("Accept", "*/*");
        headers.forEach(connection::setRequestProperty);
        connection.setDoOutput(body != null);
        connection.connect();
        List<Certificate> certificates = List.of();
        if (connection instanceof HttpsURLConnection https) {
            try {
                certificates = List.of(https.getServerCertificates());
            } catch (SSLPeerUnverifiedException e) {
                certificates = List.of();
            }
        }
        if (body != null) {
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
        }
        int status = connection.getResponseCode();
        byte[] content;
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            content = in == null ? new byte[0] : in.readNBytes(maxBodyBytes);
        }
        return new Response(status, connection.getHeaderFields(), content, certificates);
    }

    private SSLSocketFactory sockets() {
        SSLSocketFactory factory = sockets;
        if (factory == null) {
            factory = tls.getSocketFactory();
            sockets = factory;
        }
        return factory;
    }

    /**
     * An answer.
     *
     * @param status       HTTP status
     * @param headers      header fields as received; names are matched ignoring case by {@link #header}
     * @param body         the body, at most the bytes asked for
     * @param certificates the server's certificate chain for https, leaf first; empty for http
     */
    public record Response(int status, Map<String, List<String>> headers, byte[] body,
                           List<Certificate> certificates) {

        /** @return the first value of the header, its name matched ignoring case */
        public Optional<String> header(String name) {
            for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
                if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                    return Optional.of(entry.getValue().get(0));
                }
            }
            return Optional.empty();
        }
    }
}
