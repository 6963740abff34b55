package id.siaga.ticket.rest;

import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.EmbeddedPostgresResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What operators and dashboards read: the OpenAPI contract, metrics, health. */
@QuarkusTest
class OperationsTest {

    /** The committed contract, at the top of the repository. */
    static final Path COMMITTED_OPENAPI = Path.of("..", "openapi", "openapi.yaml");

    @Test
    void servedOpenApiMatchesTheCommittedDocument() throws IOException {
        String served = RestAssured.given().auth().preemptive().basic("admin", EmbeddedPostgresResource.ADMIN_PASSWORD)
                .get("/q/openapi").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("siaga.openapi.update")) {
            Files.writeString(COMMITTED_OPENAPI, served, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(COMMITTED_OPENAPI), "missing " + COMMITTED_OPENAPI.toAbsolutePath()
                + "; write it with: mvn -B -pl ticket-service test -Dtest=OperationsTest -Dsiaga.openapi.update=true");
        String committed = Files.readString(COMMITTED_OPENAPI, StandardCharsets.UTF_8);
        assertEquals(committed.strip(), served.strip(), "The API changed but openapi/openapi.yaml did not. If the change "
                + "is intended, refresh the document: mvn -B -pl ticket-service test -Dtest=OperationsTest "
                + "-Dsiaga.openapi.update=true");
    }

    @Test
    void exposesTicketMetricsForPrometheus() throws InterruptedException {
        long id = Api.newTicket("metrics");
        Api.move(Api.ADB, id, "INSPECTION", "ok");
        String metrics = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            metrics = Api.admin().get("/q/metrics").then().statusCode(200).extract().asString();
            if (metrics.contains("siaga_tickets_open{step=\"INSPECTION\"}")) {
                break;
            }
            Thread.sleep(250);
        }
        assertTrue(metrics.contains("siaga_ticket_transitions_total{from=\"COMPLAINT_RECEIVED\",to=\"INSPECTION\"}"), metrics);
        assertTrue(metrics.contains("siaga_tickets_open{step=\"INSPECTION\"}"), "open tickets per step");
        assertTrue(metrics.contains("siaga_sop_step_duration_seconds_count{step=\"COMPLAINT_RECEIVED\"}"), "step durations");
        assertTrue(metrics.contains("siaga_tickets_created_total{source=\"PHONE\"}"));
    }

    @Test
    void reportsHealthWithTheDatabaseWithoutCredentials() {
        RestAssured.get("/q/health/ready").then().statusCode(200).body(containsString("UP"));
        RestAssured.get("/q/health/live").then().statusCode(200);
    }
}
