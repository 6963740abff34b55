package id.siaga.agent.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.siaga.agent.check.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void keepsFindingsAcrossARestart() throws IOException {
        List<Finding> written = findings(3);
        new Outbox(dir, 100).add(written);

        Outbox reopened = new Outbox(dir, 100);
        assertEquals(3, reopened.size());
        assertEquals(ids(written), ids(reopened.oldest(10)));
    }

    @Test
    void deletesFindingsOnlyOnceAcknowledged() throws IOException {
        Outbox outbox = new Outbox(dir, 100);
        List<Finding> written = findings(3);
        outbox.add(written);
        List<Outbox.Stored> batch = outbox.oldest(2);
        assertEquals(ids(written.subList(0, 2)), ids(batch));
        assertEquals(3, outbox.size(), "reading does not remove");

        outbox.remove(batch);
        assertEquals(1, outbox.size());
        assertEquals(ids(written.subList(2, 3)), ids(new Outbox(dir, 100).oldest(10)));
    }

    @Test
    void dropsTheOldestFindingsWhenFullAndCountsThemAcrossRestarts() throws IOException {
        Outbox outbox = new Outbox(dir, 10);
        List<Finding> written = findings(15);
        outbox.add(written.subList(0, 8));
        outbox.add(written.subList(8, 15));
        assertEquals(10, outbox.size());
        assertEquals(5, outbox.droppedTotal());
        assertEquals(ids(written.subList(5, 15)), ids(outbox.oldest(100)));
        outbox.close();

        Outbox reopened = new Outbox(dir, 10);
        assertEquals(5, reopened.droppedTotal());
        assertEquals(10, reopened.size());
    }

    @Test
    void skipsACorruptFileAndMovesItAside() throws IOException {
        Outbox outbox = new Outbox(dir, 100);
        List<Finding> written = findings(2);
        outbox.add(written);
        Path first;
        try (Stream<Path> files = Files.list(dir)) {
            first = files.filter(f -> f.getFileName().toString().startsWith("f-")).sorted().findFirst().orElseThrow();
        }
        Files.writeString(first, "{\"id\": \"trunc");
        Files.writeString(dir.resolve("f-0000000000000000001.json.tmp"), "half written");

        Outbox reopened = new Outbox(dir, 100);
        assertFalse(Files.exists(dir.resolve("f-0000000000000000001.json.tmp")), "leftover temporary file removed");
        List<Outbox.Stored> batch = reopened.oldest(10);
        assertEquals(ids(written.subList(1, 2)), ids(batch));
        assertEquals(1, reopened.size());
        assertEquals(1, reopened.rejectedTotal());
        assertTrue(Files.exists(dir.resolve("rejected").resolve(first.getFileName())));
    }

    @Test
    void movesRejectedFindingsAsideAndCountsThem() throws IOException {
        Outbox outbox = new Outbox(dir, 100);
        outbox.add(findings(3));
        outbox.reject(outbox.oldest(2));
        assertEquals(1, outbox.size());
        assertEquals(2, outbox.rejectedTotal());
        try (Stream<Path> files = Files.list(dir.resolve("rejected"))) {
            assertEquals(2, files.count());
        }
        outbox.close();
        assertEquals(2, new Outbox(dir, 100).rejectedTotal());
    }

    @Test
    void storesEachFindingAsTheJsonThatIsPosted() throws IOException {
        Outbox outbox = new Outbox(dir, 100);
        Finding finding = new Finding(UUID.randomUUID(), 7, "web", "http", Status.WARN, "HTTP 200 in 2100 ms",
                Map.of("responseMs", 2100.0), Instant.parse("2026-11-25T12:00:00.123Z"), 2100, "dc", null);
        outbox.add(List.of(finding));
        JsonNode stored = JSON.readTree(outbox.oldest(1).get(0).json());
        assertEquals(finding.id().toString(), stored.get("id").asText());
        assertEquals(7, stored.get("serverId").asLong());
        assertEquals("web", stored.get("check").asText());
        assertEquals("http", stored.get("kind").asText());
        assertEquals("WARN", stored.get("status").asText());
        assertEquals(2100.0, stored.get("measurements").get("responseMs").asDouble());
        assertEquals("2026-11-25T12:00:00.123Z", stored.get("observedAt").asText());
        assertEquals(2100, stored.get("durationMs").asLong());
        assertEquals("dc", stored.get("dependsOn").asText());
        assertFalse(stored.has("recheckId"), "absent values are left out");
    }

    private static List<Finding> findings(int count) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            findings.add(new Finding(UUID.randomUUID(), 1, "check-" + i, "tcp", Status.OK, "ok " + i,
                    Map.of("connectMs", (double) i), Instant.now(), 1, null, null));
        }
        return findings;
    }

    private static List<String> ids(List<?> findingsOrStored) throws IOException {
        List<String> ids = new ArrayList<>();
        for (Object item : findingsOrStored) {
            if (item instanceof Finding f) {
                ids.add(f.id().toString());
            } else {
                ids.add(JSON.readTree(((Outbox.Stored) item).json()).get("id").asText());
            }
        }
        return ids;
    }
}
