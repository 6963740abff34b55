package id.siaga.ticket.rest.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The Kasi's or Kabid's mark on a past repair. */
@Schema(description = "A mark on a past repair")
public record CurationRequest(
        @NotNull @Schema(description = "RECOMMENDED, WRONG or NONE (takes the mark away)", required = true,
                enumeration = {"RECOMMENDED", "WRONG", "NONE"}) String mark,
        @Size(max = 2000) @Schema(description = "Why; required for WRONG") String reason) {
}
