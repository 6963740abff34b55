package id.siaga.ticket.rest.dto;

import id.siaga.ticket.domain.sop.SopStep;
import id.siaga.ticket.domain.sop.SopTransition;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A stored SOP version: its identity, steps with time standards, and transitions. */
@Schema(description = "A stored SOP version")
public record SopResponse(
        @Schema(examples = "800/488/DKPS-PS/2022") String number,
        int version,
        String title,
        String effectiveDate,
        boolean active,
        Instant createdAt,
        String createdBy,
        List<SopStep> steps,
        List<SopTransition> transitions) {
}
