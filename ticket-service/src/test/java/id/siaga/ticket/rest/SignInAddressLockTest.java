package id.siaga.ticket.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static id.siaga.ticket.rest.SignInThrottleTest.PASSWORD;
import static id.siaga.ticket.rest.SignInThrottleTest.awaitUnlocked;
import static id.siaga.ticket.rest.SignInThrottleTest.basic;
import static id.siaga.ticket.rest.SignInThrottleTest.createUser;
import static id.siaga.ticket.rest.SignInThrottleTest.form;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A client address that tries many user names is locked for every name, on the API and the form. */
@QuarkusTest
@TestProfile(SignInAddressLockTest.FewPerAddress.class)
class SignInAddressLockTest {

    /** Six failures from one address, within ten seconds, lock it for ten seconds. */
    public static class FewPerAddress implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.siaga.security.lockout.address-attempts", "6",
                    "siaga.security.lockout.duration", "PT10S",
                    "siaga.security.lockout.delay-step", "PT0.001S");
        }
    }

    @Test
    void locksAClientAddressThatTriesManyNames() throws Exception {
        createUser("address.bystander");
        for (int i = 0; i < 6; i++) {
            basic("address.spray-" + i, "wrong").then().statusCode(401);
        }
        basic("address.bystander", PASSWORD).then().statusCode(429).header("Retry-After", equalTo("10"))
                .contentType(startsWith("application/problem+json"));
        form("address.bystander", PASSWORD).then().statusCode(429).contentType(startsWith("text/html"));
        String metrics = basicAdminMetricsAfterUnlock();
        assertTrue(metrics.contains("siaga_auth_lockouts_total{scope=\"address\",} 1.0"), metrics);
    }

    private static String basicAdminMetricsAfterUnlock() throws InterruptedException {
        awaitUnlocked("address.bystander");
        return id.siaga.ticket.support.Api.admin().accept("text/plain").get("/q/metrics").then().statusCode(200)
                .extract().asString();
    }
}
