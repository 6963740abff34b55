package id.siaga.ticket.rest.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the public status page says about an open incident; empty text removes it. */
@Schema(description = "What the public status page says about an open incident; empty text removes it")
public record PublicSummaryRequest(
        @Schema(required = true, maxLength = PublicSummaryRequest.MAX_LENGTH,
                examples = "SIAK tidak bisa login sejak 08.10; sedang diperbaiki, perkiraan selesai 10.00")
        @NotNull @Size(max = PublicSummaryRequest.MAX_LENGTH) String text) {

    /** Longest public summary, in characters (UTF-16 units). */
    public static final int MAX_LENGTH = 500;
}
