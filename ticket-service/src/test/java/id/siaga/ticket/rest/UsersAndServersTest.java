package id.siaga.ticket.rest;

import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The administrator manages people and servers; secrets are stored only as hashes. */
@QuarkusTest
class UsersAndServersTest {

    @Inject
    DataSource dataSource;

    @Test
    void createsAUserWhoCanSignInWithAHashedPassword() {
        Api.admin().body(Map.of("username", "rina.adb", "fullName", "Rina Putri", "password", "rahasia-rina",
                        "roles", List.of("ADB"), "email", "rina@pesisirselatan.go.id"))
                .post("/api/v1/users").then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("username", equalTo("rina.adb")).body("roles", equalTo(List.of("ADB")))
                .body("$", not(hasKey("password"))).body("$", not(hasKey("passwordHash")));
        assertEquals(1, Sql.count(dataSource, "select count(*) from app_user where username = 'rina.adb' "
                + "and password_hash like '$2%' and password_hash <> 'rahasia-rina'"));
        RestAssured.given().auth().preemptive().basic("rina.adb", "rahasia-rina").get("/api/v1/users/me")
                .then().statusCode(200).body("fullName", equalTo("Rina Putri"));
        Api.admin().body(Map.of("username", "rina.adb", "fullName", "Another", "password", "rahasia-lain",
                "roles", List.of("VIEWER"))).post("/api/v1/users").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void letsTheAdministratorChangeRolesAndPasswordsAndAPersonTheirOwnPassword() {
        int id = Api.admin().body(Map.of("username", "budi.adb", "fullName", "Budi", "password", "rahasia-budi",
                "roles", List.of("ADB"))).post("/api/v1/users").then().statusCode(201).extract().path("id");
        RestAssured.given().auth().preemptive().basic("budi.adb", "rahasia-budi").get("/api/v1/users/me")
                .then().statusCode(200).body("roles", equalTo(List.of("ADB")));

        Api.admin().body(Map.of("roles", List.of("JF_ADB"), "email", "budi@pesisirselatan.go.id"))
                .patch("/api/v1/users/{id}", id).then().statusCode(200)
                .body("roles", equalTo(List.of("JF_ADB"))).body("email", equalTo("budi@pesisirselatan.go.id"))
                .body("fullName", equalTo("Budi"));
        RestAssured.given().auth().preemptive().basic("budi.adb", "rahasia-budi").get("/api/v1/users/me")
                .then().statusCode(200).body("roles", equalTo(List.of("JF_ADB")));
        Api.as(Api.KABID).body(Map.of("roles", List.of("ADMIN"))).patch("/api/v1/users/{id}", id).then().statusCode(403);

        Api.admin().body(Map.of("password", "baru-dari-admin")).patch("/api/v1/users/{id}", id).then().statusCode(200);
        RestAssured.given().auth().preemptive().basic("budi.adb", "rahasia-budi").get("/api/v1/users/me")
                .then().statusCode(401);
        RestAssured.given().auth().preemptive().basic("budi.adb", "baru-dari-admin").contentType("application/json")
                .body(Map.of("currentPassword", "salah", "newPassword", "pilihan-budi")).put("/api/v1/users/me/password")
                .then().statusCode(422).body("errors[0].field", equalTo("currentPassword"));
        RestAssured.given().auth().preemptive().basic("budi.adb", "baru-dari-admin").contentType("application/json")
                .body(Map.of("currentPassword", "baru-dari-admin", "newPassword", "pilihan-budi"))
                .put("/api/v1/users/me/password").then().statusCode(204);
        RestAssured.given().auth().preemptive().basic("budi.adb", "baru-dari-admin").get("/api/v1/users/me")
                .then().statusCode(401);
        RestAssured.given().auth().preemptive().basic("budi.adb", "pilihan-budi").get("/api/v1/users/me")
                .then().statusCode(200);
        Api.admin().body(Map.of("roles", List.of())).patch("/api/v1/users/{id}", id).then().statusCode(400);
        Api.admin().body(Map.of("fullName", "x")).patch("/api/v1/users/999999").then().statusCode(404);
    }

    @Test
    void refusesInvalidUsers() {
        Api.admin().body(Map.of("username", "A B", "fullName", "x", "password", "short", "roles", List.of()))
                .post("/api/v1/users").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("username", "password", "roles"));
        Api.admin().body(Map.of("username", "ok.user", "fullName", "x", "password", "long-enough",
                "roles", List.of("SUPERUSER"))).post("/api/v1/users").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("KABID"));
        assertEquals(0, Sql.count(dataSource, "select count(*) from app_user where username in ('A B', 'ok.user')"));
    }

    @Test
    void registersAServerAndShowsItsTokenOnceStoringOnlyItsHash() throws Exception {
        String token = Api.admin().body(Map.of("name", "siak-app-01", "role", "SIAK_APP",
                        "location", "Ruang server Disdukcapil, Painan"))
                .post("/api/v1/servers").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/servers/"))
                .body("name", equalTo("siak-app-01")).body("role", equalTo("SIAK_APP"))
                .body("agentLastSeen", nullValue()).body("openTickets", equalTo(0))
                .body("agentToken", startsWith("siaga_"))
                .extract().path("agentToken");
        assertTrue(token.length() >= 40, "a 256-bit secret");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, Sql.count(dataSource, "select count(*) from server where name = 'siak-app-01' "
                + "and encode(agent_token_hash, 'hex') = '" + sha + "'"));
        assertEquals(0, Sql.count(dataSource, "select count(*) from server where encode(agent_token_hash, 'escape') like '%"
                + token.substring(6, 20) + "%'"));

        Api.as(Api.VIEWER).get("/api/v1/servers").then().statusCode(200)
                .body("find { it.name == 'siak-app-01' }.role", equalTo("SIAK_APP"))
                .body("find { it.name == 'siak-app-01' }", not(hasKey("agentToken")));
        Api.admin().body(Map.of("name", "siak-app-01", "role", "SIAK_APP")).post("/api/v1/servers").then()
                .statusCode(409);
        Api.admin().body(Map.of("name", "x", "role", "MAINFRAME")).post("/api/v1/servers").then().statusCode(400);
    }

    @Test
    void countsOpenTicketsPerServer() {
        long serverId = ((Number) Api.admin().body(Map.of("name", "ktpel-01", "role", "KTPEL")).post("/api/v1/servers")
                .then().statusCode(201).extract().path("id")).longValue();
        Map<String, Object> complaint = new java.util.HashMap<>(Api.complaint("KTP-el lambat"));
        complaint.put("serverId", serverId);
        complaint.put("application", "KTP_EL");
        Api.as(Api.ADB).body(complaint).post("/api/v1/tickets").then().statusCode(201).body("serverId", equalTo((int) serverId));
        Api.as(Api.VIEWER).get("/api/v1/servers/{id}", serverId).then().statusCode(200).body("openTickets", equalTo(1))
                .body("$", not(hasKey("agentToken")));
        Api.as(Api.VIEWER).queryParam("serverId", serverId).get("/api/v1/tickets").then()
                .body("total", equalTo(1)).body("items[0].application", equalTo("KTP_EL"));
        Api.as(Api.VIEWER).get("/api/v1/servers/999999").then().statusCode(404);
    }

    @Test
    void renewsAServerTokenOnlyForTheAdministrator() {
        long serverId = ((Number) Api.admin().body(Map.of("name", "siak-db-renew", "role", "SIAK_DB")).post("/api/v1/servers")
                .then().statusCode(201).extract().path("id")).longValue();
        Api.as(Api.KABID).post("/api/v1/servers/{id}/token", serverId).then().statusCode(403);
        Api.admin().post("/api/v1/servers/{id}/token", serverId).then().statusCode(200)
                .body("agentToken", startsWith("siaga_")).body("id", equalTo((int) serverId))
                .contentType(io.restassured.http.ContentType.JSON);
    }
}
