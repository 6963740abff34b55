package id.siaga.agent.check;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import id.siaga.agent.config.CheckSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpCheckTest {

    private static final String PASSWORD = "changeit";
    private static final int CERT_VALIDITY_DAYS = 10;

    @TempDir
    static Path tls;

    private static final WebClient SHARED = WebClient.standard();

    private static HttpServer http;
    private static HttpsServer https;
    private static ExecutorService executor;
    private static Path caFile;

    @BeforeAll
    static void startServers() throws Exception {
        executor = Executors.newCachedThreadPool();
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        routes(http);
        http.setExecutor(executor);
        http.start();

        Path keyStore = tls.resolve("server.p12");
        caFile = tls.resolve("server.pem");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-validity", Integer.toString(CERT_VALIDITY_DAYS), "-keystore", keyStore.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keyStore.toString(),
                "-storepass", PASSWORD, "-file", caFile.toString());
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(context));
        routes(https);
        https.setExecutor(executor);
        https.start();
    }

    @AfterAll
    static void stopServers() {
        http.stop(0);
        https.stop(0);
        executor.shutdownNow();
    }

    @Test
    void isOkWhenStatusAndTextMatch() throws Exception {
        CheckResult result = run(spec(url("/siak"), "SIAK", null, null));
        assertEquals(Status.OK, result.status(), result.message());
        assertTrue(result.message().matches("HTTP 200 in [\\d.]+ ms; text 'SIAK' found"), result.message());
        assertEquals(200.0, result.measurements().get("status"));
        assertTrue(result.measurements().get("responseMs") >= 0);
        assertFalse(result.measurements().containsKey("certDaysLeft"));
    }

    @Test
    void followsRedirectsUnlessToldNotTo() throws Exception {
        CheckResult followed = run(spec(url("/old-siak"), "SIAK", null, null));
        assertEquals(Status.OK, followed.status(), followed.message());

        CheckResult notFollowed = run(new CheckSpec.Http(url("/old-siak"), 200, null, null, null, 21, 7, true, null,
                false, Duration.ofSeconds(5)));
        assertEquals(Status.CRIT, notFollowed.status());
        assertTrue(notFollowed.message().startsWith("HTTP 302"), notFollowed.message());
    }

    @Test
    void isCriticalWhenTheStatusDiffers() throws Exception {
        CheckResult result = run(spec(url("/broken"), null, null, null));
        assertEquals(Status.CRIT, result.status());
        assertTrue(result.message().startsWith("HTTP 503 in "), result.message());
        assertTrue(result.message().contains("(expected 200)"), result.message());
        assertEquals(503.0, result.measurements().get("status"));
    }

    @Test
    void isCriticalWhenTheExpectedTextIsMissing() throws Exception {
        CheckResult result = run(spec(url("/siak"), "Dukcapil Pesisir Selatan", null, null));
        assertEquals(Status.CRIT, result.status());
        assertTrue(result.message().endsWith("text 'Dukcapil Pesisir Selatan' not found"), result.message());
    }

    @Test
    void warnsWhenSlowerThanTheWarnLimit() throws Exception {
        CheckResult result = run(spec(url("/slow"), "slow", 100L, 5_000L));
        assertEquals(Status.WARN, result.status(), result.message());
        assertTrue(result.message().contains("(warn > 100 ms, crit > 5000 ms)"), result.message());
        assertTrue(result.measurements().get("responseMs") >= 400);
    }

    @Test
    void isCriticalWhenSlowerThanTheCritLimit() throws Exception {
        CheckResult result = run(spec(url("/slow"), null, 50L, 200L));
        assertEquals(Status.CRIT, result.status(), result.message());
    }

    @Test
    void isCriticalWhenNoAnswerComesWithinTheTimeout() throws Exception {
        CheckSpec.Http spec = new CheckSpec.Http(url("/hang"), 200, null, null, null, 21, 7, true, null, true,
                Duration.ofMillis(300));
        CheckResult result = run(spec);
        assertEquals(Status.CRIT, result.status());
        assertEquals("no answer within 300 ms", result.message());
    }

    @Test
    void isCriticalWhenTheConnectionIsRefused() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        CheckResult result = run(spec(URI.create("http://127.0.0.1:" + closedPort + "/"), null, null, null));
        assertEquals(Status.CRIT, result.status());
        assertTrue(result.message().contains("connection refused"), result.message());
    }

    @Test
    void reportsTheDaysLeftOnTheServerCertificate() throws Exception {
        CheckSpec.Http spec = new CheckSpec.Http(httpsUrl("/siak"), 200, "SIAK", null, null, 5, 2, true, caFile,
                true, Duration.ofSeconds(5));
        CheckResult result = run(spec);
        assertEquals(Status.OK, result.status(), result.message());
        double daysLeft = result.measurements().get("certDaysLeft");
        assertTrue(daysLeft >= CERT_VALIDITY_DAYS - 2 && daysLeft <= CERT_VALIDITY_DAYS, "days left " + daysLeft);
        assertTrue(result.message().contains("certificate valid"), result.message());
    }

    @Test
    void warnsAndThenIsCriticalAsTheCertificateNearsItsEnd() throws Exception {
        CheckResult warn = run(new CheckSpec.Http(httpsUrl("/siak"), 200, null, null, null, 30, 5, true, caFile,
                true, Duration.ofSeconds(5)));
        assertEquals(Status.WARN, warn.status(), warn.message());
        assertTrue(warn.message().contains("certificate expires in"), warn.message());
        assertTrue(warn.message().contains("(warn < 30 days, crit < 5 days)"), warn.message());

        CheckResult crit = run(new CheckSpec.Http(httpsUrl("/siak"), 200, null, null, null, 30, 20, true, caFile,
                true, Duration.ofSeconds(5)));
        assertEquals(Status.CRIT, crit.status(), crit.message());
    }

    @Test
    void isCriticalWhenTheCertificateIsNotTrusted() throws Exception {
        CheckResult result = run(new CheckSpec.Http(httpsUrl("/siak"), 200, null, null, null, 21, 7, true, null,
                true, Duration.ofSeconds(5)));
        assertEquals(Status.CRIT, result.status());
        assertTrue(result.message().startsWith("TLS handshake failed"), result.message());
    }

    @Test
    void readsTheCertificateEvenWhenVerificationIsOff() throws Exception {
        CheckResult result = run(new CheckSpec.Http(httpsUrl("/siak"), 200, "SIAK", null, null, 5, 2, false, null,
                true, Duration.ofSeconds(5)));
        assertEquals(Status.OK, result.status(), result.message());
        assertTrue(result.measurements().containsKey("certDaysLeft"));
    }

    private static CheckResult run(CheckSpec.Http spec) throws Exception {
        return new HttpCheck(spec, Clock.systemUTC(), SHARED).run();
    }

    private static CheckSpec.Http spec(URI url, String text, Long warnMs, Long critMs) {
        return new CheckSpec.Http(url, 200, text, warnMs, critMs, 21, 7, true, null, true, Duration.ofSeconds(5));
    }

    private static URI url(String path) {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + path);
    }

    private static URI httpsUrl(String path) {
        return URI.create("https://localhost:" + https.getAddress().getPort() + path);
    }

    private static void routes(HttpServer server) {
        server.createContext("/siak", exchange -> answer(exchange, 200, "<html><title>SIAK</title></html>", 0));
        server.createContext("/old-siak", exchange -> {
            exchange.getResponseHeaders().set("Location", "/siak");
            answer(exchange, 302, "moved", 0);
        });
        server.createContext("/broken", exchange -> answer(exchange, 503, "Service Unavailable", 0));
        server.createContext("/slow", exchange -> answer(exchange, 200, "slow page", 400));
        server.createContext("/hang", exchange -> answer(exchange, 200, "too late", 1_500));
    }

    private static void answer(HttpExchange exchange, int status, String body, long delayMs) throws IOException {
        try {
            Thread.sleep(delayMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            exchange.close();
        }
    }

    private static void keytool(String... args) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "keytool did not finish");
        assertEquals(0, process.exitValue(), "keytool failed: " + output);
    }
}
