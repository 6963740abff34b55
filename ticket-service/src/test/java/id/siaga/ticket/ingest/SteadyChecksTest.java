package id.siaga.ticket.ingest;

import id.siaga.ticket.support.Agents;
import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A steady check's state row is rewritten at most once a {@code siaga.findings.steady-refresh} while the service is
 * busy; here every write counts as busy ({@code steady-batch} 1), so that posts one at a time show it.
 */
@QuarkusTest
@TestProfile(SteadyChecksTest.EveryWriteBusy.class)
class SteadyChecksTest {

    /** Steady checks left for the refresh in every write, whatever the number of posts in it. */
    public static class EveryWriteBusy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("siaga.findings.steady-batch", "1");
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void rewritesASteadyCheckAtMostOnceAMinuteYetStoresEveryFindingAndAppliesAFailureAtOnce() {
        Agents.Registered server = Agents.register("siak-app-steady", "SIAK_APP");
        String[] passes = new String[StreakRules.HISTORY];
        Arrays.fill(passes, "OK");
        Instant t = Agents.results(server, "siak-web", "http", Instant.now().minusSeconds(600), passes);
        String row = "from check_state where server_id = " + server.id() + " and check_key = 'siak-web'";
        String writtenAt = "select (extract(epoch from updated_at) * 1000000)::bigint " + row;
        long written = Sql.count(dataSource, writtenAt);

        t = Agents.results(server, "siak-web", "http", t, "OK", "OK");
        assertEquals(StreakRules.HISTORY + 2, Sql.count(dataSource, "select count(*) from finding where server_id = "
                + server.id() + " and check_key = 'siak-web'"), "every finding is stored");
        assertEquals(written, Sql.count(dataSource, writtenAt), "the steady check's row is not written again within the minute");
        assertEquals(StreakRules.HISTORY, Sql.count(dataSource, "select consecutive_passes " + row));

        Agents.results(server, "siak-web", "http", t, "CRIT");
        Api.as(Api.ADB).get("/api/v1/servers/{id}/checks", server.id()).then().statusCode(200)
                .body("find { it.check == 'siak-web' }.status", equalTo("CRIT"))
                .body("find { it.check == 'siak-web' }.consecutiveFailures", equalTo(1))
                .body("find { it.check == 'siak-web' }.consecutivePasses", equalTo(0));
    }
}
