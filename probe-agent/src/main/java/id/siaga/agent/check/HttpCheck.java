package id.siaga.agent.check;

import id.siaga.agent.config.CheckSpec;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code http}: fetches a page of an application and checks status, expected text, response time and, for
 * https, the days the server certificate has left ("cek tampilan", SOP step 2).
 */
public final class HttpCheck implements Check {

    /** Most body bytes searched for the expected text. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private final CheckSpec.Http spec;
    private final Clock clock;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final WebClient client;

    /** Most redirects followed. */
    static final int MAX_REDIRECTS = 5;
    private static final Map<String, String> USER_AGENT = Map.of("User-Agent", "siaga-agent");

    /**
     * @param shared the agent's standard client, used unless the check has its own TLS settings
     * @throws GeneralSecurityException when the TLS settings cannot be set up
     * @throws IOException              when {@code caFile} cannot be read
     */
    public HttpCheck(CheckSpec.Http spec, Clock clock, WebClient shared) throws GeneralSecurityException, IOException {
        this.spec = spec;
        this.clock = clock;
        this.client = spec.tlsVerify() && spec.caFile() == null ? shared
                : WebClient.create(TlsTrust.context(spec.tlsVerify(), spec.caFile()));
    }

    @Override
    public CheckResult run() throws InterruptedException {
        long start = System.nanoTime();
        WebClient.Response response;
        String body;
        try {
            response = fetch(start);
            if (response == null) {
                return CheckResult.of(Status.CRIT, "no answer within " + spec.timeout().toMillis() + " ms");
            }
            body = new String(response.body(), charset(response));
        } catch (SocketTimeoutException e) {
            return CheckResult.of(Status.CRIT, "no answer within " + spec.timeout().toMillis() + " ms");
        } catch (ConnectException e) {
            return CheckResult.of(Status.CRIT, "cannot connect to " + spec.url().getHost() + ":" + port()
                    + ": connection refused (web server down?)");
        } catch (SSLException e) {
            return CheckResult.of(Status.CRIT, "TLS handshake failed: " + rootMessage(e));
        } catch (IOException e) {
            return CheckResult.of(Status.CRIT, "cannot fetch " + spec.url() + ": " + rootMessage(e));
        }
        double ms = TcpProbe.round((System.nanoTime() - start) / 1e6);

        Map<String, Double> measurements = new LinkedHashMap<>();
        measurements.put("responseMs", ms);
        measurements.put("status", (double) response.status());
        List<String> parts = new ArrayList<>();
        Status status = Status.OK;

        Double warnMs = spec.warnMs() == null ? null : spec.warnMs().doubleValue();
        Double critMs = spec.critMs() == null ? null : spec.critMs().doubleValue();
        Status timing = Levels.above(ms, warnMs, critMs);
        String head = "HTTP " + response.status() + " in " + Levels.ms(ms) + " ms";
        if (timing != Status.OK) {
            head += Levels.limits(">", warnMs, critMs, " ms");
            status = status.worst(timing);
        }
        if (response.status() != spec.expectStatus()) {
            head += " (expected " + spec.expectStatus() + ")";
            status = status.worst(Status.CRIT);
        }
        parts.add(head);
        if (spec.expectText() != null) {
            if (body.contains(spec.expectText())) {
                parts.add("text '" + spec.expectText() + "' found");
            } else {
                parts.add("text '" + spec.expectText() + "' not found");
                status = status.worst(Status.CRIT);
            }
        }
        Optional<Long> daysLeft = certificateDaysLeft(response.certificates());
        if (daysLeft.isPresent()) {
            long days = daysLeft.get();
            measurements.put("certDaysLeft", (double) days);
            Status cert = Levels.below(days, (double) spec.certWarnDays(), (double) spec.certCritDays());
            if (cert != Status.OK) {
                parts.add((days < 0 ? "certificate expired " + -days + " days ago" : "certificate expires in "
                        + days + " days") + Levels.limits("<", (double) spec.certWarnDays(),
                        (double) spec.certCritDays(), " days"));
                status = status.worst(cert);
            } else {
                parts.add("certificate valid " + days + " more days");
            }
        }
        return new CheckResult(status, String.join("; ", parts), measurements);
    }

    @Override
    public Duration timeout() {
        return spec.timeout();
    }

    /** @return the final answer after following redirects, or {@code null} when the time ran out */
    private WebClient.Response fetch(long start) throws IOException, InterruptedException {
        URI uri = spec.url();
        for (int hop = 0; ; hop++) {
            Duration left = spec.timeout().minusNanos(System.nanoTime() - start);
            if (left.isNegative() || left.isZero()) {
                return null;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            WebClient.Response response = client.send("GET", uri, USER_AGENT, null, left, MAX_BODY_BYTES);
            Optional<String> location = response.header("Location");
            if (!spec.followRedirects() || hop >= MAX_REDIRECTS || !REDIRECTS.contains(response.status())
                    || location.isEmpty()) {
                return response;
            }
            uri = uri.resolve(location.get());
        }
    }

    private Optional<Long> certificateDaysLeft(List<Certificate> chain) {
        if (!chain.isEmpty() && chain.get(0) instanceof X509Certificate leaf) {
            long seconds = Duration.between(clock.instant(), leaf.getNotAfter().toInstant()).toSeconds();
            return Optional.of(Math.floorDiv(seconds, 86_400L));
        }
        return Optional.empty();
    }

    private int port() {
        int port = spec.url().getPort();
        return port != -1 ? port : "https".equalsIgnoreCase(spec.url().getScheme()) ? 443 : 80;
    }

    private static Charset charset(WebClient.Response response) {
        String type = response.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        int at = type.indexOf("charset=");
        if (at >= 0) {
            String name = type.substring(at + 8).split("[;\\s]")[0].replace("\"", "");
            try {
                return Charset.forName(name);
            } catch (RuntimeException e) {
                return StandardCharsets.UTF_8;
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return CheckRunner.describe(cause);
    }
}
