package id.siaga.agent.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.siaga.agent.check.Status;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    @Test
    void writesFindingsThatJacksonReadsBackUnchanged() throws IOException {
        Map<String, Double> measurements = new LinkedHashMap<>();
        measurements.put("responseMs", 2100.5);
        measurements.put("tiny", 1.0E-4);
        measurements.put("odd", Double.NaN);
        String message = "quote \" backslash \\ newline \n tab \t bell \u0007 é 中 \uD83D\uDE00";
        Finding finding = new Finding(UUID.randomUUID(), 7, "web", "http", Status.WARN, message, measurements,
                Instant.parse("2026-11-25T12:00:00.123Z"), 2100, null, UUID.randomUUID(), 3, null);
        JsonNode read = JACKSON.readTree(Json.write(finding));
        assertEquals(message, read.get("message").asText());
        assertEquals(2100.5, read.get("measurements").get("responseMs").asDouble());
        assertEquals(1.0E-4, read.get("measurements").get("tiny").asDouble());
        assertEquals("NaN", read.get("measurements").get("odd").asText());
        assertEquals("2026-11-25T12:00:00.123Z", read.get("observedAt").asText());
        assertEquals(finding.recheckId().toString(), read.get("recheckId").asText());
        assertEquals(3, read.get("openAfter").asInt());
        assertTrue(read.get("dependsOn") == null && read.get("recoverAfter") == null, read::toString);
    }

    @Test
    void readsWhatJacksonWritesAsPlainValues() throws IOException {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", "a \"b\" \\ \n é 中 \uD83D\uDE00");
        value.put("whole", 12345678901L);
        value.put("fraction", -1.5e-3);
        value.put("yes", true);
        value.put("nothing", null);
        value.put("list", List.of(1L, "two", Map.of("three", 3L)));
        assertEquals(value, Json.read(JACKSON.writeValueAsBytes(value)));
        assertThrows(IOException.class, () -> Json.read("{\"a\":".getBytes()));
        assertThrows(IOException.class, () -> Json.read("<html>".getBytes()));
    }

    @Test
    void readsAcknowledgementsLeniently() throws IOException {
        UUID id = UUID.randomUUID();
        Ack ack = Json.readAck("{\"accepted\": 5, \"duplicates\": 1, \"recheck\": [{\"id\": \"" + id
                + "\", \"checks\": [\"web\", \"db\"], \"ticketId\": 42}, {\"id\": \"not-a-uuid\"}, {\"id\": \""
                + id + "\", \"ticketId\": \"x\"}]}");
        assertEquals(5, ack.accepted());
        assertEquals(1, ack.duplicates());
        assertEquals(List.of(new RecheckRequest(id, List.of("web", "db"), 42L), new RecheckRequest(id, List.of(),
                null)), ack.recheck());
        Ack empty = Json.readAck("{}");
        assertEquals(0, empty.accepted());
        assertTrue(empty.recheck().isEmpty());
        assertNull(Json.field(List.of(), "id"));
    }
}
