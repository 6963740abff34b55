package id.siaga.ticket.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * What the service did with a batch of findings.
 *
 * @param accepted   findings stored now
 * @param duplicates findings already stored before (retries), skipped
 * @param recheck    re-checks the agent should run now
 */
@Schema(description = "What the service did with a batch of findings")
public record FindingBatchResponse(int accepted, int duplicates, List<RecheckRequest> recheck) {

    /**
     * A re-check the agent should run now and answer with {@code recheckId} set.
     *
     * @param checks the check keys to run; empty means every check
     */
    @Schema(description = "A re-check the agent should run now; answer with recheckId set on the results")
    public record RecheckRequest(UUID id, List<String> checks, Long ticketId) {
    }
}
