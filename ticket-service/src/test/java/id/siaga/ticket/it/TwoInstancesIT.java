package id.siaga.ticket.it;

import id.siaga.ticket.support.Sops;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two processes of the packaged service share one PostgreSQL, as several instances behind a load balancer
 * do: both sweep every second, and still every escalation (and each of its notices) is made exactly once,
 * and ticket numbers stay unique and gap-free; one agent's findings, taken by either instance in turn, move its
 * checks as if one instance had taken them all.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    private static final String ADMIN_PASSWORD = "admin-two-instances";
    private static EmbeddedPostgres postgres;
    private static ServiceProcess a;
    private static ServiceProcess b;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        Map<String, String> env = ServiceProcess.sweepingEnvironment(postgres, ADMIN_PASSWORD);
        env.put("SIAGA_NOTIFY_EMAIL", "true");
        env.put("SIAGA_NOTIFY_SEND_EVERY", "1h");
        a = ServiceProcess.start("a", env);
        b = ServiceProcess.start("b", env);
    }

    @AfterAll
    static void stop() throws Exception {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void escalatesEachOverdueStepOnceWithTwoInstancesSweeping() throws Exception {
        admin(a).body(Sops.withSecondStandards(1)).post("/api/v1/sop").then().statusCode(201);
        for (String role : List.of("ADB", "KASI", "KABID")) {
            admin(a).body(Map.of("username", role.toLowerCase(), "fullName", "Test " + role, "password", "password-123",
                    "roles", List.of(role), "email", role.toLowerCase() + "@siaga.test")).post("/api/v1/users")
                    .then().statusCode(201);
        }
        List<Integer> tickets = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ServiceProcess instance = i % 2 == 0 ? a : b;
            int id = as(instance, "adb").body(Map.of("source", "PHONE", "reporterName", "Kecamatan " + i,
                    "application", "SIAK", "title", "Gangguan " + i, "description", "SIAK lambat", "severity", "HIGH"))
                    .post("/api/v1/tickets").then().statusCode(201).extract().path("id");
            as(i % 3 == 0 ? b : a, "adb").body(Map.of("to", "INSPECTION")).post("/api/v1/tickets/{id}/transitions", id)
                    .then().statusCode(200);
            tickets.add(id);
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < deadline && count("select count(*) from escalation where level = 2") < tickets.size()) {
            Thread.sleep(500);
        }
        Thread.sleep(3000);

        assertEquals(tickets.size(), count("select count(*) from escalation where reason = 'STEP_OVERDUE' and level = 1"));
        assertEquals(tickets.size(), count("select count(*) from escalation where reason = 'STEP_OVERDUE' and level = 2"));
        assertEquals(0, count("select count(*) from (select ticket_id, step_seq, level from escalation "
                + "group by ticket_id, step_seq, level having count(*) > 1) d"));
        assertEquals(count("select count(*) from escalation where recipient_role = 'KASI'"),
                count("select count(*) from notice n join escalation e on e.id = n.escalation_id where e.recipient_role = 'KASI'"),
                "one e-mail per escalation to the one KASI");
        assertEquals(0, count("select count(*) from (select number from ticket group by number having count(*) > 1) d"));
        assertEquals(tickets.size() - 1, count("select max(cast(substring(number from 12) as integer)) "
                + "- min(cast(substring(number from 12) as integer)) from ticket where id in ("
                + tickets.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")"));
        assertTrue(a.log().contains("Escalation") || b.log().contains("Escalation"));
        assertTrue(a.log().contains("started in") && b.log().contains("started in"));
    }

    /** After the escalations' test, whose counts have no agent ticket in them. */
    @Test
    @Order(2)
    void appliesOneServersFindingsInOrderWhicheverInstanceTakesThem() throws Exception {
        var server = admin(a).body(Map.of("name", "siak-app-both", "role", "SIAK_APP", "location", "Painan"))
                .post("/api/v1/servers").then().statusCode(201).extract();
        long serverId = ((Number) server.path("id")).longValue();
        String token = server.path("agentToken");
        Instant t = Instant.now().minusSeconds(600);
        // each instance holds the states it committed last; each post below finds them changed by the other
        List<String> statuses = List.of("OK", "OK", "CRIT", "CRIT", "CRIT", "OK", "OK");
        for (int i = 0; i < statuses.size(); i++) {
            Map<String, Object> finding = Map.of("id", UUID.randomUUID().toString(), "check", "siak-web", "kind", "http",
                    "status", statuses.get(i), "message", "siak-web " + statuses.get(i), "observedAt",
                    t.plusSeconds(i).toString());
            RestAssured.given().baseUri((i % 2 == 0 ? a : b).url()).header("Authorization", "Bearer " + token)
                    .contentType(ContentType.JSON).body(List.of(finding)).post("/api/v1/findings").then().statusCode(200)
                    .body("accepted", equalTo(1));
        }
        assertEquals(1, count("select count(*) from ticket where server_id = " + serverId), "opened at the 2nd failure, once");
        assertEquals(1, count("select count(*) from ticket_event e join ticket k on k.id = e.ticket_id where k.server_id = "
                + serverId + " and e.type = 'RECOVERED'"), "recovered at the 2nd pass, once");
        assertEquals(2, count("select consecutive_passes from check_state where server_id = " + serverId));
        assertEquals(7, count("select count(*) from finding where server_id = " + serverId));
    }

    private static RequestSpecification admin(ServiceProcess instance) {
        return instance.as("admin", ADMIN_PASSWORD);
    }

    private static RequestSpecification as(ServiceProcess instance, String user) {
        return instance.as(user, "password-123");
    }

    private static long count(String sql) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
