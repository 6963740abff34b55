package id.siaga.ticket.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** An escalation: who must hear about what, and whether they have acknowledged it. */
@Schema(description = "An escalation: who must hear about what, and whether they have acknowledged it")
public record EscalationResponse(
        long id,
        Long ticketId,
        @Schema(description = "The ticket's number, when the escalation is about a ticket") String ticketNumber,
        Long serverId,
        @Schema(description = "STEP_OVERDUE, DECISION_NO, THIRD_PARTY, CRITICAL_FINDING, AGENT_SILENT or OFFICE_SILENT") String reason,
        @Schema(description = "1 for the first recipient, 2 when the chain moved up") int level,
        @Schema(description = "The role that must hear about it: ADB, JF_ADB, KASI or KABID") String recipient,
        @Schema(description = "The step concerned, for step escalations") String step,
        String message,
        Instant createdAt,
        Instant acknowledgedAt,
        String acknowledgedBy,
        @Schema(description = "Where a person acknowledged it: api, web or telegram (empty when the service recorded it "
                + "as a ticket moved on)") String acknowledgedVia,
        @Schema(description = "When the cause went away (step completed, agent back); informational") Instant resolvedAt) {
}
