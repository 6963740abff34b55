package id.siaga.agent.check;

import javax.net.ssl.SSLContext;
import java.net.http.HttpClient;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Makes the agent's HTTP clients. Every client keeps a selector thread that wakes every few seconds, so the
 * agent shares one standard client between the service connection and all {@code http} checks with default
 * TLS settings; redirects are followed by the callers, per request. A client's completion work runs on one
 * daemon thread that ends when idle, not on the JDK's default pool that keeps a thread per concurrent request.
 */
public final class HttpClients {

    /** How long the completion thread waits for work before it ends, in seconds: longer than a cycle. */
    private static final long IDLE_SECONDS = 90;

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
                .executor(oneThread())
                .build();
    }

    private static Executor oneThread() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "http-client");
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
