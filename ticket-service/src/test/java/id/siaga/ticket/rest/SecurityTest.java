package id.siaga.ticket.rest;

import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.EmbeddedPostgresResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.http.Method;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every endpoint but health needs an identity; roles decide the rest. */
@QuarkusTest
class SecurityTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    DataSource dataSource;

    private record Call(Method method, String path) {
    }

    private static final List<Call> PROTECTED = List.of(
            new Call(Method.GET, "/api/v1/tickets"), new Call(Method.POST, "/api/v1/tickets"),
            new Call(Method.GET, "/api/v1/tickets/1"), new Call(Method.POST, "/api/v1/tickets/1/transitions"),
            new Call(Method.GET, "/api/v1/tickets/1/events"), new Call(Method.POST, "/api/v1/users"),
            new Call(Method.GET, "/api/v1/users"), new Call(Method.GET, "/api/v1/users/me"),
            new Call(Method.POST, "/api/v1/servers"), new Call(Method.GET, "/api/v1/servers"),
            new Call(Method.GET, "/api/v1/servers/1"), new Call(Method.GET, "/api/v1/sop"),
            new Call(Method.POST, "/api/v1/sop"), new Call(Method.GET, "/api/v1/sop/versions"));

    @Test
    void answers401WithAProblemAndAChallengeWithoutCredentials() {
        for (Call call : PROTECTED) {
            RestAssured.given().contentType(ContentType.JSON).body("{}").request(call.method(), call.path())
                    .then().statusCode(401).contentType(PROBLEM)
                    .header("WWW-Authenticate", startsWith("Basic"))
                    .body("status", equalTo(401));
        }
    }

    @Test
    void answers401ForAWrongPassword() {
        RestAssured.given().auth().preemptive().basic("admin", "wrong-password").get("/api/v1/tickets")
                .then().statusCode(401).contentType(PROBLEM);
        RestAssured.given().auth().preemptive().basic("nobody", "whatever").get("/api/v1/sop")
                .then().statusCode(401);
    }

    @Test
    void refusesAWrongPasswordRightAfterTheRightOne() {
        Api.as(Api.VIEWER).get("/api/v1/users/me").then().statusCode(200);
        RestAssured.given().auth().preemptive().basic(Api.VIEWER, "not-the-password").get("/api/v1/users/me")
                .then().statusCode(401);
        Api.as(Api.VIEWER).get("/api/v1/users/me").then().statusCode(200);
    }

    @Test
    void protectsMetricsAndOpenApiButNotHealth() {
        RestAssured.get("/q/metrics").then().statusCode(401);
        RestAssured.get("/q/openapi").then().statusCode(401);
        RestAssured.get("/q/health").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
        RestAssured.given().auth().preemptive().basic("admin", EmbeddedPostgresResource.ADMIN_PASSWORD)
                .get("/q/metrics").then().statusCode(200);
    }

    @Test
    void letsAnAgentTokenReadNoneOfTheOperationsEndpointsButHealth() {
        id.siaga.ticket.support.Agents.Registered server = id.siaga.ticket.support.Agents.register("siak-app-ops", "SIAK_APP");
        for (String path : List.of("/q/metrics", "/q/openapi", "/q/swagger-ui/")) {
            RestAssured.given().header("Authorization", "Bearer " + server.token()).get(path).then().statusCode(403);
            Api.as(Api.VIEWER).get(path).then().statusCode(200);
            RestAssured.get(path).then().statusCode(401);
        }
        RestAssured.given().header("Authorization", "Bearer " + server.token()).get("/q/health").then().statusCode(200);
        id.siaga.ticket.support.Agents.post(server, List.of()).statusCode(200);
    }

    @Test
    void answers403ForTheWrongRole() {
        long before = count("select count(*) from ticket");
        Api.as(Api.VIEWER).body(Api.complaint("viewer")).post("/api/v1/tickets").then().statusCode(403)
                .contentType(PROBLEM).body("status", equalTo(403));
        Api.admin().body(Api.complaint("admin")).post("/api/v1/tickets").then().statusCode(403);
        assertEquals(before, count("select count(*) from ticket"));

        Api.as(Api.KABID).body(Map.of("username", "sneaky", "fullName", "S", "password", "password-123",
                "roles", List.of("ADMIN"))).post("/api/v1/users").then().statusCode(403).contentType(PROBLEM);
        assertEquals(0, count("select count(*) from app_user where username = 'sneaky'"));
        Api.as(Api.ADB).body(Map.of("name", "rogue", "role", "OTHER")).post("/api/v1/servers").then().statusCode(403);
        Api.as(Api.ADB).get("/api/v1/users").then().statusCode(403);
        Api.as(Api.KASI).body("{}").post("/api/v1/sop").then().statusCode(403);
    }

    @Test
    void letsEveryPersonReadTicketsAndTheSop() {
        for (String user : List.of(Api.ADB, Api.JF_ADB, Api.KASI, Api.KABID, Api.VIEWER)) {
            Api.as(user).get("/api/v1/tickets").then().statusCode(200);
            Api.as(user).get("/api/v1/sop").then().statusCode(200);
            Api.as(user).get("/api/v1/users/me").then().statusCode(200).body("username", equalTo(user));
        }
    }

    private long count(String sql) {
        return id.siaga.ticket.support.Sql.count(dataSource, sql);
    }
}
