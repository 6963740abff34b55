package id.siaga.ticket.rest;

import id.siaga.ticket.support.Agents;
import id.siaga.ticket.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For every operation of the committed OpenAPI document: a NUL character in each path parameter, each query
 * parameter and each property of the request body, sent as every kind of caller, is refused with a 4xx answer in
 * {@code application/problem+json}; never a 500.
 */
@QuarkusTest
class NulSweepTest {

    private static final String NUL = "\u0000";

    /** One operation of the document. */
    record Operation(String method, String path, List<String> query, String bodySchema, boolean arrayBody) {
    }

    @Test
    void noOperationAnswers500ToANulAnywhere() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("../openapi/openapi.yaml"));
        Map<String, List<String>> schemas = schemas(lines);
        List<Operation> operations = operations(lines);
        assertTrue(operations.size() > 20, "operations read: " + operations.size());
        assertTrue(schemas.get("CreateTicketRequest").containsAll(List.of("title", "reporterName", "serverId")));
        assertTrue(operations.contains(new Operation("POST", "/api/v1/tickets", List.of(), "CreateTicketRequest", false)),
                operations.toString());
        assertTrue(operations.stream().anyMatch(o -> o.path().equals("/api/v1/findings") && o.arrayBody()));
        assertTrue(operations.stream().anyMatch(o -> o.method().equals("GET") && o.path().equals("/api/v1/tickets")
                && o.query().containsAll(List.of("step", "page", "size"))));
        Agents.Registered agent = Agents.register("nul-sweep", "OTHER");
        List<Supplier<RequestSpecification>> callers = List.of(Api::admin, () -> Api.as(Api.ADB),
                () -> Api.as(Api.KASI), () -> Api.as(Api.KABID),
                () -> RestAssured.given().header("Authorization", "Bearer " + agent.token()).contentType(ContentType.JSON));
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Operation op : operations) {
            List<Map<String, Object>> requests = new ArrayList<>();
            if (op.path().contains("{")) {
                requests.add(Map.of("path", op.path().replaceAll("\\{[^}]+}", "1%00")));
            }
            for (String name : op.query()) {
                requests.add(Map.of("path", op.path().replaceAll("\\{[^}]+}", "1"), "query", name));
            }
            if (op.bodySchema() != null) {
                for (String property : schemas.getOrDefault(op.bodySchema(), List.of())) {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put(property, "x" + NUL + "y");
                    requests.add(Map.of("path", op.path().replaceAll("\\{[^}]+}", "1"),
                            "body", op.arrayBody() ? List.of(body) : body, "field", property));
                }
            }
            for (Map<String, Object> r : requests) {
                for (Supplier<RequestSpecification> caller : callers) {
                    RequestSpecification request = caller.get().urlEncodingEnabled(false);
                    if (r.containsKey("query")) {
                        request.queryParam((String) r.get("query"), "1%00");
                    }
                    if (r.containsKey("body")) {
                        request.body(r.get("body"));
                    }
                    Response answer = request.request(op.method(), (String) r.get("path"));
                    sent++;
                    String what = op.method() + " " + r.get("path") + " " + r.getOrDefault("query", "")
                            + r.getOrDefault("field", "") + " -> " + answer.statusCode();
                    if (answer.statusCode() >= 500 || answer.statusCode() < 400) {
                        failures.add(what + " " + answer.asString());
                    } else if (!String.valueOf(answer.contentType()).startsWith("application/problem+json")) {
                        failures.add(what + " as " + answer.contentType());
                    }
                }
            }
        }
        assertTrue(sent > 300, "only " + sent + " requests sent");
        assertTrue(failures.isEmpty(), sent + " requests; refused wrongly:\n" + String.join("\n", failures));
    }

    /** @return each operation: method, path, query parameter names, and the request body's schema */
    static List<Operation> operations(List<String> lines) {
        List<Operation> operations = new ArrayList<>();
        String path = null;
        String method = null;
        List<String> query = new ArrayList<>();
        String body = null;
        boolean array = false;
        boolean inBody = false;
        String lastName = null;
        for (String line : lines) {
            if (line.matches("^  /\\S+:$")) {
                if (method != null) {
                    operations.add(new Operation(method, path, query, body, array));
                }
                path = line.trim().replace(":", "");
                method = null;
            } else if (path != null && line.matches("^    (get|post|put|patch|delete):$")) {
                if (method != null) {
                    operations.add(new Operation(method, path, query, body, array));
                }
                method = line.trim().replace(":", "").toUpperCase();
                query = new ArrayList<>();
                body = null;
                array = false;
                inBody = false;
            } else if (method != null) {
                String trimmed = line.trim();
                if (trimmed.startsWith("name: ") || trimmed.startsWith("- name: ")) {
                    lastName = trimmed.substring(trimmed.indexOf("name: ") + 6).replace("\"", "");
                } else if (trimmed.equals("in: query") && lastName != null) {
                    query.add(lastName);
                } else if (line.startsWith("      requestBody:")) {
                    inBody = true;
                } else if (line.startsWith("      responses:")) {
                    inBody = false;
                } else if (inBody && trimmed.equals("type: array")) {
                    array = true;
                } else if (inBody && trimmed.startsWith("$ref: ") && body == null) {
                    body = trimmed.substring(trimmed.lastIndexOf('/') + 1).replace("\"", "");
                }
            }
            if (line.startsWith("components:") || (line.matches("^[a-z]+:.*") && !line.startsWith("paths:")
                    && path != null)) {
                if (method != null) {
                    operations.add(new Operation(method, path, query, body, array));
                }
                method = null;
                path = null;
            }
        }
        if (method != null) {
            operations.add(new Operation(method, path, query, body, array));
        }
        return operations;
    }

    /** @return each component schema's property names */
    static Map<String, List<String>> schemas(List<String> lines) {
        Map<String, List<String>> schemas = new LinkedHashMap<>();
        String current = null;
        boolean inProperties = false;
        boolean inSchemas = false;
        for (String line : lines) {
            if (line.equals("  schemas:")) {
                inSchemas = true;
            } else if (inSchemas && line.matches("^\\S.*|^  \\S.*")) {
                inSchemas = line.startsWith("    ");
            }
            if (!inSchemas) {
                continue;
            }
            if (line.matches("^    \\w+:$")) {
                current = line.trim().replace(":", "");
                schemas.put(current, new ArrayList<>());
                inProperties = false;
            } else if (current != null && line.equals("      properties:")) {
                inProperties = true;
            } else if (current != null && line.matches("^      \\w+:.*")) {
                inProperties = false;
            } else if (inProperties && line.matches("^        \\w+:$")) {
                schemas.get(current).add(line.trim().replace(":", ""));
            }
        }
        return schemas;
    }
}
