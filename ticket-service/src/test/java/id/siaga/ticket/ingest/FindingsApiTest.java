package id.siaga.ticket.ingest;

import id.siaga.ticket.support.Agents;
import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Pages;
import id.siaga.ticket.support.Sops;
import id.siaga.ticket.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.anyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Agents post findings; the service stores each once and turns failing checks into one ticket each. */
@QuarkusTest
class FindingsApiTest {

    @Inject
    DataSource dataSource;

    @Inject
    FindingSeenExpiry seenExpiry;

    @Test
    void storesABatchOnceAndAnswersARetryWithDuplicates() {
        Agents.Registered server = Agents.register("siak-app-idem", "SIAK_APP");
        Instant now = Instant.now();
        List<Map<String, Object>> batch = List.of(
                Agents.finding("siak-web", "http", "OK", "HTTP 200 in 120 ms", now),
                Agents.finding("disk", "host", "WARN", "/var 12% free", now),
                Agents.finding("agent", "heartbeat", "OK", null, now));
        Agents.post(server, batch).statusCode(200).body("accepted", equalTo(3)).body("duplicates", equalTo(0))
                .body("recheck", hasSize(0));
        Agents.post(server, batch).statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(3));
        assertEquals(3, Sql.count(dataSource, "select count(*) from finding where server_id = " + server.id()));

        Api.as(Api.VIEWER).get("/api/v1/servers/{id}", server.id()).then().statusCode(200)
                .body("agentLastSeen", notNullValue()).body("worstStatus", equalTo("WARN"));
        Api.as(Api.VIEWER).get("/api/v1/servers/{id}/checks", server.id()).then().statusCode(200)
                .body("check", hasItem("siak-web")).body("find { it.check == 'disk' }.status", equalTo("WARN"));
        Api.as(Api.VIEWER).queryParam("serverId", server.id()).queryParam("status", "WARN").get("/api/v1/findings")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].check", equalTo("disk"))
                .body("items[0].message", equalTo("/var 12% free"));
        Api.as(Api.VIEWER).queryParam("serverId", server.id()).queryParam("check", "siak-web").get("/api/v1/findings")
                .then().body("total", equalTo(1)).body("items[0].measurements.responseMs", equalTo(120.0f));
        Api.as(Api.VIEWER).queryParam("serverId", server.id()).queryParam("from", now.plusSeconds(60).toString())
                .get("/api/v1/findings").then().body("total", equalTo(0));
    }

    @Test
    void scopesTokensToTheirOwnServer() {
        Agents.Registered a = Agents.register("siak-app-scope-a", "SIAK_APP");
        Agents.Registered b = Agents.register("siak-app-scope-b", "SIAK_APP");
        Map<String, Object> forB = new HashMap<>(Agents.finding("siak-web", "http", "CRIT", "down", Instant.now()));
        forB.put("serverId", b.id());
        Agents.post(a, List.of(forB)).statusCode(403).contentType("application/problem+json")
                .body("detail", containsString(String.valueOf(b.id())));
        assertEquals(0, Sql.count(dataSource, "select count(*) from finding where server_id in (" + a.id() + "," + b.id() + ")"));
        Map<String, Object> forA = new HashMap<>(forB);
        forA.put("serverId", a.id());
        Agents.post(a, List.of(forA)).statusCode(200).body("accepted", equalTo(1));
        assertEquals(0, Sql.count(dataSource, "select count(*) from finding where server_id = " + b.id()));

        RestAssured.given().contentType(ContentType.JSON).body("[]").post("/api/v1/findings").then().statusCode(401)
                .contentType("application/problem+json");
        RestAssured.given().header("Authorization", "Bearer siaga_not-a-real-token").contentType(ContentType.JSON)
                .body("[]").post("/api/v1/findings").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"));
        Api.as(Api.ADB).body("[]").post("/api/v1/findings").then().statusCode(403);
        RestAssured.given().header("Authorization", "Bearer " + a.token()).get("/api/v1/tickets").then().statusCode(403);
        RestAssured.given().header("Authorization", "Bearer " + a.token()).get("/api/v1/findings").then().statusCode(403);
    }

    @Test
    void namesEveryBrokenFieldOfABatchByItsIndex() {
        Agents.Registered server = Agents.register("siak-app-broken-fields", "SIAK_APP");
        Instant now = Instant.now();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            batch.add(new HashMap<>(Agents.finding("check-" + i, "http", "OK", "fine", now)));
        }
        batch.get(0).put("check", " leading-blank");
        batch.get(1).put("kind", "\u00a0\u200b");
        batch.get(2).put("durationMs", -1);
        batch.get(3).put("openAfter", 0);
        batch.get(4).put("message", "x".repeat(2001));
        batch.get(5).put("measurements", Map.of("responseMs", 1.0, " ", 2.0));
        batch.set(6, null);
        JsonPath problem = Agents.post(server, batch).statusCode(400).contentType("application/problem+json")
                .extract().jsonPath();
        assertEquals(List.of("[0].check", "[1].kind", "[2].durationMs", "[3].openAfter", "[4].message",
                "[5].measurements", "[6]"), problem.getList("errors.field"));
        assertEquals(List.of("must not contain commas or start with a blank", "must not be blank",
                "must be greater than or equal to 0", "must be greater than or equal to 1",
                "size must be between 0 and 2000", "must not be blank", "must not be null"),
                problem.getList("errors.message"));
        assertEquals(0, Sql.count(dataSource, "select count(*) from finding where server_id = " + server.id()));
    }

    @Test
    void refusesAnInvalidBatchWholeAndStoresNothing() {
        Agents.Registered server = Agents.register("siak-app-invalid", "SIAK_APP");
        Map<String, Object> bad = new HashMap<>(Agents.finding("siak-web", "http", "PURPLE", "?", Instant.now()));
        Agents.post(server, List.of(Agents.finding("ok", "tcp", "OK", null, Instant.now()), bad)).statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("OK, WARN, UNKNOWN, CRIT"));
        Map<String, Object> noTime = new HashMap<>(Agents.finding("siak-web", "http", "OK", "?", Instant.now()));
        noTime.remove("observedAt");
        Agents.post(server, List.of(noTime)).statusCode(400).body("errors[0].field", containsString("observedAt"));
        assertEquals(0, Sql.count(dataSource, "select count(*) from finding where server_id = " + server.id()));
    }

    @Test
    void opensOneTicketAtAnalysisAfterTwoFailuresAndFeedsItLaterFailures() {
        Agents.Registered server = Agents.register("siak-db-dedup", "SIAK_DB");
        Instant t = Instant.now().minusSeconds(600);
        Agents.post(server, List.of(Agents.finding("siak-web", "http", "OK", "HTTP 200", t),
                Agents.finding("oracle-listener", "tcp", "CRIT", "connection refused on 1521", t))).statusCode(200);
        assertEquals(0, openTickets(server, "oracle-listener"));
        t = Agents.results(server, "oracle-listener", "tcp", t.plusSeconds(30), "CRIT");
        assertEquals(1, openTickets(server, "oracle-listener"));
        t = Agents.results(server, "oracle-listener", "tcp", t, "CRIT", "CRIT", "UNKNOWN", "CRIT");
        assertEquals(1, openTickets(server, "oracle-listener"), "later failures never open a second ticket");

        JsonPath ticket = Api.as(Api.ADB).queryParam("serverId", server.id()).queryParam("source", "AGENT")
                .get("/api/v1/tickets").then().statusCode(200).body("total", equalTo(1)).extract().jsonPath();
        long id = ticket.getLong("items[0].id");
        JsonPath detail = Api.as(Api.ADB).get("/api/v1/tickets/{id}", id).then().statusCode(200)
                .body("source", equalTo("AGENT"))
                .body("step", equalTo("ANALYSIS"))
                .body("checkKey", equalTo("oracle-listener"))
                .body("severity", equalTo("CRITICAL"))
                .body("application", equalTo("SIAK"))
                .body("checkStatus", equalTo("CRIT"))
                .body("allowedNext", equalTo(List.of("REPAIR")))
                .body("title", containsString("oracle-listener CRIT"))
                .extract().jsonPath();
        assertEquals(List.of("COMPLAINT_RECEIVED", "INSPECTION", "FUNCTION_CHECK", "ANALYSIS"), detail.getList("steps.code"));
        assertEquals("agent:siak-db-dedup", detail.getString("steps[1].actor"));
        assertTrue(detail.getString("steps[1].output").contains("siak-web (http): OK"), detail.getString("steps[1].output"));
        assertTrue(detail.getString("steps[2].output").contains("oracle-listener (tcp): CRIT"), detail.getString("steps[2].output"));
        List<String> kinds = detail.getList("evidence.kind");
        assertTrue(kinds.size() >= 2 && kinds.stream().allMatch("FAILURE"::equals), kinds.toString());
        assertTrue(detail.getList("evidence.status").contains("UNKNOWN"), "a changed result is kept as evidence");
    }

    @Test
    void opensExactlyOneTicketUnderConcurrentPosts() throws Exception {
        Agents.Registered server = Agents.register("ktpel-concurrent", "KTPEL");
        Instant start = Instant.now().minusSeconds(3600);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                Instant at = start.plusSeconds(i);
                posts.add(() -> Agents.post(server, List.of(Agents.finding("biometric-queue", "jdbc", "CRIT",
                        "antrean macet", at))).extract().statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(posts)) {
                assertEquals(200, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, openTickets(server, "biometric-queue"));
        assertEquals(24, Sql.count(dataSource, "select count(*) from finding where server_id = " + server.id()));
    }

    @Test
    void recordsARecoveryWithoutClosingTheTicket() {
        Agents.Registered server = Agents.register("siak-app-recover", "SIAK_APP");
        Instant t = Agents.results(server, "siak-web", "http", Instant.now().minusSeconds(300), "CRIT", "CRIT");
        long id = ticketOf(server, "siak-web");
        Api.move(Api.ADB, id, "REPAIR", "Kesimpulan: Tomcat mati");
        Api.move(Api.ADB, id, "SOFTWARE_CHECK", "Tomcat dinyalakan ulang");
        Agents.results(server, "siak-web", "http", t, "OK", "OK", "OK");
        Api.as(Api.ADB).get("/api/v1/tickets/{id}", id).then().statusCode(200)
                .body("state", equalTo("OPEN")).body("step", equalTo("SOFTWARE_CHECK"))
                .body("checkStatus", equalTo("OK"))
                .body("evidence[0].kind", equalTo("RECOVERY"));
        List<String> types = Api.as(Api.ADB).get("/api/v1/tickets/{id}/events", id).then().extract().jsonPath().getList("type");
        assertEquals(1, types.stream().filter("RECOVERED"::equals).count(), types.toString());
    }

    @Test
    void doesNotOpenATicketPerFlap() {
        Agents.Registered server = Agents.register("siak-app-flap", "SIAK_APP");
        String[] flaps = new String[24];
        for (int i = 0; i < flaps.length; i++) {
            flaps[i] = i % 2 == 0 ? "OK" : "CRIT";
        }
        Agents.results(server, "siak-web", "http", Instant.now().minusSeconds(600), flaps);
        assertEquals(1, Sql.count(dataSource, "select count(*) from ticket where server_id = " + server.id()));
        long id = ticketOf(server, "siak-web");
        Api.as(Api.ADB).get("/api/v1/tickets/{id}/evidence", id).then().statusCode(200)
                .body("kind", hasItem("FLAPPING"));
        Api.as(Api.ADB).get("/api/v1/servers/{id}/checks", server.id()).then()
                .body("find { it.check == 'siak-web' }.flapping", equalTo(true));
    }

    @Test
    void opensANewTicketOnlyAfterTheCheckRecoveredFromAnEndedOne() {
        Agents.Registered server = Agents.register("siak-app-again", "SIAK_APP");
        Instant t = Agents.results(server, "siak-web", "http", Instant.now().minusSeconds(600), "CRIT", "CRIT");
        long first = ticketOf(server, "siak-web");
        Api.as(Api.KASI).body(Map.of("to", "CANCELLED", "note", "alarm palsu: cek salah konfigurasi"))
                .post("/api/v1/tickets/{id}/transitions", first).then().statusCode(200);
        t = Agents.results(server, "siak-web", "http", t, "CRIT", "CRIT", "CRIT");
        assertEquals(0, openTickets(server, "siak-web"), "still the same fault: no new ticket");
        Agents.results(server, "siak-web", "http", t, "OK", "CRIT", "CRIT");
        assertEquals(1, openTickets(server, "siak-web"), "a new fault after a pass opens a new ticket");
    }

    @Test
    void readsTheCheckStatesAgainOnceAnotherInstanceWroteThem() {
        Agents.Registered server = Agents.register("siak-app-other-instance", "SIAK_APP");
        Instant t = Agents.results(server, "siak-web", "http", Instant.now().minusSeconds(600), "OK");
        // what another instance's batch leaves: the check's first failure, and the server's state version raised
        assertNull(Sql.tryExecute(dataSource, "update check_state set status = 'CRIT', consecutive_failures = 1, "
                + "consecutive_passes = 0, failing_since = '" + t + "', observed_at = '" + t + "' where server_id = "
                + server.id() + " and check_key = 'siak-web'"));
        assertNull(Sql.tryExecute(dataSource, "update server set state_version = state_version + 1 where id = " + server.id()));
        assertOneMoreFailureMakes(server, t, 2, 1, "the other instance's failure and this one open the ticket");
    }

    @Test
    void writesEveryCheckStateWhileThePostsComeOneAtATime() {
        Agents.Registered server = Agents.register("siak-app-one-at-a-time", "SIAK_APP");
        String[] passes = new String[StreakRules.HISTORY + 2];
        Arrays.fill(passes, "OK");
        Agents.results(server, "siak-web", "http", Instant.now().minusSeconds(600), passes);
        assertEquals(StreakRules.HISTORY + 2, Sql.count(dataSource, "select consecutive_passes from check_state "
                + "where server_id = " + server.id() + " and check_key = 'siak-web'"),
                "posts one at a time are no busy service: even a steady check's state is exact");
    }

    @Test
    void forgetsTheCheckStatesOfABatchThatRolledBack() {
        Agents.Registered server = Agents.register("siak-app-rolled-back", "SIAK_APP");
        Instant t = Agents.results(server, "siak-web", "http", Instant.now().minusSeconds(600), "OK");
        String trigger = "check_state_refuses_" + server.id();
        assertNull(Sql.tryExecute(dataSource, "create function " + trigger + "() returns trigger language plpgsql as "
                + "$$ begin raise exception 'refused for the test'; end $$"));
        assertNull(Sql.tryExecute(dataSource, "create trigger " + trigger + " before update on check_state for each row "
                + "when (new.message = 'refused') execute function " + trigger + "()"));
        try {
            int status = Agents.post(server, List.of(Agents.finding("siak-web", "http", "CRIT", "refused", t)))
                    .extract().statusCode();
            assertTrue(status >= 500, "the batch failed: " + status);
        } finally {
            assertNull(Sql.tryExecute(dataSource, "drop trigger " + trigger + " on check_state"));
            assertNull(Sql.tryExecute(dataSource, "drop function " + trigger + "()"));
        }
        assertEquals(0, Sql.count(dataSource, "select count(*) from finding where server_id = " + server.id()
                + " and message = 'refused'"));
        assertOneMoreFailureMakes(server, t, 1, 0, "the failure that was not stored does not count");
    }

    /** Posts one more failure of siak-web after {@code t}: then the check has failed so often in a row, with so many tickets open. */
    private void assertOneMoreFailureMakes(Agents.Registered server, Instant t, long failures, long tickets, String why) {
        Agents.results(server, "siak-web", "http", t.plusSeconds(1), "CRIT");
        assertEquals(tickets, openTickets(server, "siak-web"), why);
        assertEquals(failures, Sql.count(dataSource, "select consecutive_failures from check_state where server_id = "
                + server.id() + " and check_key = 'siak-web'"));
    }

    @Test
    void deliversAReCheckAndAttachesItsResultToTheTicket() {
        Agents.Registered server = Agents.register("siak-app-recheck", "SIAK_APP");
        Instant t = Agents.results(server, "siak-web", "http", Instant.now().minusSeconds(300), "CRIT", "CRIT");
        long id = ticketOf(server, "siak-web");
        Api.as(Api.VIEWER).post("/api/v1/tickets/{id}/recheck", id).then().statusCode(403);
        String recheckId = Api.as(Api.ADB).post("/api/v1/tickets/{id}/recheck", id).then().statusCode(202)
                .body("checks", equalTo(List.of("siak-web"))).body("ticketId", equalTo((int) id))
                .extract().path("id");

        Agents.post(server, List.of(Agents.finding("agent", "heartbeat", "OK", null, t))).statusCode(200)
                .body("recheck", hasSize(1)).body("recheck[0].id", equalTo(recheckId))
                .body("recheck[0].checks", equalTo(List.of("siak-web"))).body("recheck[0].ticketId", equalTo((int) id));
        Map<String, Object> result = new HashMap<>(Agents.finding("siak-web", "http", "OK", "HTTP 200 in 95 ms", t.plusSeconds(1)));
        result.put("recheckId", recheckId);
        Agents.post(server, List.of(result)).statusCode(200).body("recheck", hasSize(0));

        Api.as(Api.ADB).get("/api/v1/tickets/{id}/evidence", id).then().statusCode(200)
                .body("find { it.kind == 'RECHECK' }.message", equalTo("HTTP 200 in 95 ms"))
                .body("find { it.kind == 'RECHECK' }.status", equalTo("OK"));
        List<String> types = Api.as(Api.ADB).get("/api/v1/tickets/{id}/events", id).then().extract().jsonPath().getList("type");
        assertTrue(types.contains("RECHECK_REQUESTED") && types.contains("RECHECK_RESULT"), types.toString());
        Agents.post(server, List.of(Agents.finding("agent", "heartbeat", "OK", null, t.plusSeconds(2)))).statusCode(200)
                .body("recheck", hasSize(0));
    }

    @Test
    void refusesARecheckForATicketWithoutAServer() {
        long id = Api.newTicket("no server");
        Api.as(Api.ADB).post("/api/v1/tickets/{id}/recheck", id).then().statusCode(422);
    }

    @Test
    void storesAFindingOnceWhateverItsObservationTime() {
        Agents.Registered server = Agents.register("siak-app-retry-time", "SIAK_APP");
        Instant t = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> first = Agents.finding("siak-web", "http", "OK", "HTTP 200", t);
        Map<String, Object> retried = new HashMap<>(first);
        retried.put("observedAt", t.plusSeconds(60).toString());
        Agents.post(server, List.of(first)).statusCode(200).body("accepted", equalTo(1)).body("duplicates", equalTo(0));
        Agents.post(server, List.of(retried)).statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(1));

        Api.as(Api.VIEWER).queryParam("serverId", server.id()).get("/api/v1/findings").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(first.get("id")))
                .body("items[0].observedAt", equalTo(t.toString()));
        assertEquals(1, Sql.count(dataSource, "select count(*) from finding where server_id = " + server.id()));
        assertEquals(1, Sql.count(dataSource, "select count(*) from finding_seen where id = '" + first.get("id") + "'"));
    }

    @Test
    void countsTheSameIdTwiceInOneBatchAsADuplicate() {
        Agents.Registered server = Agents.register("siak-app-batch-twice", "SIAK_APP");
        Instant t = Instant.now().minusSeconds(120);
        Map<String, Object> once = Agents.finding("siak-web", "http", "CRIT", "HTTP 500", t);
        Map<String, Object> sameTime = new HashMap<>(once);
        Map<String, Object> laterTime = new HashMap<>(once);
        laterTime.put("observedAt", t.plusSeconds(30).toString());
        Agents.post(server, List.of(once, Agents.finding("disk", "host", "OK", null, t), sameTime, laterTime))
                .statusCode(200).body("accepted", equalTo(2)).body("duplicates", equalTo(2));
        assertEquals(2, Sql.count(dataSource, "select count(*) from finding where server_id = " + server.id()));
        assertEquals(1, Sql.count(dataSource, "select consecutive_failures from check_state where server_id = "
                + server.id() + " and check_key = 'siak-web'"), "one failure, not three");
        assertEquals(0, openTickets(server, "siak-web"), "a repeated finding is not a second failure");
    }

    @Test
    void doesNotAdvanceTheStreakWithARetriedFinding() {
        Agents.Registered server = Agents.register("siak-db-retry-streak", "SIAK_DB");
        Instant t = Instant.now().minusSeconds(120);
        Map<String, Object> failure = Agents.finding("oracle", "jdbc", "CRIT", "ORA-12541", t);
        Agents.post(server, List.of(failure)).statusCode(200).body("accepted", equalTo(1));
        for (int retry = 1; retry <= 3; retry++) {
            Map<String, Object> again = new HashMap<>(failure);
            again.put("observedAt", t.plusSeconds(retry).toString());
            Agents.post(server, List.of(again)).statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(1));
        }
        assertEquals(1, Sql.count(dataSource, "select consecutive_failures from check_state where server_id = "
                + server.id() + " and check_key = 'oracle'"));
        assertEquals(0, openTickets(server, "oracle"), "retries of one failure open no ticket");
        Agents.results(server, "oracle", "jdbc", t.plusSeconds(10), "CRIT");
        assertEquals(1, openTickets(server, "oracle"), "a second, new failure does");
    }

    @Test
    void answersAnIdReusedByAnotherServerAsADuplicateAndTouchesNeitherServer() {
        Agents.Registered a = Agents.register("siak-app-reuse-a", "SIAK_APP");
        Agents.Registered b = Agents.register("siak-app-reuse-b", "SIAK_APP");
        Instant t = Instant.now().minusSeconds(60);
        Map<String, Object> mine = Agents.finding("siak-web", "http", "OK", "HTTP 200", t);
        Map<String, Object> copied = new HashMap<>(Agents.finding("siak-web", "http", "CRIT", "HTTP 500", t.plusSeconds(5)));
        copied.put("id", mine.get("id"));
        Agents.post(a, List.of(mine)).statusCode(200).body("accepted", equalTo(1));
        Agents.post(b, List.of(copied)).statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(1));

        assertEquals(1, Sql.count(dataSource, "select count(*) from finding where id = '" + mine.get("id")
                + "' and server_id = " + a.id() + " and status = 'OK'"), "the first server's finding is intact");
        assertEquals(0, Sql.count(dataSource, "select count(*) from finding where server_id = " + b.id()));
        assertEquals(0, Sql.count(dataSource, "select count(*) from check_state where server_id = " + b.id()));
        Api.as(Api.VIEWER).get("/api/v1/servers/{id}/checks", a.id()).then()
                .body("find { it.check == 'siak-web' }.status", equalTo("OK"));
    }

    @Test
    void storesEachIdOnceUnderConcurrentPostsOfTwoServers() throws Exception {
        List<Agents.Registered> servers = List.of(Agents.register("siak-app-race-a", "SIAK_APP"),
                Agents.register("siak-app-race-b", "SIAK_APP"));
        Instant start = Instant.now().minusSeconds(600);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        List<Callable<int[]>> posts = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            for (int s = 0; s < servers.size(); s++) {
                Agents.Registered server = servers.get(s);
                List<Map<String, Object>> batch = new ArrayList<>();
                for (int i = 0; i < ids.size(); i++) {
                    Map<String, Object> f = new HashMap<>(Agents.finding("check-" + i % 5, "tcp", "OK", null,
                            start.plusSeconds(round * 60L + s * 7L + i)));
                    f.put("id", ids.get(i));
                    batch.add(f);
                }
                posts.add(() -> {
                    JsonPath answer = Agents.post(server, batch).statusCode(200).extract().jsonPath();
                    return new int[] {answer.getInt("accepted"), answer.getInt("duplicates")};
                });
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        int accepted = 0;
        int duplicates = 0;
        try {
            for (Future<int[]> f : pool.invokeAll(posts)) {
                accepted += f.get()[0];
                duplicates += f.get()[1];
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(ids.size(), accepted, "each id accepted once, by whichever server came first");
        assertEquals(posts.size() * ids.size() - ids.size(), duplicates);
        String serverIds = servers.get(0).id() + "," + servers.get(1).id();
        assertEquals(ids.size(), Sql.count(dataSource, "select count(*) from finding where server_id in (" + serverIds + ")"));
        assertEquals(ids.size(), Sql.count(dataSource, "select count(distinct id) from finding where server_id in ("
                + serverIds + ")"));
        assertEquals(0, Sql.count(dataSource, "select count(*) from check_state cs where server_id in (" + serverIds
                + ") and consecutive_passes > (select count(*) from finding f where f.server_id = cs.server_id"
                + " and f.check_key = cs.check_key)"), "no check counts more passes than it has stored findings");
    }

    @Test
    void refusesAFarFutureFindingWholeBatchAndLeavesTheCheckUsable() {
        Agents.Registered server = Agents.register("siak-db-future", "SIAK_DB");
        Instant now = Instant.now();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            batch.add(Agents.finding("oracle", "jdbc", "OK", "query in 3 ms", now.minusSeconds(30 - i)));
        }
        batch.add(Agents.finding("oracle", "jdbc", "OK", "clock wrong", now.plus(Duration.ofDays(1))));
        Agents.post(server, batch).statusCode(422).contentType("application/problem+json")
                .body("errors", hasSize(1)).body("errors[0].field", equalTo("[3].observedAt"))
                .body("errors[0].message", containsString("PT5M"))
                .body("detail", containsString("[3].observedAt"));

        Map<String, Object> farFuture = Agents.finding("oracle", "jdbc", "OK", "year 99999", now);
        farFuture.put("observedAt", "+99999-01-01T00:00:00Z");
        Agents.post(server, List.of(Agents.finding("oracle", "jdbc", "OK", null, now), farFuture))
                .statusCode(anyOf(equalTo(400), equalTo(422))).contentType("application/problem+json");
        assertNothingWritten(server);
        for (Map<String, Object> refused : batch) {
            assertEquals(0, Sql.count(dataSource, "select count(*) from finding_seen where id = '" + refused.get("id") + "'"));
        }

        Agents.post(server, List.of(Agents.finding("oracle", "jdbc", "OK", "skew within bounds",
                now.plus(Duration.ofMinutes(4))))).statusCode(200).body("accepted", equalTo(1));
        Agents.results(server, "oracle", "jdbc", now.plus(Duration.ofMinutes(4)).plusSeconds(1), "CRIT", "CRIT");
        assertEquals(1, openTickets(server, "oracle"), "a later CRIT pair still opens a ticket");
    }

    @Test
    void refusesAFindingOlderThanTheRetention() {
        Agents.Registered server = Agents.register("siak-app-too-old", "SIAK_APP");
        Instant now = Instant.now();
        Agents.post(server, List.of(Agents.finding("siak-web", "http", "OK", null, now),
                Agents.finding("siak-web", "http", "OK", null, now.minus(Duration.ofDays(91)))))
                .statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("[1].observedAt")).body("errors[0].message", containsString("P90D"));
        assertNothingWritten(server);
    }

    @Test
    void forgetsTheIdsOfFindingsOlderThanTheRetention() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        assertNull(Sql.tryExecute(dataSource, "insert into finding_seen (id, observed_at) values ('" + old
                + "', now() - interval '92 days'), ('" + recent + "', now() - interval '89 days')"));
        seenExpiry.expire();
        assertEquals(0, Sql.count(dataSource, "select count(*) from finding_seen where id = '" + old + "'"));
        assertEquals(1, Sql.count(dataSource, "select count(*) from finding_seen where id = '" + recent + "'"));
    }

    private void assertNothingWritten(Agents.Registered server) {
        assertEquals(0, Sql.count(dataSource, "select count(*) from finding where server_id = " + server.id()));
        assertEquals(0, Sql.count(dataSource, "select count(*) from check_state where server_id = " + server.id()));
        Api.as(Api.VIEWER).queryParam("serverId", server.id()).get("/api/v1/findings").then().body("total", equalTo(0));
    }

    @Test
    void recordsOnTheTicketWhyARevisedSopStopsTheAgentShortOfAnalysis() {
        String active = Api.admin().get("/api/v1/sop").then().statusCode(200).extract().path("number");
        Map<String, Object> revised = Sops.defaultSop();
        String number = "800/488/DKPS-PS/2022-SITE";
        revised.put("number", number);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps = (List<Map<String, Object>>) revised.get("steps");
        steps.add(new HashMap<>(Map.of("code", "SITE_VISIT", "no", steps.size() + 1, "nameId", "Kunjungan ke lokasi",
                "nameEn", "Site visit", "role", "ADB", "maxDuration", "PT2H", "output", "Berita acara kunjungan")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> transitions = (List<Map<String, Object>>) revised.get("transitions");
        transitions.removeIf(t -> "INSPECTION".equals(t.get("from")) && "FUNCTION_CHECK".equals(t.get("to")));
        transitions.add(Map.of("from", "INSPECTION", "to", "SITE_VISIT"));
        transitions.add(Map.of("from", "SITE_VISIT", "to", "FUNCTION_CHECK"));
        Api.admin().body(revised).post("/api/v1/sop").then().statusCode(201);
        try {
            Agents.Registered server = Agents.register("siak-app-site-visit", "SIAK_APP");
            Agents.results(server, "siak-web", "http", Instant.now().minusSeconds(60), "CRIT", "CRIT");
            long id = Api.as(Api.ADB).queryParam("serverId", server.id()).queryParam("source", "AGENT")
                    .get("/api/v1/tickets").then().statusCode(200).body("total", equalTo(1))
                    .extract().jsonPath().getLong("items[0].id");

            Api.as(Api.ADB).get("/api/v1/tickets/{id}", id).then().statusCode(200)
                    .body("step", equalTo("SITE_VISIT")).body("sopNumber", equalTo(number));
            JsonPath events = Api.as(Api.VIEWER).get("/api/v1/tickets/{id}/events", id).then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(List.of("CREATED", "TRANSITION", "TRANSITION", "AGENT_WALK_STOPPED"), events.getList("type"));
            assertEquals("agent:siak-app-site-visit", events.getString("[3].actor"));
            assertEquals("SITE_VISIT", events.getString("[3].toStep"));
            String note = events.getString("[3].note");
            assertTrue(note.contains("SITE_VISIT") && note.contains(number), note);
            Pages.signIn(Api.VIEWER).get("/tiket/" + id).then().statusCode(200)
                    .body(containsString("Agen berhenti sebelum analisis"), containsString(note));
        } finally {
            Sops.reactivate(active);
        }
    }

    private long openTickets(Agents.Registered server, String check) {
        return Sql.count(dataSource, "select count(*) from ticket where state = 'OPEN' and server_id = " + server.id()
                + " and check_key = '" + check + "'");
    }

    private long ticketOf(Agents.Registered server, String check) {
        long id = Sql.count(dataSource, "select coalesce(max(id), 0) from ticket where server_id = " + server.id()
                + " and check_key = '" + check + "'");
        assertNotNull(id);
        assertTrue(id > 0, "no ticket for " + check);
        return id;
    }
}
