package id.siaga.ticket.rest;

import id.siaga.ticket.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ticket numbers stay unique and gap-free when complaints arrive at the same moment. */
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
}
