package id.siaga.ticket.rest.dto;

import id.siaga.ticket.domain.Application;
import id.siaga.ticket.domain.Severity;
import id.siaga.ticket.domain.TicketSource;
import id.siaga.ticket.service.command.IntakeCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A complaint taken by phone, in person, by letter or by message (SOP step 1). */
@Schema(description = "A complaint taken by phone, in person, by letter or by message (SOP step 1)")
public record CreateTicketRequest(
        @Schema(description = "How the complaint arrived; AGENT is reserved for probe findings",
                enumeration = {"PHONE", "WALK_IN", "LETTER", "MESSAGE"}, required = true)
        @NotNull TicketSource source,
        @Schema(description = "Who complained", required = true, maxLength = 200)
        @NotBlank @Size(max = 200) String reporterName,
        @Schema(description = "Phone number, e-mail or office of the reporter", maxLength = 200)
        @Size(max = 200) String reporterContact,
        @Schema(description = "The affected server, if known")
        @Positive Long serverId,
        @Schema(required = true)
        @NotNull Application application,
        @Schema(description = "Short summary of the fault", required = true, maxLength = 200)
        @NotBlank @Size(max = 200) String title,
        @Schema(description = "What the reporter saw", required = true, maxLength = 10000)
        @NotBlank @Size(max = 10000) String description,
        @Schema(required = true)
        @NotNull Severity severity) {

    /** @return the complaint as the service takes it */
    public IntakeCommand command() {
        return new IntakeCommand(source, reporterName, reporterContact, serverId, application, title, description, severity);
    }
}
