package id.siaga.ticket.rest;

import id.siaga.ticket.support.Agents;
import id.siaga.ticket.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ticket numbers stay unique and gap-free when complaints and agents' findings arrive at the same moment. */
@QuarkusTest
class ConcurrentIntakeTest {

    @Test
    void numbersConcurrentComplaintsUniquelyAndWithoutGaps() throws Exception {
        Api.ensureUsers();
        int complaints = 40;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < complaints; i++) {
                int n = i;
                calls.add(() -> Api.as(Api.ADB).body(Api.complaint("serentak " + n)).post("/api/v1/tickets")
                        .then().statusCode(201).extract().path("number"));
            }
            TreeSet<Integer> sequence = new TreeSet<>();
            String year = null;
            for (Future<String> f : pool.invokeAll(calls)) {
                String number = f.get();
                assertTrue(number.matches("SIAGA-\\d{4}-\\d{6}"), number);
                year = number.substring(6, 10);
                sequence.add(Integer.parseInt(number.substring(11)));
            }
            assertEquals(complaints, sequence.size(), "every number is unique");
            assertEquals(complaints - 1, sequence.last() - sequence.first(), "no gaps: " + sequence);
            String newest = Api.as(Api.VIEWER).queryParam("size", 1).get("/api/v1/tickets").then().statusCode(200)
                    .extract().path("items[0].number");
            assertTrue(newest.startsWith("SIAGA-" + year + "-"));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Findings writers take the numbers of a batch's tickets together just before the batch commits; until then the
     * tickets hold provisional numbers. Agents whose posts each open three tickets, at the same moment as complaints,
     * still give every ticket a real number, one run without gaps across both, each post's tickets in a row.
     */
    @Test
    void numbersAgentTicketsAndComplaintsTogetherWithoutGaps() throws Exception {
        Api.ensureUsers();
        int agents = 6;
        int complaints = 12;
        List<Agents.Registered> servers = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            servers.add(Agents.register("serentak-agen-" + i + "-" + System.nanoTime(), "SIAK_APP"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(agents + complaints);
        try {
            List<Callable<List<String>>> calls = new ArrayList<>();
            Instant at = Instant.now().minusSeconds(10);
            for (Agents.Registered server : servers) {
                calls.add(() -> {
                    List<Map<String, Object>> findings = new ArrayList<>();
                    for (String check : List.of("web", "login", "db")) {
                        findings.add(Agents.finding(check, "http", "CRIT", check + " mati", at));
                        findings.add(Agents.finding(check, "http", "CRIT", check + " mati", at.plusSeconds(1)));
                    }
                    Agents.post(server, findings).statusCode(200);
                    List<String> numbers = Api.as(Api.VIEWER).queryParam("serverId", server.id()).queryParam("size", 10)
                            .get("/api/v1/tickets").then().statusCode(200).extract().path("items.number");
                    assertEquals(3, numbers.size(), "one ticket per failing check of " + server.name() + ": " + numbers);
                    return numbers;
                });
            }
            for (int i = 0; i < complaints; i++) {
                int n = i;
                calls.add(() -> List.of(Api.as(Api.ADB).body(Api.complaint("serentak dengan agen " + n))
                        .post("/api/v1/tickets").then().statusCode(201).extract().<String>path("number")));
            }
            TreeSet<Integer> sequence = new TreeSet<>();
            for (Future<List<String>> f : pool.invokeAll(calls)) {
                TreeSet<Integer> mine = new TreeSet<>();
                for (String number : f.get()) {
                    assertTrue(number.matches("SIAGA-\\d{4}-\\d{6}"), "a real number, not a provisional one: " + number);
                    mine.add(Integer.parseInt(number.substring(11)));
                }
                assertEquals(mine.size() - 1, mine.last() - mine.first(), "one post's tickets in a row: " + mine);
                sequence.addAll(mine);
            }
            assertEquals(agents * 3 + complaints, sequence.size(), "every number is unique");
            assertEquals(agents * 3 + complaints - 1, sequence.last() - sequence.first(), "no gaps: " + sequence);
        } finally {
            pool.shutdownNow();
        }
    }
}
