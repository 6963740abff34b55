package id.siaga.agent.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import id.siaga.agent.config.TreeReader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The JSON of findings and service answers. Findings are written field by field and answers read as trees,
 * so no reflective data binding (hundreds of classes) is loaded into the agent.
 */
public final class Json {

    /** ISO-8601 in UTC with milliseconds, e.g. 2026-11-25T12:00:00.123Z. */
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {
    }

    /**
     * @return the finding as in the findings API: absent {@code dependsOn} and {@code recheckId} are left out,
     *         {@code observedAt} is ISO-8601 UTC with milliseconds
     */
    public static byte[] write(Finding finding) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(384);
        try (JsonGenerator out = FACTORY.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeStringField("id", finding.id().toString());
            out.writeNumberField("serverId", finding.serverId());
            out.writeStringField("check", finding.check());
            out.writeStringField("kind", finding.kind());
            out.writeStringField("status", finding.status().name());
            out.writeStringField("message", finding.message());
            out.writeObjectFieldStart("measurements");
            for (Map.Entry<String, Double> measurement : finding.measurements().entrySet()) {
                out.writeNumberField(measurement.getKey(), measurement.getValue());
            }
            out.writeEndObject();
            out.writeStringField("observedAt", INSTANT.format(finding.observedAt()));
            out.writeNumberField("durationMs", finding.durationMs());
            if (finding.dependsOn() != null) {
                out.writeStringField("dependsOn", finding.dependsOn());
            }
            if (finding.recheckId() != null) {
                out.writeStringField("recheckId", finding.recheckId().toString());
            }
            if (finding.openAfter() != null) {
                out.writeNumberField("openAfter", finding.openAfter());
            }
            if (finding.recoverAfter() != null) {
                out.writeNumberField("recoverAfter", finding.recoverAfter());
            }
            out.writeEndObject();
        }
        return bytes.toByteArray();
    }

    /** @throws IOException when the bytes are not JSON */
    public static JsonNode read(byte[] json) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            return TreeReader.read(parser);
        }
    }

    /**
     * Reads the service's 200 answer; missing fields read as 0 or empty, re-check requests without a valid id are
     * skipped.
     *
     * @throws IOException when the answer is not JSON
     */
    public static Ack readAck(String body) throws IOException {
        JsonNode root;
        try (JsonParser parser = FACTORY.createParser(body)) {
            root = TreeReader.read(parser);
        }
        List<RecheckRequest> rechecks = new ArrayList<>();
        for (JsonNode request : root.path("recheck")) {
            UUID id;
            try {
                id = UUID.fromString(request.path("id").asText());
            } catch (IllegalArgumentException e) {
                continue;
            }
            List<String> checks = new ArrayList<>();
            request.path("checks").forEach(key -> checks.add(key.asText()));
            JsonNode ticket = request.get("ticketId");
            rechecks.add(new RecheckRequest(id, checks, ticket == null || !ticket.canConvertToLong() ? null
                    : ticket.asLong()));
        }
        return new Ack(root.path("accepted").asInt(0), root.path("duplicates").asInt(0), rechecks);
    }
}
