package id.siaga.ticket.admin;

import id.siaga.ticket.support.Agents;
import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The administration API: disabling an account ({@code PATCH /api/v1/users/{id}} with {@code active}), the last
 * administrator kept, the calendar's holidays ({@code GET/PUT /api/v1/calendar/holidays}) with their refusals and
 * who may do what, and the agent facts kept from heartbeats.
 */
@QuarkusTest
class AdministrationApiTest {

    private static final String PASSWORD = "rahasia-akun-1";
    private static final List<String> NOT_ADMINS = List.of(Api.VIEWER, Api.ADB, Api.JF_ADB, Api.KASI, Api.KABID);

    @Inject
    DataSource dataSource;

    @Test
    void aDisabledAccountIsRefusedAtOnceEvenWithARememberedPasswordAndCanBeEnabledAgain() {
        long id = createUser("nonaktif.api", "ADB");
        basic("nonaktif.api").get("/api/v1/users/me").then().statusCode(200).body("active", equalTo(true));

        Api.admin().body(Map.of("active", false)).patch("/api/v1/users/{id}", id).then().statusCode(200)
                .body("active", equalTo(false)).body("roles", equalTo(List.of("ADB")));
        basic("nonaktif.api").get("/api/v1/users/me").then().statusCode(401);
        basic("nonaktif.api").get("/api/v1/tickets").then().statusCode(401);
        RestAssured.given().redirects().follow(false).formParam("username", "nonaktif.api").formParam("password", PASSWORD)
                .post("/j_security_check").then().statusCode(302)
                .header("Location", org.hamcrest.Matchers.containsString("gagal"))
                .header("Set-Cookie", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("siaga-session=")));
        assertEquals(1, Sql.count(dataSource, "select count(*) from admin_event where type = 'USER_CHANGED' "
                + "and subject = 'user:nonaktif.api' and note = 'disabled' and actor = 'admin'"));

        Api.admin().body(Map.of("active", true)).patch("/api/v1/users/{id}", id).then().statusCode(200)
                .body("active", equalTo(true));
        basic("nonaktif.api").get("/api/v1/users/me").then().statusCode(200);

        for (String reader : List.of(Api.KABID)) {
            Api.as(reader).get("/api/v1/audit/admin-events").then().statusCode(200)
                    .body("find { it.subject == 'user:nonaktif.api' }.note", equalTo("enabled"))
                    .body("findAll { it.subject == 'user:nonaktif.api' }.note", equalTo(List.of("enabled", "disabled",
                            "roles ADB")));
        }
        for (String user : List.of(Api.VIEWER, Api.ADB, Api.JF_ADB, Api.KASI)) {
            Api.as(user).get("/api/v1/audit/admin-events").then().statusCode(403);
        }
        Api.admin().get("/api/v1/audit/admin-events").then().statusCode(200)
                .body("[0].actor", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void refusesAnActiveFlagThatIsNotABoolean() {
        long id = createUser("nonaktif.strict", "VIEWER");
        for (String body : List.of("{\"active\":\"false\"}", "{\"active\":0}", "{\"active\":null,\"active\":false}")) {
            Api.admin().body(body).patch("/api/v1/users/{id}", id).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        basic("nonaktif.strict").get("/api/v1/users/me").then().statusCode(200).body("active", equalTo(true));
        for (String user : NOT_ADMINS) {
            Api.as(user).body(Map.of("active", false)).patch("/api/v1/users/{id}", id).then().statusCode(403);
        }
        basic("nonaktif.strict").get("/api/v1/users/me").then().statusCode(200);
        assertEquals(0, Sql.count(dataSource, "select count(*) from admin_event where subject = 'user:nonaktif.strict' "
                + "and type = 'USER_CHANGED'"));
    }

    @Test
    void theLastActiveAdministratorCannotDisableThemselvesNorDropTheAdminRole() {
        long admin = Api.admin().get("/api/v1/users/me").then().statusCode(200).extract().jsonPath().getLong("id");
        List<Integer> others = Api.admin().get("/api/v1/users").then().extract().jsonPath()
                .getList("findAll { it.active && it.roles.contains('ADMIN') && it.username != 'admin' }.id");
        others.forEach(other -> Api.admin().body(Map.of("active", false)).patch("/api/v1/users/{id}", other)
                .then().statusCode(200));
        long events = Sql.count(dataSource, "select count(*) from admin_event");

        Api.admin().body(Map.of("active", false)).patch("/api/v1/users/{id}", admin).then().statusCode(409)
                .contentType("application/problem+json");
        Api.admin().body(Map.of("roles", List.of("KABID"))).patch("/api/v1/users/{id}", admin).then().statusCode(409);
        Api.admin().get("/api/v1/users/me").then().statusCode(200).body("active", equalTo(true))
                .body("roles", equalTo(List.of("ADMIN")));
        assertEquals(events, Sql.count(dataSource, "select count(*) from admin_event"), "nothing recorded");

        long second = createUser("admin.kedua", "ADMIN");
        RestAssured.given().auth().preemptive().basic("admin.kedua", PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("roles", List.of("ADMIN", "KABID"))).patch("/api/v1/users/{id}", second).then().statusCode(200);
        RestAssured.given().auth().preemptive().basic("admin.kedua", PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("roles", List.of("KABID"))).patch("/api/v1/users/{id}", second).then().statusCode(200)
                .body("roles", equalTo(List.of("KABID")));
    }

    @Test
    void everyoneReadsTheHolidaysAndOnlyTheAdministratorReplacesThemAudited() {
        Api.admin().body(List.of("2031-12-25", "2031-01-01", "2031-08-17")).put("/api/v1/calendar/holidays")
                .then().statusCode(200).body("$", equalTo(List.of("2031-01-01", "2031-08-17", "2031-12-25")));
        for (String user : NOT_ADMINS) {
            Api.as(user).get("/api/v1/calendar/holidays").then().statusCode(200)
                    .body("$", equalTo(List.of("2031-01-01", "2031-08-17", "2031-12-25")));
            Api.as(user).body(List.of("2031-05-01")).put("/api/v1/calendar/holidays").then().statusCode(403);
        }
        Api.anonymous().get("/api/v1/calendar/holidays").then().statusCode(401);
        Api.anonymous().body(List.of("2031-05-01")).put("/api/v1/calendar/holidays").then().statusCode(401);
        assertEquals(1, Sql.count(dataSource, "select count(*) from admin_event where type = 'HOLIDAYS_CHANGED' "
                + "and actor = 'admin' and note like '%2031-01-01, 2031-08-17, 2031-12-25%'"));

        Api.admin().body(List.of("2031-01-01", "2031-05-01")).put("/api/v1/calendar/holidays").then().statusCode(200)
                .body("$", equalTo(List.of("2031-01-01", "2031-05-01")));
        assertEquals(1, Sql.count(dataSource, "select count(*) from admin_event where type = 'HOLIDAYS_CHANGED' "
                + "and note = 'added 2031-05-01; removed 2031-08-17, 2031-12-25'"));
        Api.admin().body(List.of()).put("/api/v1/calendar/holidays").then().statusCode(200).body("$", equalTo(List.of()));
        Api.as(Api.VIEWER).get("/api/v1/calendar/holidays").then().statusCode(200).body("$", equalTo(List.of()));
    }

    @Test
    void refusesHolidaysThatAreNotAnArrayOfDistinctIsoDates() {
        Api.admin().body(List.of("2032-03-01")).put("/api/v1/calendar/holidays").then().statusCode(200);
        long events = Sql.count(dataSource, "select count(*) from admin_event");
        Map<String, String> refused = new HashMap<>();
        refused.put("{\"days\":[\"2032-03-02\"]}", null);
        refused.put("\"2032-03-02\"", null);
        refused.put("null", null);
        refused.put("[\"2032-02-30\"]", "[0]");
        refused.put("[\"2032-03-02\",\"2032-3-5\"]", "[1]");
        refused.put("[\"2032-03-02T00:00:00\"]", "[0]");
        refused.put("[\"2032-03-02\",\"2032-03-02\"]", "[1]");
        refused.put("[\"2032-03-02\",null]", "[1]");
        refused.put("[20320302]", null);
        refused.put("[\"2032-03-02\"] []", null);
        refused.forEach((body, field) -> {
            var answer = Api.admin().body(body).put("/api/v1/calendar/holidays").then().statusCode(400)
                    .contentType("application/problem+json");
            if (field != null) {
                answer.body("errors[0].field", equalTo(field));
            }
        });
        Api.admin().get("/api/v1/calendar/holidays").then().body("$", equalTo(List.of("2032-03-01")));
        assertEquals(events, Sql.count(dataSource, "select count(*) from admin_event"), "nothing recorded");
    }

    @Test
    void keepsTheAgentsVersionIntervalAndBacklogFromItsLatestHeartbeat() {
        Agents.Registered server = Agents.register("siak-app-detak", "SIAK_APP");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Agents.post(server, List.of(heartbeat("1.4.2", 7, at))).statusCode(200);
        Agents.post(server, List.of(heartbeat("1.4.1", 99, at.minusSeconds(60)))).statusCode(200);
        assertEquals(1, Sql.count(dataSource, "select count(*) from server where id = " + server.id()
                + " and agent_version = '1.4.2' and agent_outbox_backlog = 7 and agent_interval_seconds = 45"),
                "an older heartbeat delivered late changes nothing");
        assertEquals(1, Sql.count(dataSource, "select count(*) from admin_event where type = 'SERVER_REGISTERED' "
                + "and subject = 'server:" + server.id() + "'"));
    }

    static Map<String, Object> heartbeat(String version, int backlog, Instant at) {
        Map<String, Object> f = Agents.finding("agent", "heartbeat", "OK", "agent " + version + " alive; 3 checks in 12 ms; "
                + "outbox " + backlog + " waiting, 0 dropped", at);
        f.put("measurements", Map.of("outboxSize", (double) backlog, "intervalSeconds", 45.0, "cycleMs", 12.0));
        return f;
    }

    private long createUser(String username, String role) {
        Api.ensureUsers();
        return Api.admin().body(Map.of("username", username, "fullName", "Akun " + username, "password", PASSWORD,
                "roles", List.of(role))).post("/api/v1/users").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static io.restassured.specification.RequestSpecification basic(String username) {
        return RestAssured.given().auth().preemptive().basic(username, PASSWORD);
    }
}
