package id.siaga.ticket.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * REST Assured helpers: requests as each kind of user, and the users themselves, created once per run
 * through the API as {@code admin}.
 */
public final class Api {

    public static final String PASSWORD = "password-123";
    public static final String ADB = "adb.test";
    public static final String JF_ADB = "jfadb.test";
    public static final String KASI = "kasi.test";
    public static final String KABID = "kabid.test";
    public static final String VIEWER = "viewer.test";

    /** The port of the application the users were created in; a new application (test profile) needs them again. */
    private static volatile int usersCreatedOnPort = -1;

    private Api() {
    }

    public static RequestSpecification admin() {
        return RestAssured.given().auth().preemptive().basic("admin", EmbeddedPostgresResource.ADMIN_PASSWORD)
                .contentType(ContentType.JSON);
    }

    public static RequestSpecification as(String username) {
        ensureUsers();
        return RestAssured.given().auth().preemptive().basic(username, PASSWORD).contentType(ContentType.JSON);
    }

    /** @return the Authorization header value of HTTP Basic for this user name and password (UTF-8) */
    public static String basicHeader(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given().contentType(ContentType.JSON);
    }

    /** Creates the test users once; a second run in the same database finds them present. */
    public static synchronized void ensureUsers() {
        if (usersCreatedOnPort == RestAssured.port) {
            return;
        }
        Map<String, String> roles = Map.of(ADB, "ADB", JF_ADB, "JF_ADB", KASI, "KASI", KABID, "KABID", VIEWER, "VIEWER");
        roles.forEach((username, role) -> {
            int status = admin().body(Map.of("username", username, "fullName", "Test " + role, "password", PASSWORD,
                    "roles", List.of(role), "email", username + "@siaga.test")).post("/api/v1/users").statusCode();
            if (status != 201 && status != 409) {
                throw new IllegalStateException("could not create test user " + username + ": " + status);
            }
        });
        usersCreatedOnPort = RestAssured.port;
    }

    /** A complaint body with the given title. */
    public static Map<String, Object> complaint(String title) {
        return Map.of("source", "PHONE", "reporterName", "Operator Kecamatan Lengayang",
                "reporterContact", "0812-0000-0000", "application", "SIAK", "title", title,
                "description", "Aplikasi SIAK tidak bisa dibuka di kecamatan", "severity", "HIGH");
    }

    /** Files a complaint as the ADB and returns the new ticket's id. */
    public static long newTicket(String title) {
        return ((Number) as(ADB).body(complaint(title)).post("/api/v1/tickets").then().statusCode(201)
                .extract().path("id")).longValue();
    }

    /**
     * Works a new ticket through steps 2–7 as the ADB, decides "No" (an escalation to the JF ADB) and hands the repair
     * to a third party as the JF ADB (an escalation to the Kabid).
     */
    public static void toThirdPartyRepair(long ticketId) {
        for (String step : List.of("INSPECTION", "FUNCTION_CHECK", "ANALYSIS", "REPAIR", "SOFTWARE_CHECK", "DECISION")) {
            move(ADB, ticketId, step, "ok");
        }
        move(ADB, ticketId, "REPORT_TO_JF_ADB", "Tidak");
        as(JF_ADB).body(Map.of("to", "THIRD_PARTY_REPAIR", "thirdParty", Map.of("name", "Helpdesk Dukcapil Pusat")))
                .post("/api/v1/tickets/{id}/transitions", ticketId).then().statusCode(200);
    }

    /** Moves a ticket, expecting success. */
    public static void move(String username, long ticketId, String to, String output) {
        Map<String, Object> body = output == null ? Map.of("to", to) : Map.of("to", to, "output", output);
        as(username).body(body).post("/api/v1/tickets/{id}/transitions", ticketId).then().statusCode(200);
    }
}
