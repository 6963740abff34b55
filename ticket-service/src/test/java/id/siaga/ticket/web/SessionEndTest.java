package id.siaga.ticket.web;

import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Pages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

/**
 * Signing out and a password change end the person's sessions on the server: a copy of the session cookie taken
 * before no longer opens a page (the sign-in page instead, as for an expired session), and a new sign-in works.
 */
@QuarkusTest
class SessionEndTest {

    private static final String OLD_PASSWORD = "password-old-1";
    private static final String NEW_PASSWORD = "password-new-2";

    @Test
    void signingOutEndsCopiesOfTheSessionCookie() {
        createUser("session.out", OLD_PASSWORD);
        Pages pages = Pages.signIn("session.out", OLD_PASSWORD);
        String copy = pages.sessionCookie();
        opensTheBoard(copy);

        String token = pages.csrfToken("/papan");
        pages.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token).post("/keluar")
                .then().statusCode(303).header("Location", containsString("/masuk"));

        sentToTheSignInPage(copy);
        RestAssured.given().cookie(Pages.SESSION_COOKIE, copy).get("/masuk").then().statusCode(200)
                .body(containsString("name=\"password\""));
        Pages again = Pages.signIn("session.out", OLD_PASSWORD);
        opensTheBoard(again.sessionCookie());
        sentToTheSignInPage(copy);
    }

    @Test
    void anAdministratorsPasswordChangeEndsTheSessions() {
        long id = createUser("session.admin", OLD_PASSWORD);
        String copy = Pages.signIn("session.admin", OLD_PASSWORD).sessionCookie();
        opensTheBoard(copy);

        Api.admin().body(Map.of("password", NEW_PASSWORD)).patch("/api/v1/users/{id}", id).then().statusCode(200);

        sentToTheSignInPage(copy);
        RestAssured.given().auth().preemptive().basic("session.admin", OLD_PASSWORD).get("/api/v1/users/me")
                .then().statusCode(401);
        opensTheBoard(Pages.signIn("session.admin", NEW_PASSWORD).sessionCookie());
    }

    @Test
    void changingYourOwnPasswordEndsYourSessions() {
        createUser("session.self", OLD_PASSWORD);
        String copy = Pages.signIn("session.self", OLD_PASSWORD).sessionCookie();
        opensTheBoard(copy);
        RestAssured.given().auth().preemptive().basic("session.self", OLD_PASSWORD).get("/api/v1/users/me")
                .then().statusCode(200);

        RestAssured.given().auth().preemptive().basic("session.self", OLD_PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", OLD_PASSWORD, "newPassword", NEW_PASSWORD))
                .put("/api/v1/users/me/password").then().statusCode(204);

        sentToTheSignInPage(copy);
        RestAssured.given().auth().preemptive().basic("session.self", OLD_PASSWORD).get("/api/v1/users/me")
                .then().statusCode(401);
        opensTheBoard(Pages.signIn("session.self", NEW_PASSWORD).sessionCookie());
    }

    @Test
    void anotherPersonsSignOutLeavesASessionOpen() {
        createUser("session.keep", OLD_PASSWORD);
        createUser("session.other", OLD_PASSWORD);
        String kept = Pages.signIn("session.keep", OLD_PASSWORD).sessionCookie();
        Pages other = Pages.signIn("session.other", OLD_PASSWORD);
        String token = other.csrfToken("/papan");
        other.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token)
                .post("/keluar").then().log().ifValidationFails().statusCode(303);
        opensTheBoard(kept);
    }

    private static void opensTheBoard(String cookie) {
        RestAssured.given().redirects().follow(false).cookie(Pages.SESSION_COOKIE, cookie).get("/papan")
                .then().statusCode(200).body(containsString("Papan status"));
    }

    private static void sentToTheSignInPage(String cookie) {
        RestAssured.given().redirects().follow(false).cookie(Pages.SESSION_COOKIE, cookie).get("/papan")
                .then().log().ifValidationFails().statusCode(302).header("Location", endsWith("/masuk"));
    }

    private static long createUser(String username, String password) {
        return ((Number) Api.admin().body(Map.of("username", username, "fullName", "Sesi " + username,
                "password", password, "roles", List.of("ADB"))).post("/api/v1/users").then().statusCode(201)
                .extract().path("id")).longValue();
    }
}
