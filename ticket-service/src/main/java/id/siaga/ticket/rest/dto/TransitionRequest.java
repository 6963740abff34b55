package id.siaga.ticket.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
        @Size(max = 4000) String reason) {

    /** @return the note, or the reason when no note was given */
    public String remark() {
        return note != null && !note.isBlank() ? note : reason;
    }
}
