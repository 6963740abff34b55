package id.siaga.ticket.rest;

import id.siaga.ticket.support.Agents;
import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Pages;
import id.siaga.ticket.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The audit trail is a hash chain: the verification answers valid with the number of events, points at the first
 * event changed by hand in the database, and the ticket page of that event warns; only the Kabid and the
 * administrator may ask.
 */
@QuarkusTest
class AuditVerificationTest {

    @Inject
    DataSource dataSource;

    @Test
    void answersValidWithEveryEventCountedWhenNothingWasChanged() {
        long id = Api.newTicket("rantai audit utuh");
        Api.move(Api.ADB, id, "INSPECTION", "diperiksa");
        long events = Sql.count(dataSource, "select count(*) from ticket_event");

        Api.as(Api.KABID).get("/api/v1/audit/verification").then().statusCode(200)
                .body("valid", equalTo(true)).body("events", equalTo((int) events))
                .body("firstInvalidId", nullValue());
        Api.admin().get("/api/v1/audit/verification").then().statusCode(200).body("valid", equalTo(true));
        Pages.signIn(Api.KABID).get("/tiket/" + id).then().statusCode(200)
                .body(not(containsString("id=\"audit-broken\"")));
    }

    @Test
    void chainsConcurrentWritesIntoOneValidChain() throws Exception {
        Api.ensureUsers();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                int n = i;
                calls.add(() -> Api.as(Api.ADB).body(Api.complaint("rantai serentak " + n)).post("/api/v1/tickets")
                        .then().statusCode(201).extract().path("id"));
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        long events = Sql.count(dataSource, "select count(*) from ticket_event");
        Api.as(Api.KABID).get("/api/v1/audit/verification").then().statusCode(200)
                .body("valid", equalTo(true)).body("events", equalTo((int) events));
        assertEquals(0, Sql.count(dataSource, """
                select count(*) from (select seq, prev_hash, lag(hash) over (order by seq) as before_hash,
                                             coalesce(lag(seq) over (order by seq), 0) as before_seq
                                      from ticket_event_seal) s
                where prev_hash is distinct from before_hash or seq <> before_seq + 1"""), "one chain without forks or gaps");
        assertEquals(events, Sql.count(dataSource, "select count(*) from ticket_event_seal"), "every event sealed");
    }

    @Test
    void pinpointsAnEventTheOwnerChangedByHandAndWarnsOnItsTicketPage() throws SQLException {
        long tampered = Api.newTicket("akan dipalsukan");
        Api.move(Api.ADB, tampered, "INSPECTION", "diperiksa");
        long untouched = Api.newTicket("tidak dipalsukan");
        long eventId = Sql.count(dataSource, "select max(id) from ticket_event where ticket_id = " + tampered);
        Api.as(Api.KABID).get("/api/v1/audit/verification").then().statusCode(200).body("valid", equalTo(true));

        ownerExecutes("update ticket_event set actor = 'mallory' where id = " + eventId);
        try {
            Api.as(Api.KABID).get("/api/v1/audit/verification").then().statusCode(200)
                    .body("valid", equalTo(false)).body("firstInvalidId", equalTo((int) eventId));
            Pages kabid = Pages.signIn(Api.KABID);
            kabid.get("/tiket/" + tampered).then().statusCode(200).body(containsString("id=\"audit-broken\""))
                    .body(containsString("tidak lolos verifikasi"));
            kabid.get("/tiket/" + untouched).then().statusCode(200).body(not(containsString("id=\"audit-broken\"")));
        } finally {
            ownerExecutes("update ticket_event set actor = '" + Api.ADB + "' where id = " + eventId);
        }
        Api.as(Api.KABID).get("/api/v1/audit/verification").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void refusesEveryoneButTheKabidAndTheAdministrator() {
        for (String user : List.of(Api.ADB, Api.JF_ADB, Api.KASI, Api.VIEWER)) {
            Api.as(user).get("/api/v1/audit/verification").then().statusCode(403);
        }
        Agents.Registered agent = Agents.register("audit-agent", "SIAK_APP");
        RestAssured.given().header("Authorization", "Bearer " + agent.token()).get("/api/v1/audit/verification")
                .then().statusCode(403);
        Api.anonymous().get("/api/v1/audit/verification").then().statusCode(401);
    }

    /** As the tables' owner (the test database's superuser): sets the append-only trigger aside for one change. */
    private void ownerExecutes(String change) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("alter table ticket_event disable trigger ticket_event_append_only");
            try {
                s.execute(change);
            } finally {
                s.execute("alter table ticket_event enable trigger ticket_event_append_only");
            }
        }
    }
}
