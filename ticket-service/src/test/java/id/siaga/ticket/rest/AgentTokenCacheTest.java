package id.siaga.ticket.rest;

import id.siaga.ticket.support.Agents;
import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Agent tokens are remembered for {@code siaga.findings.token-cache} (2 s in the tests, 30 s by default): a token
 * renewed on this instance fails at once; one renewed on another instance (here: its new hash written straight into
 * the shared database) stops working within that time, and a refused post writes nothing.
 */
@QuarkusTest
class AgentTokenCacheTest {

    private static final long BOUND_MILLIS = 2_000;

    @Inject
    DataSource dataSource;

    @Test
    void refusesARenewedTokenAtOnceOnTheInstanceThatRenewedIt() {
        Agents.Registered server = Agents.register("token-cache-1", "SIAK_APP");
        post(server).statusCode(200);
        Api.admin().post("/api/v1/servers/{id}/token", server.id()).then().statusCode(200);
        long before = findings(server);
        post(server).statusCode(401);
        assertEquals(before, findings(server), "nothing written on a refusal");
    }

    @Test
    void refusesATokenRenewedByAnotherInstanceWithinTheCacheTime() throws Exception {
        Agents.Registered server = Agents.register("token-cache-2", "SIAK_APP");
        post(server).statusCode(200);
        post(server).statusCode(200);
        assertNull(Sql.tryExecute(dataSource, "update server set agent_token_hash = sha256('renewed elsewhere'::bytea) "
                + "where id = " + server.id()));
        long revoked = System.nanoTime();
        int status;
        do {
            status = post(server).extract().statusCode();
            assertTrue(status == 200 || status == 401, "answered " + status);
            if (status == 200) {
                Thread.sleep(100);
            }
        } while (status == 200 && System.nanoTime() - revoked < (BOUND_MILLIS + 1_000) * 1_000_000L);
        long tookMillis = (System.nanoTime() - revoked) / 1_000_000;
        assertEquals(401, status, "still accepted " + tookMillis + " ms after the renewal");
        assertTrue(tookMillis <= BOUND_MILLIS + 500, "refused only after " + tookMillis + " ms");
        long before = findings(server);
        for (int i = 0; i < 3; i++) {
            post(server).statusCode(401);
        }
        assertEquals(before, findings(server), "nothing written on a refusal");
    }

    private static io.restassured.response.ValidatableResponse post(Agents.Registered server) {
        return Agents.post(server, new java.util.ArrayList<>(List.of(
                Agents.finding("web", "http", "OK", "answered", Instant.now()))));
    }

    private long findings(Agents.Registered server) {
        return Sql.count(dataSource, "select count(*) from finding where server_id = " + server.id());
    }
}
