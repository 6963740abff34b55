package id.siaga.ticket.config;

import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The package build's class-data sharing run ({@code quarkus.package.jar.appcds.enabled}, which starts the
 * application once and dumps the classes it loaded into {@code app-cds.jsa}). Quarkus's own run stops after static
 * initialisation; this one clears its property and makes a whole first start instead, on a throw-away embedded
 * PostgreSQL (Flyway's migrations, the seeding), then sends a few of the first requests an office sends, then exits,
 * so the JVM dumps every class loaded by then. It is hermetic even in a shell holding a production environment: its
 * own database, port and administrator password, and nothing leaves the machine.
 */
public final class ClassArchiveRun {

    /** The administrator's password in the class-data sharing run; null in every real run. */
    private static volatile String password;
    private static volatile int port;

    private ClassArchiveRun() {
    }

    /** @return whether this JVM is the package build's class-data sharing run */
    public static boolean requested() {
        return ApplicationLifecycleManager.isAppCDSGeneration();
    }

    /** @return whether the application started by {@link #start} is running now */
    public static boolean active() {
        return password != null;
    }

    /** Starts the whole application on a throw-away database; it exits once {@code application} returns. */
    public static void start(Class<? extends QuarkusApplication> application, String... args) throws IOException {
        System.clearProperty(ApplicationLifecycleManager.QUARKUS_APPCDS_GENERATE_PROP);
        Path scratch = Files.createTempDirectory("siaga-class-archive");
        EmbeddedDatabase database;
        try {
            database = EmbeddedDatabase.start(scratch.resolve("postgres"));
        } catch (RuntimeException e) {
            deleteQuietly(scratch);
            throw e;
        }
        byte[] secret = new byte[15];
        new SecureRandom().nextBytes(secret);
        password = Base64.getUrlEncoder().encodeToString(secret);
        System.setProperty("siaga.admin.password", password);
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        System.setProperty("quarkus.http.port", Integer.toString(port));
        System.setProperty("quarkus.http.host", "127.0.0.1");
        // The migrations run as the embedded database's own user, and nothing leaves the machine (an empty value
        // unsets a setting).
        for (String unset : List.of("quarkus.flyway.username", "quarkus.flyway.password", "siaga.upstream.url",
                "siaga.notify.webhook-urls", "siaga.notify.telegram.bot-token")) {
            System.setProperty(unset, "");
        }
        System.setProperty("siaga.notify.email", "false");
        SessionKeyStore.provideIfUnset();
        Quarkus.run(application, (exitCode, failure) -> {
            database.close();
            deleteQuietly(scratch);
            if (failure != null) {
                failure.printStackTrace();
            }
            System.exit(exitCode);
        }, args);
    }

    /** The first requests: an agent's readiness check, a person's API calls, a scrape. */
    public static void sendFirstRequests() {
        String base = "http://127.0.0.1:" + port;
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                ("admin:" + password).getBytes(StandardCharsets.UTF_8));
        for (String path : List.of("/q/health/ready", "/api/v1/tickets", "/api/v1/servers", "/q/metrics")) {
            try {
                HttpURLConnection request = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
                if (!path.startsWith("/q/health")) {
                    request.setRequestProperty("Authorization", basic);
                }
                try (InputStream body = request.getResponseCode() < 400 ? request.getInputStream() : request.getErrorStream()) {
                    if (body != null) {
                        body.readAllBytes();
                    }
                }
            } catch (IOException e) {
                System.err.println("SIAGA: class-data sharing run: " + path + " failed: " + e.getMessage());
            }
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException e) {
            System.err.println("SIAGA: could not remove " + folder + ": " + e.getMessage());
        }
    }
}
