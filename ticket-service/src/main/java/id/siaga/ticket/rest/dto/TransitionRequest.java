package id.siaga.ticket.rest.dto;

import id.siaga.ticket.service.command.TransitionCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Completes the ticket's current step and moves it on. */
@Schema(description = "Completes the ticket's current step and moves it to the next one")
public record TransitionRequest(
        @Schema(description = "The next step's code, CLOSED after AGENDA, or CANCELLED (KASI/KABID, with a reason in note)",
                required = true, examples = "INSPECTION")
        @NotBlank @Size(max = 40) String to,
        @Schema(description = "The output of the step being completed, e.g. the fault conclusion", maxLength = 4000)
        @Size(max = 4000) String output,
        @Schema(description = "A remark for the audit trail; the reason when cancelling", maxLength = 4000)
        @Size(max = 4000) String note,
        @Schema(description = "Required when moving to THIRD_PARTY_REPAIR")
        @Valid ThirdPartyRequest thirdParty,
        @Schema(description = "The reason when cancelling; taken as the note when no note is given", maxLength = 4000)
        @Size(max = 4000) String reason,
        @Schema(description = "Only with CANCELLED: the id of the open ticket this one duplicates; this ticket's linked "
                + "reports, and its own complaint as a report, move there. 422 for itself or an unknown ticket, or with "
                + "any other move; 409 when that ticket is closed, cancelled or itself a duplicate")
        @Positive Long duplicateOf) {

    /** A move that cancels nothing as a duplicate. */
    public TransitionRequest(String to, String output, String note, ThirdPartyRequest thirdParty, String reason) {
        this(to, output, note, thirdParty, reason, null);
    }

    /** @return the note, or the reason when no note was given */
    public String remark() {
        return note != null && !note.isBlank() ? note : reason;
    }

    /** @return the move as the service takes it */
    public TransitionCommand command() {
        return new TransitionCommand(to, output, remark(), thirdParty == null ? null : thirdParty.command(), duplicateOf);
    }
}
