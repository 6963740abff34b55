package id.siaga.ticket.knowledge;

import id.siaga.ticket.support.Agents;
import id.siaga.ticket.support.Api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Tickets walked through the SOP to CLOSED through the API, with a conclusion (step 4) and a repair (step 5). */
final class Repairs {

    private static final List<String[]> WALK = List.of(
            new String[] {"COMPLAINT_RECEIVED", "INSPECTION", Api.ADB},
            new String[] {"INSPECTION", "FUNCTION_CHECK", Api.ADB},
            new String[] {"FUNCTION_CHECK", "ANALYSIS", Api.ADB},
            new String[] {"ANALYSIS", "REPAIR", Api.ADB},
            new String[] {"REPAIR", "SOFTWARE_CHECK", Api.ADB},
            new String[] {"SOFTWARE_CHECK", "DECISION", Api.ADB},
            new String[] {"DECISION", "REPORT_TO_KABID", Api.ADB},
            new String[] {"REPORT_TO_KABID", "AGENDA", Api.KABID},
            new String[] {"AGENDA", "CLOSED", Api.KASI});

    private Repairs() {
    }

    /** A phone complaint with this title and description. */
    static long complaint(String title, String description) {
        Map<String, Object> body = new java.util.HashMap<>(Api.complaint(title));
        body.put("description", description);
        return ((Number) Api.as(Api.ADB).body(body).post("/api/v1/tickets").then().statusCode(201)
                .extract().path("id")).longValue();
    }

    /** Walks the ticket from its current step up to (not past) {@code until}. */
    static void walkTo(long id, String until, String conclusion, String repair) {
        String step = Api.as(Api.ADB).get("/api/v1/tickets/{id}", id).then().statusCode(200).extract().path("step");
        boolean walking = false;
        for (String[] move : WALK) {
            if (move[0].equals(step)) {
                walking = true;
            }
            if (!walking) {
                continue;
            }
            if (move[0].equals(until)) {
                return;
            }
            String output = switch (move[0]) {
                case "ANALYSIS" -> conclusion;
                case "REPAIR" -> repair;
                default -> "ok";
            };
            Api.move(move[2], id, move[1], output);
        }
    }

    /** Closes the ticket with this conclusion and repair. */
    static long close(long id, String conclusion, String repair) {
        walkTo(id, "CLOSED", conclusion, repair);
        return id;
    }

    /** A closed complaint. */
    static long closedComplaint(String title, String description, String conclusion, String repair) {
        return close(complaint(title, description), conclusion, repair);
    }

    /** Fails the check twice (an agent ticket) and answers the open ticket's id. */
    static long agentTicket(Agents.Registered server, String check, Instant start) {
        Agents.results(server, check, "tcp", start, "OK", "CRIT", "CRIT");
        List<Integer> ids = Api.as(Api.ADB).get("/api/v1/tickets?open=true&serverId=" + server.id()).then().statusCode(200)
                .extract().path("items.id");
        return ids.get(0).longValue();
    }
}
