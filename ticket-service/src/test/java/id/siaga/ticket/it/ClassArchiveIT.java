package id.siaga.ticket.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The package's class-data sharing archive ({@code app-cds.jsa}, made by the build's run of the whole first start
 * on a throw-away database) is used when the service starts as deployed: {@code -Xshare:on} makes the JVM refuse to
 * start when the archive does not fit, and the class-loading log shows that what a first start and the first
 * requests load (Flyway's migrations, the seeding, a person's sign-in and the ticket list) comes from the archive.
 */
class ClassArchiveIT {

    private static final String ADMIN_PASSWORD = "admin-class-archive";

    @Test
    void aFreshStartAsDeployedTakesItsClassesFromTheArchiveTheBuildMade() throws Exception {
        Path archive = ServiceProcess.JAR.toAbsolutePath().getParent().resolve("app-cds.jsa");
        assertTrue(Files.isRegularFile(archive), "the package has no " + archive);
        Path classLog = Files.createTempFile("siaga-class-load-", ".log");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Map<String, String> env = new HashMap<>();
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", "postgres"));
            env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
            env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
            env.put("SIAGA_ADMIN_PASSWORD", ADMIN_PASSWORD);
            try (ServiceProcess service = ServiceProcess.startAsDeployed("class-archive", env,
                    List.of("-Xshare:on", "-Xlog:class+load=info:file=" + classLog))) {
                service.as("admin", ADMIN_PASSWORD).get("/api/v1/tickets").then().statusCode(200);
            }
        }
        String loaded = Files.readString(classLog);
        for (String name : List.of("id.siaga.ticket.SiagaMain", "org.flywaydb.core.Flyway",
                "id.siaga.ticket.service.Bootstrap", "id.siaga.ticket.service.UserService",
                "org.hibernate.query.hql.internal.StandardHqlTranslator", "id.siaga.ticket.rest.TicketResource")) {
            assertTrue(loaded.contains(" " + name + " source: shared objects file"),
                    name + " was not taken from the archive:\n" + lineOf(loaded, " " + name + " "));
        }
    }

    private static String lineOf(String log, String needle) {
        return log.lines().filter(line -> line.contains(needle)).findFirst().orElse("(not loaded at all)");
    }
}
