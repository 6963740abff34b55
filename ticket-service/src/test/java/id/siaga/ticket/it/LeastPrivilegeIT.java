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

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged service with the two database roles of deploy/ticket-service/create-roles.sql: Flyway migrates as
 * the owner, the service runs as the runtime role. The service works fully (a ticket walked to CLOSED, agent
 * findings into a partition it made, escalations swept), yet the runtime role can neither change, remove nor
 * unprotect audit events; a change the owner makes by hand shows in the verification. With one role the service
 * still starts and warns once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeastPrivilegeIT {

    private static final String ADMIN_PASSWORD = "admin-least-privilege";
    private static final String OWNER = "siaga_owner";
    private static final String OWNER_PASSWORD = "change-me-owner";
    private static final String APP = "siaga_app";
    private static final String APP_PASSWORD = "change-me-app";
    private static final String WARNING = "the audit trail's protection relies on triggers";
    private static final Path CREATE_ROLES = Path.of("..", "deploy", "ticket-service", "create-roles.sql");

    private static EmbeddedPostgres postgres;
    private static ServiceProcess service;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        runAdministratorScript();
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", url());
        env.put("QUARKUS_DATASOURCE_USERNAME", APP);
        env.put("QUARKUS_DATASOURCE_PASSWORD", APP_PASSWORD);
        env.put("QUARKUS_FLYWAY_USERNAME", OWNER);
        env.put("QUARKUS_FLYWAY_PASSWORD", OWNER_PASSWORD);
        env.put("SIAGA_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("SIAGA_CALENDAR_ALWAYS_OPEN", "true");
        env.put("SIAGA_ESCALATION_SWEEP", "1s");
        env.put("SIAGA_NOTIFY_EMAIL", "true");
        env.put("SIAGA_NOTIFY_SEND_EVERY", "1h");
        service = ServiceProcess.start("least-privilege", env);
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void worksFullyAsTheRuntimeRole() throws Exception {
        admin().body(Sops.withSecondStandards(1)).post("/api/v1/sop").then().statusCode(201);
        for (String role : List.of("ADB", "JF_ADB", "KASI", "KABID")) {
            admin().body(Map.of("username", role.toLowerCase(), "fullName", "Test " + role, "password", "password-123",
                    "roles", List.of(role), "email", role.toLowerCase() + "@siaga.test")).post("/api/v1/users")
                    .then().statusCode(201);
        }
        int ticket = as("adb").body(Map.of("source", "PHONE", "reporterName", "Kecamatan Lengayang",
                "application", "SIAK", "title", "SIAK tidak bisa dibuka", "description", "Login gagal",
                "severity", "HIGH")).post("/api/v1/tickets").then().statusCode(201).extract().path("id");
        for (String step : List.of("INSPECTION", "FUNCTION_CHECK", "ANALYSIS", "REPAIR", "SOFTWARE_CHECK", "DECISION")) {
            move("adb", ticket, step, "selesai");
        }
        move("adb", ticket, "REPORT_TO_KABID", "Ya, software berfungsi");
        move("kabid", ticket, "AGENDA", "Laporan diterima Kabid");
        as("kasi").body(Map.of("to", "CLOSED", "output", "Dicatat dalam agenda"))
                .post("/api/v1/tickets/{id}/transitions", ticket).then().statusCode(200)
                .body("state", equalTo("CLOSED")).body("agendaNumber", matchesPattern("\\d{3}/PIAK/\\d{4}"));

        var server = admin().body(Map.of("name", "siak-app-1", "role", "SIAK_APP", "location", "Painan"))
                .post("/api/v1/servers").then().statusCode(201).extract();
        String token = server.path("agentToken");
        Instant now = Instant.now();
        for (int i = 0; i < 2; i++) {
            RestAssured.given().baseUri(service.url()).header("Authorization", "Bearer " + token)
                    .contentType(ContentType.JSON).body(List.of(finding("display", "CRIT", now.plusSeconds(i))))
                    .post("/api/v1/findings").then().statusCode(200).body("accepted", equalTo(1));
        }
        String today = "finding_p" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString().replace("-", "");
        assertEquals(2, ownerCount("select count(*) from " + today), "the findings are in today's partition");
        assertEquals(9, ownerCount("select count(*) from pg_inherits i join pg_class c on c.oid = i.inhrelid "
                + "where i.inhparent = 'finding'::regclass and c.relname like 'finding\\_p%' "
                + "and pg_get_userbyid(c.relowner) = '" + OWNER + "'"), "yesterday to a week ahead, owned by the owner");
        assertTrue(ownerCount("select count(*) from ticket where source = 'AGENT' and state = 'OPEN'") >= 1,
                "two failures in a row opened an agent ticket");
        int waiting = as("adb").body(Map.of("source", "PHONE", "reporterName", "Kecamatan Bayang", "application", "SIAK",
                "title", "Cetak KTP-el gagal", "description", "Printer tidak terdeteksi", "severity", "MEDIUM"))
                .post("/api/v1/tickets").then().statusCode(201).extract().path("id");
        move("adb", waiting, "INSPECTION", null);

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String overdue = "select count(*) from escalation where reason = 'STEP_OVERDUE' and ticket_id = " + waiting;
        while (System.nanoTime() < deadline && ownerCount(overdue) == 0) {
            Thread.sleep(500);
        }
        assertEquals(1, ownerCount(overdue), "the sweep escalated the overdue inspection");
        as("kasi").get("/api/v1/escalations").then().statusCode(200);

        try (Connection app = connect(APP, APP_PASSWORD); Statement s = app.createStatement()) {
            try (ResultSet rs = s.executeQuery("select * from siaga_drop_finding_partitions_before(date '2000-01-01')")) {
                assertFalse(rs.next(), "nothing that old to drop");
            }
        }
        assertFalse(service.log().contains(WARNING), "no single-role warning with two roles");
        assertFalse(service.log().contains(" ERROR "), service.log());
    }

    @Test
    @Order(2)
    void runtimeRoleCannotChangeRemoveOrUnprotectTheAuditTrail() throws Exception {
        String before = auditRows();
        long events = ownerCount("select count(*) from ticket_event");
        assertTrue(events >= 10, "the walked ticket's events: " + events);
        Map<String, String> attempts = new LinkedHashMap<>();
        attempts.put("update", "update ticket_event set actor = 'mallory'");
        attempts.put("delete", "delete from ticket_event");
        attempts.put("truncate", "truncate ticket_event");
        attempts.put("disable triggers", "alter table ticket_event disable trigger all");
        attempts.put("drop sealing trigger", "drop trigger ticket_event_seal on ticket_event");
        attempts.put("drop append-only trigger", "drop trigger ticket_event_append_only on ticket_event");
        attempts.put("replace sealing function", "create or replace function siaga_audit_seal() returns trigger "
                + "language plpgsql as $$ begin return new; end $$");
        attempts.put("replace hash function", "create or replace function siaga_audit_hash(bigint, bigint, timestamptz, "
                + "text, text, text, text, text, text) returns varchar(64) language sql as $$ select 'x' $$");
        attempts.put("move the chain head", "update ticket_event_chain set last_hash = 'x'");
        attempts.put("forge a seal", "insert into ticket_event_seal (event_id, seq, hash) values (999999, 999999, 'x')");
        attempts.put("change a seal", "update ticket_event_seal set hash = 'x'");
        attempts.put("remove seals", "delete from ticket_event_seal");
        attempts.put("disable the seals' triggers", "alter table ticket_event_seal disable trigger all");
        attempts.put("take ownership", "alter table ticket_event owner to " + APP);
        attempts.put("become the owner", "set role " + OWNER);
        attempts.put("create a table", "create table mallory (x int)");
        try (Connection app = connect(APP, APP_PASSWORD)) {
            for (Map.Entry<String, String> attempt : attempts.entrySet()) {
                try (Statement s = app.createStatement()) {
                    s.execute(attempt.getValue());
                    throw new AssertionError(attempt.getKey() + " was allowed");
                } catch (SQLException refused) {
                    assertNotNull(refused.getSQLState(), attempt.getKey());
                }
            }
            try (Statement s = app.createStatement()) {
                s.execute("grant update, delete, truncate on ticket_event to " + APP);
                assertNotNull(s.getWarnings(), "PostgreSQL answers that nothing was granted");
            }
            try (Statement s = app.createStatement(); ResultSet rs = s.executeQuery("""
                    select has_table_privilege(current_user, 'ticket_event', 'UPDATE')
                        or has_table_privilege(current_user, 'ticket_event', 'DELETE')
                        or has_table_privilege(current_user, 'ticket_event', 'TRUNCATE')""")) {
                rs.next();
                assertFalse(rs.getBoolean(1), "the runtime role granted itself nothing");
            }
        }
        assertEquals(before, auditRows(), "the audit trail is unchanged");
        admin().get("/api/v1/audit/verification").then().statusCode(200)
                .body("valid", equalTo(true)).body("events", equalTo((int) events)).body("firstInvalidId", nullValue());
    }

    @Test
    @Order(3)
    void verificationPointsAtTheEventTheOwnerChangedByHand() throws Exception {
        long eventId = ownerCount("select min(id) from ticket_event where type = 'TRANSITION'");
        try (Connection owner = connect(OWNER, OWNER_PASSWORD); Statement s = owner.createStatement()) {
            s.execute("alter table ticket_event disable trigger ticket_event_append_only");
            s.execute("grant update on ticket_event to " + OWNER);
            assertEquals(1, s.executeUpdate("update ticket_event set actor = 'mallory' where id = " + eventId));
            s.execute("revoke update on ticket_event from " + OWNER);
            s.execute("alter table ticket_event enable trigger ticket_event_append_only");
        }
        as("kabid").get("/api/v1/audit/verification").then().statusCode(200)
                .body("valid", equalTo(false)).body("firstInvalidId", equalTo((int) eventId));
    }

    @Test
    @Order(4)
    void oneRoleForEverythingStillWorksAndWarnsOnce() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", "postgres"));
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("SIAGA_ADMIN_PASSWORD", ADMIN_PASSWORD);
        try (ServiceProcess single = ServiceProcess.start("single-role", env)) {
            RestAssured.given().baseUri(single.url()).auth().preemptive().basic("admin", ADMIN_PASSWORD)
                    .get("/api/v1/audit/verification").then().statusCode(200).body("valid", equalTo(true));
            String log = single.log();
            assertEquals(1, log.split(java.util.regex.Pattern.quote(WARNING), -1).length - 1, log);
        }
    }

    /** Runs the administrator's script (create-roles.sql) as the superuser, as psql would. */
    private static void runAdministratorScript() throws Exception {
        List<String> lines = Files.readAllLines(CREATE_ROLES);
        List<StringBuilder> parts = new ArrayList<>(List.of(new StringBuilder()));
        for (String line : lines) {
            if (line.startsWith("\\connect")) {
                parts.add(new StringBuilder());
            } else if (!line.startsWith("--")) {
                parts.get(parts.size() - 1).append(line).append('\n');
            }
        }
        String[] databases = {"postgres", "siaga"};
        for (int i = 0; i < parts.size(); i++) {
            try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl("postgres", databases[i]))) {
                for (String statement : parts.get(i).toString().split(";")) {
                    if (!statement.isBlank()) {
                        try (Statement s = c.createStatement()) {
                            s.execute(statement);
                        }
                    }
                }
            }
        }
    }

    private static String url() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/siaga";
    }

    private static Connection connect(String user, String password) throws SQLException {
        return DriverManager.getConnection(url(), user, password);
    }

    private static long ownerCount(String sql) throws SQLException {
        try (Connection c = connect(OWNER, OWNER_PASSWORD); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String auditRows() throws SQLException {
        try (Connection c = connect(OWNER, OWNER_PASSWORD); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select string_agg(e.id || ':' || e.actor || ':' || coalesce(e.note, '') || ':' || s.seq || ':' || s.hash, ',' "
                        + "order by e.id) from ticket_event e join ticket_event_seal s on s.event_id = e.id")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Map<String, Object> finding(String check, String status, Instant at) {
        Map<String, Object> f = new HashMap<>();
        f.put("id", UUID.randomUUID().toString());
        f.put("check", check);
        f.put("kind", "http");
        f.put("status", status);
        f.put("message", "HTTP 500 di halaman login");
        f.put("measurements", Map.of("responseMs", 120.0));
        f.put("durationMs", 120);
        f.put("observedAt", at.toString());
        return f;
    }

    private static void move(String user, int ticket, String to, String output) {
        as(user).body(output == null ? Map.of("to", to) : Map.of("to", to, "output", output)).post("/api/v1/tickets/{id}/transitions", ticket)
                .then().statusCode(200);
    }

    private static RequestSpecification admin() {
        return RestAssured.given().baseUri(service.url()).auth().preemptive().basic("admin", ADMIN_PASSWORD)
                .contentType(ContentType.JSON);
    }

    private static RequestSpecification as(String user) {
        return RestAssured.given().baseUri(service.url()).auth().preemptive().basic(user, "password-123")
                .contentType(ContentType.JSON);
    }
}
