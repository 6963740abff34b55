package id.siaga.ticket.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.siaga.ticket.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SOP is data: served, revised by the administrator after checks, and kept per ticket. */
@QuarkusTest
class SopApiTest {

    @Test
    void servesTheDefaultSopWithStepsTimeStandardsAndBranches() {
        Api.as(Api.VIEWER).get("/api/v1/sop/versions/1").then().statusCode(200)
                .body("number", equalTo("800/488/DKPS-PS/2022"))
                .body("version", equalTo(1))
                .body("title", equalTo("Maintenance Software"))
                .body("effectiveDate", equalTo("2022-01-10"))
                .body("steps", hasSize(11))
                .body("steps[1].code", equalTo("INSPECTION"))
                .body("steps[1].no", equalTo(2))
                .body("steps[1].nameId", equalTo("Melakukan pemeriksaan"))
                .body("steps[1].nameEn", equalTo("Inspect"))
                .body("steps[1].role", equalTo("ADB"))
                .body("steps[1].minDuration", equalTo("PT10M"))
                .body("steps[1].maxDuration", equalTo("PT30M"))
                .body("steps[1].output", equalTo("Cek tampilan software"))
                .body("steps.find { it.code == 'REPAIR' }.maxDuration", equalTo("PT5H"))
                .body("steps.find { it.code == 'AGENDA' }.role", equalTo("KASI"))
                .body("steps.find { it.code == 'THIRD_PARTY_REPAIR' }.role", equalTo("KABID"))
                .body("transitions.find { it.from == 'DECISION' && it.to == 'REPORT_TO_KABID' }.label", equalTo("YES"))
                .body("transitions.find { it.from == 'DECISION' && it.to == 'REPORT_TO_JF_ADB' }.label", equalTo("NO"))
                .body("transitions.find { it.from == 'AGENDA' }.to", equalTo("CLOSED"));
        Api.as(Api.ADB).get("/api/v1/sop").then().statusCode(200).body("active", equalTo(true))
                .body("number", notNullValue()).body("steps", hasSize(11));
    }

    @Test
    void refusesAnSopThatDoesNotHoldTogetherWith422NamingEachProblem() throws Exception {
        Map<String, Object> sop = defaultSop();
        List<Map<String, Object>> steps = steps(sop);
        steps.get(1).put("maxDuration", "half an hour");
        steps.get(2).put("minDuration", "PT2H");
        List<Map<String, Object>> transitions = transitions(sop);
        transitions.removeIf(t -> "NO".equals(t.get("label")));
        int versions = Api.admin().get("/api/v1/sop/versions").then().extract().jsonPath().getList("$").size();

        Api.admin().body(sop).post("/api/v1/sop").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("steps[1].maxDuration"))
                .body("errors.field", hasItem("steps[2].minDuration"));
        Api.admin().body(Map.of("number", "x")).post("/api/v1/sop").then().statusCode(422)
                .body("errors.field", hasItem("steps"));
        assertEquals(versions, Api.admin().get("/api/v1/sop/versions").then().extract().jsonPath().getList("$").size());
    }

    @Test
    void addsARevisionWhileOpenTicketsKeepTheVersionTheyStartedUnder() throws Exception {
        long before = Api.newTicket("before the revision");
        int oldVersion = Api.as(Api.ADB).get("/api/v1/tickets/{id}", before).then().extract().path("sopVersion");

        Map<String, Object> sop = defaultSop();
        sop.put("number", "800/488/DKPS-PS/2022-REV1");
        steps(sop).stream().filter(s -> "REPAIR".equals(s.get("code"))).findFirst().orElseThrow().put("maxDuration", "PT6H");
        int newVersion = Api.admin().body(sop).post("/api/v1/sop").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/sop/versions/" + (oldVersion + 1)))
                .body("number", equalTo("800/488/DKPS-PS/2022-REV1"))
                .body("active", equalTo(true))
                .extract().path("version");
        assertTrue(newVersion > oldVersion);
        Api.as(Api.ADB).get("/api/v1/sop").then().body("version", equalTo(newVersion))
                .body("steps.find { it.code == 'REPAIR' }.maxDuration", equalTo("PT6H"));

        long after = Api.newTicket("after the revision");
        Api.as(Api.ADB).get("/api/v1/tickets/{id}", after).then().body("sopVersion", equalTo(newVersion))
                .body("sopNumber", equalTo("800/488/DKPS-PS/2022-REV1"));
        Api.as(Api.ADB).get("/api/v1/tickets/{id}", before).then().body("sopVersion", equalTo(oldVersion))
                .body("sopNumber", equalTo("800/488/DKPS-PS/2022"));

        Api.admin().body(defaultSop()).post("/api/v1/sop").then().statusCode(201);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> defaultSop() throws Exception {
        try (var in = SopApiTest.class.getClassLoader().getResourceAsStream("sop/sop-800-488-DKPS-PS-2022.json")) {
            Map<String, Object> sop = new ObjectMapper().readValue(in, Map.class);
            sop.put("steps", new ArrayList<>((List<Map<String, Object>>) sop.get("steps")));
            sop.put("transitions", new ArrayList<>((List<Map<String, Object>>) sop.get("transitions")));
            return sop;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(Map<String, Object> sop) {
        return (List<Map<String, Object>>) sop.get("steps");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> transitions(Map<String, Object> sop) {
        return (List<Map<String, Object>>) sop.get("transitions");
    }
}
