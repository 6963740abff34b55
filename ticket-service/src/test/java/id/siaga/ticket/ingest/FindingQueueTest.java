package id.siaga.ticket.ingest;

import id.siaga.ticket.support.Agents;
import id.siaga.ticket.support.Await;
import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Posts waiting for a stuck writer: with one writer and room for one waiting post, a post that finds the queue
 * full is answered 503 with Retry-After at once and never written; posts not committed within the write timeout
 * are answered 503 too, and are stored once when the writer gets going again, so the agents' resends count them as
 * duplicates. The writer is held up by a transaction that keeps the server's row locked.
 */
@QuarkusTest
@TestProfile(FindingQueueTest.OneSlot.class)
class FindingQueueTest {

    /** One writer, one waiting post, a two-second write timeout. */
    public static class OneSlot implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("siaga.findings.writers", "1", "siaga.findings.queue", "1",
                    "siaga.findings.write-timeout", "PT2S");
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void answersAFullQueueAndATimedOutPostWith503AndStoresNeitherTwice() throws Exception {
        Agents.Registered server = Agents.register("siak-app-queue", "SIAK_APP");
        Instant now = Instant.now();
        List<Map<String, Object>> first = batch("first", now);
        List<Map<String, Object>> second = batch("second", now);
        List<Map<String, Object>> refused = batch("refused", now);

        CompletableFuture<Response> writing;
        CompletableFuture<Response> waiting;
        try (Connection lock = dataSource.getConnection(); Statement s = lock.createStatement()) {
            lock.setAutoCommit(false);
            s.execute("select id from server where id = " + server.id() + " for update");

            writing = CompletableFuture.supplyAsync(() -> Agents.post(server, first).extract().response());
            Await.until("the writer to wait for the server's row", Duration.ofSeconds(20),
                    () -> Sql.count(dataSource, "select count(*) from pg_locks where not granted") > 0);
            waiting = CompletableFuture.supplyAsync(() -> Agents.post(server, second).extract().response());
            Await.until("the second post to wait in the queue", Duration.ofSeconds(20), () -> queued() == 1);

            Agents.post(server, refused).statusCode(503).header("Retry-After", "5")
                    .body("status", equalTo(503));
            for (Response timedOut : List.of(writing.get(30, TimeUnit.SECONDS), waiting.get(30, TimeUnit.SECONDS))) {
                assertEquals(503, timedOut.statusCode(), timedOut.asString());
                assertEquals("5", timedOut.header("Retry-After"));
            }
            lock.rollback();
        }

        Await.until("the timed-out posts to be written once the row is free", Duration.ofSeconds(20),
                () -> stored(first) == 1 && stored(second) == 1);
        Agents.post(server, first).statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(1));
        Agents.post(server, second).statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(1));
        assertEquals(0, stored(refused), "the post refused for a full queue was never written");
        Agents.post(server, refused).statusCode(200).body("accepted", equalTo(1));
        assertEquals(3, Sql.count(dataSource, "select count(*) from finding where server_id = " + server.id()));
    }

    private static List<Map<String, Object>> batch(String check, Instant at) {
        return new ArrayList<>(List.of(Agents.finding(check, "http", "OK", "HTTP 200", at)));
    }

    private long stored(List<Map<String, Object>> batch) {
        return Sql.count(dataSource, "select count(*) from finding where id = '" + batch.get(0).get("id") + "'");
    }

    private static double queued() {
        String metrics = Api.as(Api.VIEWER).get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("siaga_findings_queue "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1))).findFirst().orElse(-1);
    }
}
