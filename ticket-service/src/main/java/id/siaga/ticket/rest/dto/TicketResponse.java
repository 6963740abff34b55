package id.siaga.ticket.rest.dto;

import id.siaga.ticket.domain.Application;
import id.siaga.ticket.domain.Severity;
import id.siaga.ticket.domain.TicketSource;
import id.siaga.ticket.domain.TicketState;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A ticket with its SOP record: every step visit, what the caller may do next, and the SOP's records. */
@Schema(description = "A ticket with every step record and the moves open to the caller")
public record TicketResponse(
        long id,
        @Schema(examples = "SIAGA-2026-000001") String number,
        @Schema(description = "The SOP version the ticket started under") int sopVersion,
        String sopNumber,
        TicketSource source,
        String reporterName,
        String reporterContact,
        Long serverId,
        Application application,
        @Schema(description = "For agent tickets: the failing check") String checkKey,
        @Schema(description = "For agent tickets: the check's current status (OK, WARN, CRIT, UNKNOWN)") String checkStatus,
        String title,
        String description,
        Severity severity,
        @Schema(description = "Current step code, or CLOSED / CANCELLED") String step,
        TicketState state,
        boolean open,
        String assignee,
        Instant stepStartedAt,
        @Schema(description = "When the current step falls due") Instant dueAt,
        @Schema(description = "Whether the current step is past its due time") boolean overdue,
        @Schema(description = "Outcome of the latest decision (step 7): YES or NO") String decision,
        @Schema(description = "Analysis/repair round, from 1") int round,
        @Schema(description = "Agenda number given at step 10, e.g. 001/PIAK/2026") String agendaNumber,
        ThirdPartyResponse thirdParty,
        @Schema(description = "Recorded end state of a closed ticket") String endState,
        String cancelReason,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        Instant closedAt,
        List<StepRecordResponse> steps,
        @Schema(description = "Latest agent evidence (failures, recovery, re-check results), newest first") List<EvidenceResponse> evidence,
        @Schema(description = "Steps the caller may move the ticket to now") List<String> allowedNext,
        @Schema(description = "At ANALYSIS, REPAIR and SOFTWARE_CHECK: up to five past repairs that may help, the same "
                + "(server, check) first; empty at other steps") List<SuggestionResponse> suggestions,
        @Schema(description = "Further complaints recorded on the ticket (linked reports), oldest first") List<LinkedReportResponse> reports,
        @Schema(description = "For a ticket cancelled as a duplicate: the id of the surviving ticket") Long duplicateOf,
        @Schema(description = "What the public status page says about this incident (shown while the ticket is open); null when nothing")
        String publicSummary) {
}
