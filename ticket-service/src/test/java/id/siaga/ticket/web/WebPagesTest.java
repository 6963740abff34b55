package id.siaga.ticket.web;

import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Pages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** The pages' sign-in, language, CSRF and role rules, checked without a browser. */
@QuarkusTest
class WebPagesTest {

    @Test
    void redirectsToTheSignInPageWhenSignedOut() {
        for (String path : new String[] {"/papan", "/tiket", "/tiket/baru", "/tiket/1", "/laporan/bulanan",
            "/cetak/agenda", "/cetak/laporan-kerusakan/1"}) {
            RestAssured.given().redirects().follow(false).get(path).then().statusCode(302)
                    .header("Location", endsWith("/masuk"));
        }
        RestAssured.given().redirects().follow(false).get("/").then().statusCode(302)
                .header("Location", endsWith("/papan"));
        RestAssured.given().get("/masuk").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("<html lang=\"id\">"))
                .body(containsString("Nama pengguna"));
    }

    @Test
    void signsInWithTheSameUsersAsTheApiAndRefusesAWrongPassword() {
        Api.ensureUsers();
        RestAssured.given().redirects().follow(false).formParam("username", Api.ADB).formParam("password", "wrong")
                .post("/j_security_check").then().statusCode(302).header("Location", endsWith("/masuk?gagal=1"));
        Pages adb = Pages.signIn(Api.ADB);
        adb.get("/papan").then().statusCode(200).body(containsString("Papan status"))
                .body(containsString("Test ADB"));
    }

    @Test
    void keepsTheApiOnBasicAndBearerEvenWithASessionCookie() {
        Pages adb = Pages.signIn(Api.ADB);
        adb.request().get("/api/v1/tickets").then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401));
    }
}
