package id.siaga.ticket.rest.dto;

import id.siaga.ticket.domain.CheckStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One check result posted by a probe agent. */
@Schema(description = "One check result posted by a probe agent")
public record FindingRequest(
        @Schema(description = "Chosen by the agent; a retried finding with the same id is stored once", required = true)
        @NotNull UUID id,
        @Schema(description = "The agent's server; must be the server of the token when given")
        Long serverId,
        @Schema(description = "The check's key in the agent config", required = true, examples = "siak-web")
        @NotBlank @Size(max = 100) @Pattern(regexp = "[^,\\s][^,]*", message = "must not contain commas or start with a blank") String check,
        @Schema(description = "http, tcp, jdbc, host, process, file-age, reachability or heartbeat", required = true)
        @NotBlank @Size(max = 30) String kind,
        @Schema(required = true)
        @NotNull CheckStatus status,
        @Schema(description = "What the check saw, in plain words", maxLength = 2000)
        @Size(max = 2000) String message,
        @Schema(description = "Numbers the check measured, by name (e.g. responseMs)")
        @Size(max = 200) Map<@NotBlank @Size(max = 100) String, @NotNull Double> measurements,
        @Schema(description = "When the agent ran the check: at most SIAGA_FINDINGS_MAX_CLOCK_SKEW (PT5M) ahead of the "
                + "service's clock and not older than SIAGA_FINDINGS_RETENTION (P90D)", required = true)
        @NotNull Instant observedAt,
        @Schema(description = "How long the check took, in milliseconds")
        @PositiveOrZero Integer durationMs,
        @Schema(description = "Key of the reachability check this check depends on")
        @Size(max = 100) String dependsOn,
        @Schema(description = "The re-check request this result answers")
        UUID recheckId,
        @Schema(description = "Failing results in a row that open a ticket (default 2)")
        @Min(1) @Max(100) Integer openAfter,
        @Schema(description = "Passing results in a row that record a recovery (default 2)")
        @Min(1) @Max(100) Integer recoverAfter) {
}
