package id.siaga.ticket.rest;

import id.siaga.ticket.support.Agents;
import id.siaga.ticket.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL ending the service's connections under it (as in a restart) is answered 503 problem+json with
 * Retry-After, never 500, on the Hibernate paths and the raw-JDBC findings path; the service recovers by itself.
 * Runs in its own application (profile), so the connections it kills are no other test's.
 */
@QuarkusTest
@TestProfile(DatabaseRestartTest.OwnApplication.class)
class DatabaseRestartTest {

    /** A separate application instance with its own connection pool. */
    public static class OwnApplication implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.min-size", "2");
        }
    }

    @Test
    void answersLostConnectionsWith503AndRetryAfterThenRecovers() throws Exception {
        Agents.Registered server = Agents.register("restart-probe", "SIAK_APP");
        Api.as(Api.ADB).get("/api/v1/tickets").then().statusCode(200);
        List<Integer> statuses = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            Api.as(Api.ADB).get("/api/v1/tickets").then().statusCode(200);
            Api.as(Api.ADB).get("/api/v1/findings").then().statusCode(200);
            terminatePoolConnections();
            for (int i = 0; i < 6; i++) {
                List<Response> answers = List.of(Api.as(Api.ADB).get("/api/v1/tickets"),
                        Api.as(Api.ADB).get("/api/v1/findings"),
                        Agents.post(server, new ArrayList<>(List.of(Agents.finding("web", "http", "OK", "baik",
                                Instant.now())))).extract().response());
                for (Response answer : answers) {
                    statuses.add(answer.statusCode());
                    assertTrue(answer.statusCode() == 200 || answer.statusCode() == 503,
                            answer.statusCode() + " " + answer.asString());
                    if (answer.statusCode() == 503) {
                        assertEquals("application/problem+json", answer.contentType());
                        assertTrue(Integer.parseInt(answer.header("Retry-After")) > 0);
                    }
                }
            }
        }
        assertTrue(statuses.contains(503), "no request met a lost connection: " + statuses);
        Api.as(Api.ADB).get("/api/v1/tickets").then().statusCode(200);
        Api.as(Api.ADB).get("/api/v1/findings").then().statusCode(200);
    }

    private static void terminatePoolConnections() throws Exception {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database()"
                    + " and pid <> pg_backend_pid() and backend_type = 'client backend'");
        }
    }
}
