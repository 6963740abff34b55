package id.siaga.ticket.rest.dto;

import id.siaga.ticket.domain.Application;
import id.siaga.ticket.knowledge.KnowledgeService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One finished repair (a closed ticket) as found by a knowledge search. */
@Schema(description = "A finished repair: what was concluded (step 4), what was repaired (step 5) and whether it worked (step 7)")
public record KnowledgeItem(
        long ticketId,
        @Schema(examples = "SIAGA-2026-000001") String ticketNumber,
        String title,
        @Schema(description = "The latest output of step 4 (ANALYSIS): the conclusion about the fault") String conclusion,
        @Schema(description = "The latest output of step 5 (REPAIR): the repair done") String repair,
        @Schema(description = "Whether the last decision (step 7) was YES") boolean worked,
        @Schema(description = "The last decision: YES or NO") String decision,
        @Schema(description = "Analysis/repair rounds the ticket took") int rounds,
        Instant closedAt,
        Application application,
        Long serverId,
        String serverName,
        @Schema(description = "The server's role: SIAK_APP, SIAK_DB, KTPEL, NETWORK or OTHER") String serverRole,
        @Schema(description = "For agent tickets: the failing check") String checkKey,
        @Schema(description = "The third party that repaired it, if any") String thirdParty,
        @Schema(description = "From the complaint to closing, in seconds") long durationSeconds,
        @Schema(description = "NONE, RECOMMENDED (ranks first) or WRONG (hidden from suggestions)") String curation,
        String curationReason,
        String curatedBy,
        Instant curatedAt,
        @Schema(description = "true when the Kasi or Kabid marked this repair as wrong: read it with care") boolean warning,
        @Schema(description = "Relevance (full-text rank and trigram similarity) weighed by recency; 0 without a query") double score,
        @Schema(description = "Title, conclusion and repair, HTML-escaped, with the matching words between <mark> and </mark>: "
                + "the only markup it contains, so a page may insert it as HTML") String snippet) {

    public static KnowledgeItem of(KnowledgeService.Hit h) {
        return new KnowledgeItem(h.ticketId(), h.ticketNumber(), h.title(), h.conclusion(), h.repair(), h.worked(),
                h.decision(), h.rounds(), h.closedAt(), h.application(), h.serverId(), h.serverName(), h.serverRole(),
                h.checkKey(), h.thirdParty(), h.durationSeconds(), h.curation().name(), h.curationReason(), h.curatedBy(),
                h.curatedAt(), h.warning(), h.score(), h.snippet());
    }
}
