package id.siaga.ticket;

import id.siaga.ticket.config.EmbeddedDatabase;
import id.siaga.ticket.config.SessionKeyStore;
import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

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
 * Entry point of the ticket service. With no database configured ({@code QUARKUS_DATASOURCE_JDBC_URL}
 * unset) it first starts an embedded PostgreSQL kept in a local folder, so the service runs with zero
 * set-up, and stops it after the service has stopped; with a database configured it starts none. Without a
 * configured session key it then takes the web pages' session key from the database ({@link SessionKeyStore}).
 * <p>
 * The package build's class-data sharing run ({@code quarkus.package.jar.appcds.enabled}, which starts the
 * application once and dumps the classes it loaded into {@code app-cds.jsa}) always gets a throw-away embedded
 * PostgreSQL: its start-up then loads what a real first start loads (Flyway's migrations, the seeding), and never
 * touches a database configured in the builder's environment.
 */
@QuarkusMain
public final class SiagaMain implements QuarkusApplication {

    /** The administrator's password in the class-data sharing run; null in every real run. */
    private static volatile String archiveRunPassword;
    private static volatile int archiveRunPort;

    public static void main(String... args) throws IOException {
        if (ApplicationLifecycleManager.isAppCDSGeneration()) {
            classArchiveRun(args);
            return;
        }
        EmbeddedDatabase database = EmbeddedDatabase.startIfNoDatabaseConfigured();
        try {
            SessionKeyStore.provideIfUnset();
        } catch (RuntimeException e) {
            if (database != null) {
                database.close();
            }
            throw e;
        }
        if (database == null) {
            Quarkus.run(args);
            return;
        }
        Quarkus.run(SiagaMain.class, (exitCode, failure) -> {
            database.close();
            if (failure != null) {
                failure.printStackTrace();
            }
            if (!database.isShuttingDown()) {
                System.exit(exitCode);
            }
        }, args);
    }

    /**
     * Instead of Quarkus's own archive run, which stops after static initialisation, a whole first start (with the
     * property cleared), then a few of the first requests a real office sends, then exit: the JVM dumps every class
     * loaded by then.
     */
    private static void classArchiveRun(String... args) throws IOException {
        System.clearProperty(ApplicationLifecycleManager.QUARKUS_APPCDS_GENERATE_PROP);
        Path scratch = Files.createTempDirectory("siaga-class-archive");
        EmbeddedDatabase database = EmbeddedDatabase.start(scratch.resolve("postgres"));
        byte[] password = new byte[15];
        new SecureRandom().nextBytes(password);
        archiveRunPassword = Base64.getUrlEncoder().encodeToString(password);
        System.setProperty("siaga.admin.password", archiveRunPassword);
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            archiveRunPort = free.getLocalPort();
        }
        System.setProperty("quarkus.http.port", Integer.toString(archiveRunPort));
        System.setProperty("quarkus.http.host", "127.0.0.1");
        // Hermetic even in a shell holding a production environment: the migrations run as the embedded database's
        // own user, and nothing leaves the machine (an empty value unsets a setting).
        for (String unset : List.of("quarkus.flyway.username", "quarkus.flyway.password", "siaga.upstream.url",
                "siaga.notify.webhook-urls", "siaga.notify.telegram.bot-token")) {
            System.setProperty(unset, "");
        }
        System.setProperty("siaga.notify.email", "false");
        SessionKeyStore.provideIfUnset();
        Quarkus.run(SiagaMain.class, (exitCode, failure) -> {
            database.close();
            deleteQuietly(scratch);
            if (failure != null) {
                failure.printStackTrace();
            }
            System.exit(exitCode);
        }, args);
    }

    /** The class-data sharing run's first requests: an agent's readiness check, a person's API calls, a scrape. */
    private static void sendFirstRequests() {
        String base = "http://127.0.0.1:" + archiveRunPort;
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                ("admin:" + archiveRunPassword).getBytes(StandardCharsets.UTF_8));
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

    @Override
    public int run(String... args) {
        if (archiveRunPassword != null) {
            sendFirstRequests();
            return 0;
        }
        Quarkus.waitForExit();
        return 0;
    }
}
