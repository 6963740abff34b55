package id.siaga.ticket.it;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged service started as in production without {@code QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY}: the
 * session key it makes up is kept in the database, never printed, and shared, so that a session cookie from one
 * instance opens the pages on another and after a restart.
 */
class SessionKeyIT {

    private static final String ADMIN_PASSWORD = "admin-session-key";
    private static EmbeddedPostgres postgres;
    private static Map<String, String> env;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", "postgres"));
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("SIAGA_ADMIN_PASSWORD", ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void keepsAGeneratedKeyInTheDatabaseSharedByInstancesAndNeverLogsIt() throws Exception {
        String cookie;
        String logA;
        String logB;
        try (ServiceProcess a = ServiceProcess.start("key-a", withoutKey())) {
            cookie = signIn(a);
            try (ServiceProcess b = ServiceProcess.start("key-b", withoutKey())) {
                board(b, cookie).then().statusCode(200).body(containsString("Administrator"));
                logB = b.log();
            }
            board(a, cookie).then().statusCode(200);
            logA = a.log();
        }
        String stored = storedKey();
        assertNotNull(stored, "the key is kept in the database");
        assertTrue(stored.length() >= 43, "256 random bits, base64");
        for (String log : new String[] {logA, logB}) {
            assertFalse(log.contains(stored), "the log never shows the key:\n" + log);
            assertFalse(log.toLowerCase().contains("temporary key"), log);
            assertTrue(log.contains("started in"), log);
        }

        try (ServiceProcess restarted = ServiceProcess.start("key-restart", withoutKey())) {
            board(restarted, cookie).then().statusCode(200);
            assertFalse(restarted.log().contains(stored));
        }
        assertEquals(stored, storedKey(), "the key is written once");
    }

    @Test
    void anExplicitKeyWinsOverTheStoredOne() throws Exception {
        Map<String, String> explicit = withoutKey();
        explicit.put("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", "an-explicit-session-key-0123456789");
        String cookie;
        try (ServiceProcess a = ServiceProcess.start("key-explicit", explicit)) {
            cookie = signIn(a);
        }
        try (ServiceProcess stored = ServiceProcess.start("key-stored", withoutKey())) {
            RestAssured.given().baseUri(stored.url()).redirects().follow(false).cookie("siaga-session", cookie)
                    .get("/papan").then().statusCode(302).header("Location", endsWith("/masuk"));
        }
    }

    private static Map<String, String> withoutKey() {
        return new HashMap<>(env);
    }

    private static String signIn(ServiceProcess instance) {
        Response response = RestAssured.given().baseUri(instance.url()).redirects().follow(false)
                .formParam("username", "admin").formParam("password", ADMIN_PASSWORD).post("/j_security_check");
        assertEquals(302, response.statusCode());
        String cookie = response.getCookie("siaga-session");
        assertNotNull(cookie);
        return cookie;
    }

    private static Response board(ServiceProcess instance, String cookie) {
        return RestAssured.given().baseUri(instance.url()).redirects().follow(false).cookie("siaga-session", cookie)
                .get("/papan");
    }

    private static String storedKey() throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select secret from session_key")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
