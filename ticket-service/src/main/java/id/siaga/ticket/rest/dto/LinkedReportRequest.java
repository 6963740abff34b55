package id.siaga.ticket.rest.dto;

import id.siaga.ticket.domain.TicketSource;
import id.siaga.ticket.service.command.LinkedReportCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A further complaint about a fault that already has an open ticket, recorded on that ticket. */
@Schema(description = "A further complaint about the fault of an open ticket (\"laporan terkait\"), recorded on it "
        + "instead of a new ticket")
public record LinkedReportRequest(
        @Schema(description = "How the complaint arrived; AGENT is reserved for probe findings",
                enumeration = {"PHONE", "WALK_IN", "LETTER", "MESSAGE"}, required = true)
        @NotNull TicketSource source,
        @Schema(description = "Who complained", required = true, maxLength = 200)
        @NotBlank @Size(max = 200) String reporterName,
        @Schema(description = "Phone number, e-mail or office of the reporter (personal data)", maxLength = 200)
        @Size(max = 200) String reporterContact,
        @Schema(description = "What the reporter said", maxLength = 4000)
        @Size(max = 4000) String note) {

    /** @return the complaint as the service takes it */
    public LinkedReportCommand command() {
        return new LinkedReportCommand(source, reporterName, reporterContact, note);
    }
}
