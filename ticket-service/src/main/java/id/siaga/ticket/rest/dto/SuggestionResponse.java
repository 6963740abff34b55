package id.siaga.ticket.rest.dto;

import id.siaga.ticket.knowledge.KnowledgeService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A past repair suggested for a ticket being worked. */
@Schema(description = "A past repair that may help with this ticket")
public record SuggestionResponse(
        long ticketId,
        String ticketNumber,
        String title,
        @Schema(description = "Its conclusion (step 4)") String conclusion,
        @Schema(description = "Its repair (step 5)") String repair,
        @Schema(description = "Whether that repair worked (decision YES)") boolean worked,
        Instant closedAt,
        @Schema(description = "SAME_CHECK (same server and check), SAME_CHECK_SAME_ROLE (same check on a server of the same role) "
                + "or SIMILAR_TEXT") String match,
        @Schema(description = "Marked as recommended by the Kasi or Kabid") boolean recommended) {

    public static SuggestionResponse of(KnowledgeService.Suggestion s) {
        return new SuggestionResponse(s.ticketId(), s.ticketNumber(), s.title(), s.conclusion(), s.repair(), s.worked(),
                s.closedAt(), s.match().name(), s.recommended());
    }
}
