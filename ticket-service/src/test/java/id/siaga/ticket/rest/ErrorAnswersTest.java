package id.siaga.ticket.rest;

import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static id.siaga.ticket.support.Api.ADB;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bad requests get a clear problem+json answer with the right status, and nothing is written. */
@QuarkusTest
class ErrorAnswersTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    DataSource dataSource;

    @Test
    void refusesAnIllegalTransitionWith409NamingTheAllowedStepsAndWritesNothing() {
        long id = Api.newTicket("illegal move");
        Api.move(ADB, id, "INSPECTION", "ok");
        long events = events(id);
        long steps = Sql.count(dataSource, "select count(*) from ticket_step where ticket_id = " + id);
        Api.as(ADB).body(Map.of("to", "REPAIR", "output", "skip ahead")).post("/api/v1/tickets/{id}/transitions", id)
                .then().statusCode(409).contentType(PROBLEM)
                .body("status", equalTo(409))
                .body("title", equalTo("Transition not allowed"))
                .body("detail", containsString("FUNCTION_CHECK"))
                .body("allowed", equalTo(List.of("FUNCTION_CHECK", "CANCELLED")))
                .body("currentStep", equalTo("INSPECTION"));
        assertEquals(events, events(id));
        assertEquals(steps, Sql.count(dataSource, "select count(*) from ticket_step where ticket_id = " + id));
        assertEquals(1, Sql.count(dataSource, "select count(*) from ticket_step where ended_at is null and ticket_id = " + id));
        Api.as(ADB).get("/api/v1/tickets/{id}", id).then().body("step", equalTo("INSPECTION"));
    }

    @Test
    void refusesAMoveByTheWrongRoleWith403AndWritesNothing() {
        long id = Api.newTicket("wrong role");
        long events = events(id);
        Api.admin().body(Map.of("to", "INSPECTION")).post("/api/v1/tickets/{id}/transitions", id)
                .then().statusCode(403).contentType(PROBLEM).body("status", equalTo(403));
        Api.as(Api.VIEWER).body(Map.of("to", "INSPECTION")).post("/api/v1/tickets/{id}/transitions", id)
                .then().statusCode(403).contentType(PROBLEM);
        assertEquals(events, events(id));
    }

    @Test
    void answersAnUnknownStepWith422() {
        long id = Api.newTicket("unknown step");
        Api.as(ADB).body(Map.of("to", "PRAYER")).post("/api/v1/tickets/{id}/transitions", id)
                .then().statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("to"))
                .body("detail", containsString("INSPECTION"));
    }

    @Test
    void refusesMalformedJsonWith400() {
        long before = tickets();
        Api.as(ADB).body("{\"source\": \"PHONE\", \"title\": ").post("/api/v1/tickets")
                .then().statusCode(400).contentType(PROBLEM).body("status", equalTo(400))
                .body("detail", containsString("not valid JSON"))
                .body("detail", not(containsString("com.fasterxml")));
        assertEquals(before, tickets());
    }

    @Test
    void refusesAnUnknownEnumValueWith400NamingTheFieldAndTheChoices() {
        long before = tickets();
        Map<String, Object> body = new HashMap<>(Api.complaint("bad severity"));
        body.put("severity", "URGENT");
        Api.as(ADB).body(body).post("/api/v1/tickets").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("severity"))
                .body("detail", containsString("LOW, MEDIUM, HIGH, CRITICAL"));
        assertEquals(before, tickets());
    }

    @Test
    void refusesMissingFieldsWith400NamingEachField() {
        long before = tickets();
        Api.as(ADB).body(Map.of("source", "PHONE", "application", "SIAK")).post("/api/v1/tickets")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("description"))
                .body("errors.field", hasItem("severity"))
                .body("errors.field", hasItem("reporterName"));
        Api.as(ADB).post("/api/v1/tickets").then().statusCode(400).contentType(PROBLEM);
        assertEquals(before, tickets());
    }

    @Test
    void refusesAnOversizedBodyWith413() {
        long before = tickets();
        Map<String, Object> body = new HashMap<>(Api.complaint("huge"));
        body.put("description", "x".repeat(3 * 1024 * 1024));
        Api.as(ADB).body(body).post("/api/v1/tickets").then().statusCode(413);
        assertEquals(before, tickets());
    }

    @Test
    void refusesATooLongFieldWith400() {
        Map<String, Object> body = new HashMap<>(Api.complaint("t".repeat(201)));
        Api.as(ADB).body(body).post("/api/v1/tickets").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("title"));
    }

    @Test
    void refusesAnUnknownServerWith422() {
        long before = tickets();
        Map<String, Object> body = new HashMap<>(Api.complaint("unknown server"));
        body.put("serverId", 999_999);
        Api.as(ADB).body(body).post("/api/v1/tickets").then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("serverId"));
        assertEquals(before, tickets());
    }

    @Test
    void refusesAgentAsTheSourceOfAComplaint() {
        Map<String, Object> body = new HashMap<>(Api.complaint("agent"));
        body.put("source", "AGENT");
        Api.as(ADB).body(body).post("/api/v1/tickets").then().statusCode(422).body("errors[0].field", equalTo("source"));
    }

    @Test
    void answersAnUnknownTicketWith404() {
        Api.as(ADB).get("/api/v1/tickets/987654321").then().statusCode(404).contentType(PROBLEM)
                .body("status", equalTo(404)).body("detail", containsString("987654321"));
        Api.as(ADB).body(Map.of("to", "INSPECTION")).post("/api/v1/tickets/987654321/transitions").then()
                .statusCode(404).contentType(PROBLEM);
        Api.as(ADB).get("/api/v1/tickets/987654321/events").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void refusesBadQueryParametersWith400() {
        Api.as(ADB).queryParam("size", 0).get("/api/v1/tickets").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("size"));
        Api.as(ADB).queryParam("size", 1000).get("/api/v1/tickets").then().statusCode(400);
        Api.as(ADB).queryParam("open", "perhaps").get("/api/v1/tickets").then().statusCode(400)
                .body("errors[0].field", equalTo("open"));
        Api.as(ADB).queryParam("source", "PIGEON").get("/api/v1/tickets").then().statusCode(400)
                .body("errors[0].field", equalTo("source"));
        Api.as(ADB).queryParam("serverId", "abc").get("/api/v1/tickets").then().statusCode(400);
    }

    @Test
    void refusesAWrongMediaTypeWithAProblem() {
        RestAssured.given().auth().preemptive().basic(ADB, Api.PASSWORD).contentType(ContentType.TEXT).body("hello")
                .post("/api/v1/tickets").then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void answersAnUnknownPathWithAProblem() {
        Api.as(ADB).get("/api/v1/nothing-here").then().statusCode(404);
    }

    private long events(long ticketId) {
        return Sql.count(dataSource, "select count(*) from ticket_event where ticket_id = " + ticketId);
    }

    private long tickets() {
        return Sql.count(dataSource, "select count(*) from ticket");
    }
}
