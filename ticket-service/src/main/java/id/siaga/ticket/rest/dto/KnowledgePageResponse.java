package id.siaga.ticket.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * One page of finished repairs found.
 *
 * @param items      the repairs on this page
 * @param total      how many repairs match in all: counted when {@code totalExact}, else extrapolated from the newest
 *                   records looked at
 * @param totalExact whether every record was looked at, so {@code total} is a count rather than an estimate
 * @param page       the page number, from 0
 * @param size       the page size asked for
 */
@Schema(description = "One page of finished repairs found")
public record KnowledgePageResponse(List<KnowledgeItem> items,
        @Schema(description = "How many repairs match in all: a count when totalExact, else an estimate from the newest records looked at") long total,
        @Schema(description = "Whether total is a count (every record looked at) rather than an estimate") boolean totalExact,
        int page, int size) {
}
