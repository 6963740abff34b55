package id.siaga.ticket.rest.dto;

import id.siaga.ticket.service.command.ThirdPartyCommand;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The third party contacted for a repair (SOP step 11). */
@Schema(description = "The third party contacted for a repair (SOP step 11)")
public record ThirdPartyRequest(
        @Schema(description = "Company or unit, e.g. the Dukcapil Kemendagri helpdesk; required when entering THIRD_PARTY_REPAIR", maxLength = 200)
        @Size(max = 200) String name,
        @Schema(description = "Phone, e-mail or person", maxLength = 200)
        @Size(max = 200) String contact,
        @Schema(description = "Their ticket or letter number", maxLength = 200)
        @Size(max = 200) String reference) {

    /** @return the third party as the service takes it */
    public ThirdPartyCommand command() {
        return new ThirdPartyCommand(name, contact, reference);
    }
}
