package id.siaga.ticket.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One visit of the ticket to an SOP step. */
@Schema(description = "One visit of the ticket to an SOP step, with its clock against the time standard")
public record StepRecordResponse(
        int seq,
        String code,
        @Schema(description = "Step number in the SOP") Integer no,
        String nameId,
        String nameEn,
        @Schema(description = "Role that completes the step") String role,
        Instant startedAt,
        @Schema(description = "Null while the ticket is at this step") Instant endedAt,
        @Schema(description = "Who completed the step") String actor,
        String output,
        @Schema(description = "Lower bound of the time standard, ISO-8601") String minDuration,
        @Schema(description = "Upper bound of the time standard, ISO-8601") String maxDuration,
        @Schema(description = "When the step falls due; null when it has no time standard") Instant dueAt,
        @Schema(description = "Whether the step ran (or is running) past its due time") boolean overdue,
        @Schema(description = "Time counted against the standard so far, in seconds: working time (office hours, or 24x7 for CRITICAL tickets) outside maintenance windows") long elapsedSeconds) {
}
