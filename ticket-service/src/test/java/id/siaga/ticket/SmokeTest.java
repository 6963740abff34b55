package id.siaga.ticket;

import id.siaga.ticket.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class SmokeTest {

    @Test
    void servesTheActiveSop() {
        Api.admin().get("/api/v1/sop").then().log().ifValidationFails().statusCode(200)
                .body("number", equalTo("800/488/DKPS-PS/2022"));
    }

    @Test
    void opensATicket() {
        Api.as(Api.ADB).body(Api.complaint("smoke")).post("/api/v1/tickets").then().log().all().statusCode(201)
                .body("number", startsWith("SIAGA-"));
    }
}
