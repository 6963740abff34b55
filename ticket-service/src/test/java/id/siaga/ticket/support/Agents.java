package id.siaga.ticket.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Registers servers and posts findings the way a probe agent does. */
public final class Agents {
    private Agents() {
    }

    /** A registered server and its agent token. */
    public record Registered(long id, String name, String token) {
    }

    public static Registered register(String name, String role) {
        var response = Api.admin().body(Map.of("name", name, "role", role, "location", "Painan")).post("/api/v1/servers")
                .then().statusCode(201).extract();
        return new Registered(((Number) response.path("id")).longValue(), name, response.path("agentToken"));
    }

    /** A finding as the agent writes it. */
    public static Map<String, Object> finding(String check, String kind, String status, String message, Instant at) {
        Map<String, Object> f = new HashMap<>();
        f.put("id", UUID.randomUUID().toString());
        f.put("check", check);
        f.put("kind", kind);
        f.put("status", status);
        f.put("message", message);
        f.put("measurements", Map.of("responseMs", 120.0));
        f.put("observedAt", at.toString());
        f.put("durationMs", 120);
        return f;
    }

    public static ValidatableResponse post(Registered server, List<Map<String, Object>> findings) {
        return RestAssured.given().header("Authorization", "Bearer " + server.token()).contentType(ContentType.JSON)
                .body(findings).post("/api/v1/findings").then();
    }

    /** Posts one result of a check per call, one second apart from {@code start}, and returns the last time used. */
    public static Instant results(Registered server, String check, String kind, Instant start, String... statuses) {
        Instant at = start;
        for (String status : statuses) {
            post(server, new ArrayList<>(List.of(finding(check, kind, status, check + " " + status, at)))).statusCode(200);
            at = at.plusSeconds(1);
        }
        return at;
    }
}
