package id.siaga.agent.report;

import id.siaga.agent.UtcTime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The JSON of findings and service answers. Findings are written field by field and answers read into plain
 * Java values ({@link JsonReader}), so no JSON library is loaded into the agent.
 */
public final class Json {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Json() {
    }

    /**
     * @return the finding as in the findings API, in UTF-8: absent {@code dependsOn} and {@code recheckId} are
     *         left out, {@code observedAt} is ISO-8601 UTC with milliseconds
     */
    public static byte[] write(Finding finding) {
        StringBuilder out = new StringBuilder(384);
        out.append('{');
        field(out, "id").append('"').append(finding.id()).append('"');
        field(out.append(','), "serverId").append(finding.serverId());
        string(field(out.append(','), "check"), finding.check());
        string(field(out.append(','), "kind"), finding.kind());
        string(field(out.append(','), "status"), finding.status().name());
        string(field(out.append(','), "message"), finding.message());
        field(out.append(','), "measurements").append('{');
        boolean first = true;
        for (Map.Entry<String, Double> measurement : finding.measurements().entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            number(field(out, measurement.getKey()), measurement.getValue());
        }
        out.append('}');
        string(field(out.append(','), "observedAt"), UtcTime.withMillis(finding.observedAt().toEpochMilli()));
        field(out.append(','), "durationMs").append(finding.durationMs());
        if (finding.dependsOn() != null) {
            string(field(out.append(','), "dependsOn"), finding.dependsOn());
        }
        if (finding.recheckId() != null) {
            field(out.append(','), "recheckId").append('"').append(finding.recheckId()).append('"');
        }
        if (finding.openAfter() != null) {
            field(out.append(','), "openAfter").append(finding.openAfter());
        }
        if (finding.recoverAfter() != null) {
            field(out.append(','), "recoverAfter").append(finding.recoverAfter());
        }
        return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @return the UTF-8 JSON as plain values: {@code Map<String, Object>}, {@code List<Object>}, {@link String},
     *         {@link Number}, {@link Boolean} or {@code null}
     * @throws IOException when the bytes are not JSON
     */
    public static Object read(byte[] json) throws IOException {
        return JsonReader.read(new String(json, StandardCharsets.UTF_8));
    }

    /**
     * Reads the service's 200 answer; missing fields read as 0 or empty, re-check requests without a valid id are
     * skipped.
     *
     * @throws IOException when the answer is not JSON
     */
    public static Ack readAck(String body) throws IOException {
        Object root = JsonReader.read(body);
        List<RecheckRequest> rechecks = new ArrayList<>();
        for (Object request : elements(field(root, "recheck"))) {
            UUID id;
            try {
                id = UUID.fromString(text(field(request, "id")));
            } catch (IllegalArgumentException e) {
                continue;
            }
            List<String> checks = new ArrayList<>();
            for (Object key : elements(field(request, "checks"))) {
                checks.add(text(key));
            }
            Object ticket = field(request, "ticketId");
            rechecks.add(new RecheckRequest(id, checks, ticket instanceof Long || ticket instanceof Double
                    && Math.abs((Double) ticket) <= Long.MAX_VALUE ? ((Number) ticket).longValue() : null));
        }
        return new Ack((int) whole(field(root, "accepted")), (int) whole(field(root, "duplicates")), rechecks);
    }

    /** @return the field {@code name} of a JSON object, or {@code null} when absent or not an object */
    public static Object field(Object object, String name) {
        return object instanceof Map<?, ?> map ? map.get(name) : null;
    }

    /** @return a whole number field's value, also when given as text; 0 when it is absent or not a number */
    public static long whole(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text) {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    /** @return the elements of an array, or of an object's values; none for anything else */
    private static Iterable<?> elements(Object value) {
        if (value instanceof List<?> list) {
            return list;
        }
        return value instanceof Map<?, ?> map ? map.values() : List.of();
    }

    /** @return a scalar as text ({@code null} as "null"); containers and absent values as "" */
    private static String text(Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return "";
        }
        return String.valueOf(value);
    }

    private static StringBuilder field(StringBuilder out, String name) {
        return string(out, name).append(':');
    }

    private static void number(StringBuilder out, double value) {
        if (Double.isFinite(value)) {
            out.append(value);
        } else {
            out.append('"').append(value).append('"');
        }
    }

    private static StringBuilder string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < ' ') {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
