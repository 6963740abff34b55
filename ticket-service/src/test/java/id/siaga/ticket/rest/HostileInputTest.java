package id.siaga.ticket.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.siaga.ticket.support.Agents;
import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.EmbeddedPostgresResource;
import id.siaga.ticket.support.Pages;
import id.siaga.ticket.support.RawRequest;
import id.siaga.ticket.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every bad request found by the hostile-input sweep of issue 8, sent to every operation it concerns: each is
 * answered with a 4xx {@code application/problem+json} naming the field, and nothing is written.
 */
@QuarkusTest
class HostileInputTest {

    private static final String PROBLEM = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NUL = "\u0000";

    @Inject
    DataSource dataSource;

    private static Agents.Registered server;
    private static long ticketId;

    @BeforeEach
    void prepare() {
        if (server == null) {
            server = Agents.register("hostile-" + UUID.randomUUID().toString().substring(0, 8), "SIAK_APP");
            ticketId = Api.newTicket("hostile input target");
        }
    }

    /** A JSON operation: who sends it, where, a valid body, and the rows that must not change when it is refused. */
    record Operation(String name, Supplier<RequestSpecification> who, String method, Supplier<String> path,
            Supplier<Map<String, Object>> body, boolean list, String counted) {

        Response send(String json) {
            RequestSpecification request = who.get().contentType(ContentType.JSON).body(json);
            return method.equals("PATCH") ? request.patch(path.get()) : request.post(path.get());
        }

        String valid() {
            Map<String, Object> b = body.get();
            return write(list ? List.of(b) : b);
        }
    }

    static List<Operation> operations() {
        return List.of(
                new Operation("complaint", () -> Api.as(Api.ADB), "POST", () -> "/api/v1/tickets",
                        () -> new LinkedHashMap<>(Api.complaint("hostile complaint")), false, "select count(*) from ticket"),
                new Operation("transition", () -> Api.as(Api.ADB), "POST", () -> "/api/v1/tickets/" + ticketId + "/transitions",
                        () -> new LinkedHashMap<>(Map.of("to", "INSPECTION", "output", "dicek", "note", "catatan")), false,
                        "select count(*) from ticket_event"),
                new Operation("maintenance", () -> Api.as(Api.KASI), "POST", () -> "/api/v1/maintenance",
                        () -> new LinkedHashMap<>(Map.of("serverId", server.id(), "from", "2030-01-01T08:00:00Z",
                                "to", "2030-01-01T10:00:00Z", "reason", "Pembaruan SIAK")), false,
                        "select count(*) from maintenance_window"),
                new Operation("findings", () -> RestAssured.given().header("Authorization", "Bearer " + server.token()), "POST",
                        () -> "/api/v1/findings", () -> new LinkedHashMap<>(Agents.finding("siak-web", "http", "OK", "baik",
                                Instant.now())), true, "select count(*) from finding"),
                new Operation("user", Api::admin, "POST", () -> "/api/v1/users",
                        () -> new LinkedHashMap<>(Map.of("username", "hostile." + UUID.randomUUID().toString().substring(0, 6),
                                "fullName", "Orang Baru", "password", "password-123", "roles", List.of("ADB"),
                                "email", "baru@siaga.test")), false, "select count(*) from app_user"),
                new Operation("server", Api::admin, "POST", () -> "/api/v1/servers",
                        () -> new LinkedHashMap<>(Map.of("name", "srv-" + UUID.randomUUID().toString().substring(0, 8),
                                "role", "SIAK_DB", "location", "Painan", "description", "cadangan")), false,
                        "select count(*) from server"),
                new Operation("user change", Api::admin, "PATCH", () -> "/api/v1/users/1",
                        () -> new LinkedHashMap<>(Map.of("fullName", "Administrator")), false,
                        "select count(*) from app_user where full_name <> 'Administrator' and id = 1"));
    }

    /** A bad variant of an operation's body. */
    record Variant(String name, String field, Function<Operation, String> body) {
    }

    static Stream<Arguments> badBodies() {
        List<Arguments> cases = new ArrayList<>();
        for (Operation op : operations()) {
            cases.add(Arguments.of(op, new Variant("trailing text", null, o -> o.valid() + " {\"more\": 1}")));
            cases.add(Arguments.of(op, new Variant("trailing garbage", null, o -> o.valid() + "x")));
            cases.add(Arguments.of(op, new Variant("duplicate key", null, o -> duplicateFirstKey(o.valid()))));
            for (Map.Entry<String, Object> field : op.body().get().entrySet()) {
                if (field.getValue() instanceof String text) {
                    String name = field.getKey();
                    cases.add(Arguments.of(op, new Variant("NUL in " + name, name,
                            o -> replace(o, name, text + NUL))));
                    cases.add(Arguments.of(op, new Variant("NUL inside " + name, name,
                            o -> replace(o, name, NUL + text))));
                    cases.add(Arguments.of(op, new Variant("lone surrogate in " + name, name,
                            o -> rawReplace(o, name, "\"\\ud800" + "x\""))));
                    cases.add(Arguments.of(op, new Variant("number for text " + name, name,
                            o -> replace(o, name, 5))));
                }
                if (field.getValue() instanceof Number) {
                    String name = field.getKey();
                    cases.add(Arguments.of(op, new Variant("number as string " + name, name,
                            o -> replace(o, name, String.valueOf(field.getValue())))));
                    cases.add(Arguments.of(op, new Variant("empty string as null " + name, name, o -> replace(o, name, ""))));
                    cases.add(Arguments.of(op, new Variant("1.5 for " + name, name, o -> replace(o, name, 1.5))));
                    cases.add(Arguments.of(op, new Variant("true for " + name, name, o -> replace(o, name, true))));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badBodies")
    void refusesBadBodiesWith400NamingTheFieldAndWritesNothing(Operation op, Variant variant) {
        long before = Sql.count(dataSource, op.counted());
        Response response = op.send(variant.body().apply(op));
        assertEquals(400, response.statusCode(), op.name() + ", " + variant.name() + ": " + response.asString());
        response.then().statusCode(400).contentType(PROBLEM).body("status", equalTo(400))
                .body("detail", not(containsString("com.fasterxml"))).body("detail", not(containsString("java.")))
                .body("detail", not(containsString("id.siaga")));
        if (variant.field() != null) {
            response.then().body("errors.field", hasItem(endsWith(variant.field())));
        }
        assertEquals(before, Sql.count(dataSource, op.counted()), "nothing written");
    }

    private static org.hamcrest.Matcher<String> endsWith(String field) {
        return org.hamcrest.Matchers.endsWith(field);
    }

    static Stream<Arguments> badDates() {
        List<String> values = List.of("\"+1000000000-12-31T23:59:59Z\"", "\"-5000-01-01T00:00:00Z\"",
                "\"+99999-01-01T00:00:00Z\"", "12345", "1764576000.5", "\"\"", "\"12345\"", "true");
        List<Arguments> cases = new ArrayList<>();
        for (String value : values) {
            cases.add(Arguments.of("maintenance", "from", value));
            cases.add(Arguments.of("maintenance", "to", value));
            cases.add(Arguments.of("findings", "observedAt", value));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}.{1} = {2}")
    @MethodSource("badDates")
    void refusesDatesOutOfRangeAndEpochNumbers(String operation, String field, String value) {
        Operation op = operations().stream().filter(o -> o.name().equals(operation)).findFirst().orElseThrow();
        long before = Sql.count(dataSource, op.counted());
        op.send(rawReplace(op, field, value)).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem(endsWith(field)));
        assertEquals(before, Sql.count(dataSource, op.counted()));
    }

    @Test
    void refusesAnEmptyServerIdForAMaintenanceWindowInsteadOfPlanningItForAllServers() {
        Operation op = operations().stream().filter(o -> o.name().equals("maintenance")).findFirst().orElseThrow();
        long before = Sql.count(dataSource, "select count(*) from maintenance_window");
        op.send(replace(op, "serverId", "")).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("serverId"));
        assertEquals(before, Sql.count(dataSource, "select count(*) from maintenance_window"));
        assertEquals(0, Sql.count(dataSource, "select count(*) from maintenance_window where server_id is null"
                + " and reason = 'Pembaruan SIAK'"));
    }

    static Stream<Arguments> blankTexts() {
        return Stream.of("   ", "\u00a0\u00a0", "\u3000", "\u2003\t\n", "\u200b", "\ufeff ").flatMap(blank -> Stream.of(
                Arguments.of("complaint", "title", blank), Arguments.of("complaint", "reporterName", blank),
                Arguments.of("complaint", "description", blank), Arguments.of("maintenance", "reason", blank),
                Arguments.of("server", "name", blank), Arguments.of("user", "fullName", blank),
                Arguments.of("transition", "to", blank), Arguments.of("findings", "kind", blank)));
    }

    @ParameterizedTest(name = "{0}.{1} blank")
    @MethodSource("blankTexts")
    void refusesWhiteSpaceOnlyRequiredText(String operation, String field, String blank) {
        Operation op = operations().stream().filter(o -> o.name().equals(operation)).findFirst().orElseThrow();
        long before = Sql.count(dataSource, op.counted());
        op.send(replace(op, field, blank)).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem(endsWith(field)));
        assertEquals(before, Sql.count(dataSource, op.counted()));
    }

    @Test
    void refusesAnEnumAsANumberAndAnUnknownEnumValue() {
        Operation op = operations().get(0);
        long before = Sql.count(dataSource, op.counted());
        op.send(replace(op, "severity", 1)).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("severity"));
        op.send(replace(op, "severity", "")).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("severity"));
        assertEquals(before, Sql.count(dataSource, op.counted()));
    }

    @Test
    void refusesANulInAMeasurementName() {
        Operation op = operations().stream().filter(o -> o.name().equals("findings")).findFirst().orElseThrow();
        long before = Sql.count(dataSource, op.counted());
        op.send(rawReplace(op, "measurements", "{\"response\\u0000Ms\": 1.0}")).then().statusCode(400)
                .contentType(PROBLEM);
        op.send(rawReplace(op, "measurements", "{\"responseMs\": \"12\"}")).then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", containsString("measurements"));
        assertEquals(before, Sql.count(dataSource, op.counted()));
    }

    @Test
    void stillTakesWhatTheAgentWrites() {
        String body = "[{\"id\":\"" + UUID.randomUUID() + "\",\"serverId\":" + server.id() + ",\"check\":\"host\","
                + "\"kind\":\"host\",\"status\":\"WARN\",\"message\":\"memori 91%\",\"measurements\":{\"memoryUsed\":0.91,"
                + "\"swapUsed\":0,\"uptimeSeconds\":86400,\"loadAverage\":\"NaN\"},\"observedAt\":\""
                + Instant.now().toString().substring(0, 23) + "Z\",\"durationMs\":12,\"openAfter\":3}]";
        RestAssured.given().header("Authorization", "Bearer " + server.token()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/findings").then().statusCode(200).body("accepted", equalTo(1));
    }

    /** The list operations and their query parameters. */
    static Stream<Arguments> queryParameters() {
        return Stream.of(
                Arguments.of("/api/v1/tickets", List.of("step", "open", "serverId", "source", "overdue", "page", "size")),
                Arguments.of("/api/v1/findings", List.of("serverId", "check", "status", "from", "to", "page", "size")),
                Arguments.of("/api/v1/escalations", List.of("recipient", "open", "ticketId", "page", "size")),
                Arguments.of("/api/v1/agenda", List.of("year")),
                Arguments.of("/api/v1/tickets/{ticket}/evidence", List.of("limit")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queryParameters")
    void refusesANulInAnyQueryParameter(String path, List<String> names) {
        for (String name : names) {
            Response response = Api.as(Api.KASI).queryParam(name, "1" + NUL)
                    .get(path.replace("{ticket}", String.valueOf(ticketId)));
            assertEquals(400, response.statusCode(), path + " " + name);
            response.then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo(name));
        }
    }

    @Test
    void refusesBadQueryValuesOnTheLists() {
        for (String list : List.of("/api/v1/tickets", "/api/v1/escalations", "/api/v1/findings")) {
            for (Map<String, Object> query : List.<Map<String, Object>>of(Map.of("page", 2147483647),
                    Map.of("page", 2147483647, "size", 1), Map.of("page", 20000000, "size", 200),
                    Map.of("page", "abc"), Map.of("size", "abc"), Map.of("page", "1.5"), Map.of("page", ""),
                    Map.of("page", "99999999999"), Map.of("size", "+5"))) {
                Response response = Api.as(Api.KASI).queryParams(query).get(list);
                assertNotEquals(500, response.statusCode(), list + " " + query);
                if (!query.equals(Map.of("page", 2147483647, "size", 1))) {
                    assertEquals(400, response.statusCode(), list + " " + query + ": " + response.asString());
                }
                if (query.equals(Map.of("page", 2147483647, "size", 1))) {
                    response.then().statusCode(200).body("items.size()", equalTo(0));
                } else {
                    response.then().statusCode(400).contentType(PROBLEM)
                            .body("errors[0].field", equalTo(query.containsKey("page") ? "page" : "size"));
                }
            }
        }
        Api.as(Api.KASI).queryParam("step", "PRAYER").get("/api/v1/tickets").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("step"));
        Api.as(Api.KASI).queryParam("step", "inspection").get("/api/v1/tickets").then().statusCode(200);
        Api.as(Api.KASI).queryParam("step", "CLOSED").get("/api/v1/tickets").then().statusCode(200);
        Api.as(Api.KASI).queryParam("recipient", "POPE").get("/api/v1/escalations").then().statusCode(400)
                .body("errors[0].field", equalTo("recipient"));
        Api.as(Api.KASI).queryParam("status", "FINE").get("/api/v1/findings").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        Api.as(Api.KASI).queryParam("source", "PIGEON").get("/api/v1/tickets").then().statusCode(400)
                .body("errors[0].field", equalTo("source"));
        for (String from : List.of("+999999999-12-31T23:59:59Z", "-5000-01-01T00:00:00Z", "12345")) {
            Api.as(Api.KASI).queryParam("from", from).get("/api/v1/findings").then().statusCode(400)
                    .contentType(PROBLEM).body("errors[0].field", equalTo("from"));
            Api.as(Api.KASI).queryParam("to", from).get("/api/v1/findings").then().statusCode(400)
                    .contentType(PROBLEM).body("errors[0].field", equalTo("to"));
        }
    }

    @Test
    void refusesPathIdsThatAreNotPlainDigits() {
        for (String id : List.of("+1", "-1", "1e3", "0x1", "%00", "1%00", "99999999999999999999")) {
            for (String path : List.of("/api/v1/tickets/", "/api/v1/servers/", "/api/v1/escalations/",
                    "/api/v1/maintenance/", "/api/v1/sop/versions/")) {
                Response response = Api.as(Api.KASI).urlEncodingEnabled(false).get(path + id);
                assertEquals(400, response.statusCode(), path + id + ": " + response.asString());
                response.then().contentType(PROBLEM);
            }
        }
        long events = Sql.count(dataSource, "select count(*) from ticket_event");
        Api.as(Api.ADB).urlEncodingEnabled(false).body(Map.of("to", "INSPECTION"))
                .post("/api/v1/tickets/+" + ticketId + "/transitions").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("id"));
        assertEquals(events, Sql.count(dataSource, "select count(*) from ticket_event"));
    }

    @Test
    void refusesAMultipartAcknowledgementWithAProblem() {
        long id = escalation();
        RestAssured.given().auth().preemptive().basic(Api.KABID, Api.PASSWORD).multiPart("note", "ok")
                .post("/api/v1/escalations/{id}/acknowledgement", id)
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(415), equalTo(400))).contentType(PROBLEM);
        assertEquals(0, Sql.count(dataSource, "select count(*) from escalation where acknowledged_at is not null and id = " + id));
    }

    @Test
    void answersTooLargeBodiesAndTooLongRequestsWithProblems() {
        Response big = RestAssured.given().auth().preemptive().basic(Api.ADB, Api.PASSWORD).contentType(ContentType.JSON)
                .body("[" + "\"x\",".repeat(700_000) + "\"x\"]").post("/api/v1/tickets");
        assertEquals(413, big.statusCode());
        assertEquals(PROBLEM, big.contentType(), "413 " + big.asString());
        Response longUrl = Api.as(Api.ADB).queryParam("step", "x".repeat(20_000)).get("/api/v1/tickets");
        assertTrue(longUrl.statusCode() == 414 || longUrl.statusCode() == 431 || longUrl.statusCode() == 400,
                "status " + longUrl.statusCode());
        assertEquals(PROBLEM, longUrl.contentType(), "long URL " + longUrl.statusCode());
        Response bigHeader = Api.as(Api.ADB).header("X-Filler", "y".repeat(40_000)).get("/api/v1/tickets");
        assertTrue(bigHeader.statusCode() == 431 || bigHeader.statusCode() == 400, "status " + bigHeader.statusCode());
        assertEquals(PROBLEM, bigHeader.contentType(), "big header " + bigHeader.statusCode());
    }

    @Test
    void refusesANulInAPageFormWithTheRefusedFormPageAndWritesNothing() {
        Pages adb = Pages.signIn(Api.ADB);
        String token = adb.csrfToken("/tiket/baru");
        long before = Sql.count(dataSource, "select count(*) from ticket");
        adb.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token)
                .formParam("source", "PHONE").formParam("reporterName", "Pak" + NUL + "Budi").formParam("application", "SIAK")
                .formParam("title", "NUL di formulir").formParam("description", "isi").formParam("severity", "LOW")
                .post("/tiket").then().statusCode(400).contentType(startsWith("text/html"));
        Pages.signIn(Api.KASI).get("/tiket?langkah=%00").then().statusCode(org.hamcrest.Matchers.lessThan(500));
        assertEquals(before, Sql.count(dataSource, "select count(*) from ticket"));
    }

    @Test
    void neutralisesFormulasInTheMonthlyCsv() {
        Agents.Registered formula = Agents.register("=HYPERLINK(\"http://evil.test\";\"klik\")", "OTHER");
        Map<String, Object> complaint = new HashMap<>(Api.complaint("formula server"));
        complaint.put("serverId", formula.id());
        Api.as(Api.ADB).body(complaint).post("/api/v1/tickets").then().statusCode(201);
        Instant now = Instant.now();
        java.time.ZonedDateTime local = now.atZone(java.time.ZoneId.of("Asia/Jakarta"));
        String csv = Pages.signIn(Api.KABID).request()
                .get("/laporan/bulanan.csv?tahun=" + local.getYear() + "&bulan=" + local.getMonthValue())
                .then().statusCode(200).extract().asString();
        assertTrue(csv.contains("\"'=HYPERLINK(\"\"http://evil.test\"\";\"\"klik\"\")\""), csv);
        assertTrue(!csv.contains(",=HYPERLINK") && !csv.contains(",\"=HYPERLINK"), csv);
        assertEquals("'=1+1", id.siaga.ticket.web.ReportPageAccess.neutralised("=1+1"));
    }

    private long escalation() {
        long id = Api.newTicket("escalation for multipart");
        Api.toThirdPartyRepair(id);
        return Sql.count(dataSource, "select max(id) from escalation where ticket_id = " + id);
    }

    static Stream<Arguments> blankContentTypes() {
        return Stream.of("", " ", "\t").flatMap(type -> Stream.of(Arguments.of("complaint", type),
                Arguments.of("findings", type), Arguments.of("server", type), Arguments.of("user change", type)));
    }

    /** A Content-Type header with no media type in it failed the CSRF filter's parse with a 500 (found 2026-12-07). */
    @ParameterizedTest(name = "{0} with Content-Type \"{1}\"")
    @MethodSource("blankContentTypes")
    void refusesABlankContentTypeWith415AndWritesNothing(String operation, String type) throws Exception {
        Operation op = operations().stream().filter(o -> o.name().equals(operation)).findFirst().orElseThrow();
        long before = Sql.count(dataSource, op.counted());
        String authorization = switch (operation) {
            case "findings" -> "Bearer " + server.token();
            case "complaint" -> Api.basicHeader(Api.ADB, Api.PASSWORD);
            default -> Api.basicHeader("admin", EmbeddedPostgresResource.ADMIN_PASSWORD);
        };
        RawRequest.Answer answer = RawRequest.of(op.method(), op.path().get()).header("Authorization", authorization)
                .body(type, op.valid()).send();
        assertEquals(415, answer.status(), answer.body());
        assertTrue(answer.header("Content-Type").startsWith(PROBLEM), answer.headers().toString());
        assertEquals(415, JSON.readTree(answer.body()).get("status").asInt());
        assertTrue(JSON.readTree(answer.body()).get("detail").asText().contains("application/json"), answer.body());
        assertEquals(before, Sql.count(dataSource, op.counted()), "nothing written");
    }

    @Test
    void refusesABlankContentTypeOnAPageAndLeavesTheOtherMethodsAlone() {
        RawRequest.Answer page = RawRequest.post("/masuk").body("", "username=admin&password=x").send();
        assertEquals(415, page.status(), page.body());
        assertTrue(page.header("Content-Type").startsWith(PROBLEM));
        RawRequest.Answer list = RawRequest.get("/api/v1/servers")
                .header("Authorization", Api.basicHeader("admin", EmbeddedPostgresResource.ADMIN_PASSWORD))
                .header("Content-Type", "").send();
        assertEquals(200, list.status(), list.body());
    }

    /** A user name with a NUL character reached PostgreSQL, which refused it: a 500 (found 2026-12-07). */
    @Test
    void refusesAUserNameWithANulCharacterAsAWrongSignIn() {
        for (List<String> credentials : List.of(List.of(NUL, NUL), List.of("ad" + NUL + "min",
                EmbeddedPostgresResource.ADMIN_PASSWORD), List.of("admin" + NUL, "x"))) {
            RawRequest.Answer answer = RawRequest.get("/api/v1/users/me")
                    .header("Authorization", Api.basicHeader(credentials.get(0), credentials.get(1))).send();
            assertEquals(401, answer.status(), answer.body());
            assertTrue(answer.header("Content-Type").startsWith(PROBLEM), answer.headers().toString());
        }
        RawRequest.Answer form = RawRequest.post("/j_security_check").header("Origin", "http://localhost:" + RestAssured.port)
                .body("application/x-www-form-urlencoded", "username=ad%00min&password=x").send();
        assertTrue(form.status() < 500, form.status() + " " + form.body());
        assertTrue(form.all("Set-Cookie").stream().noneMatch(c -> c.startsWith("siaga-session=") && !c.startsWith("siaga-session=;")),
                form.all("Set-Cookie").toString());
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the operation's valid body with one field set to another value */
    static String replace(Operation op, String field, Object value) {
        Map<String, Object> body = op.body().get();
        body.put(field, value);
        return write(op.list() ? List.of(body) : body);
    }

    /** @return the operation's valid body with one field set to raw JSON text */
    static String rawReplace(Operation op, String field, String rawJson) {
        String marker = "__raw_" + UUID.randomUUID() + "__";
        return replace(op, field, marker).replace("\"" + marker + "\"", rawJson);
    }

    /** @return the JSON with its first key given twice */
    static String duplicateFirstKey(String json) {
        int open = json.indexOf('{');
        int colon = json.indexOf(':', open);
        String key = json.substring(open + 1, colon);
        return json.substring(0, open + 1) + key + ":\"twice\"," + json.substring(open + 1);
    }
}
