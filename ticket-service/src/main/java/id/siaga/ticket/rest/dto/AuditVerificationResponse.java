package id.siaga.ticket.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The result of checking the audit trail's hash chain.
 *
 * @param valid          whether every event matches its hash and links to the event before it
 * @param events         how many events were checked
 * @param firstInvalidId the lowest event id that does not verify, or null when the chain is valid
 */
@Schema(description = "The result of checking the whole audit trail's hash chain (every event of every ticket)")
public record AuditVerificationResponse(
        @Schema(description = "Whether every event's hash matches its content and the previous event's hash") boolean valid,
        @Schema(description = "How many events were checked") long events,
        @Schema(description = "The lowest event id that does not verify (changed, or linked to a removed event); null "
                + "when valid", nullable = true) Long firstInvalidId) {
}
