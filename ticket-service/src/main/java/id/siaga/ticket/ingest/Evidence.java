package id.siaga.ticket.ingest;

import id.siaga.ticket.domain.CheckStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * One piece of evidence to attach to a ticket.
 *
 * @param kind FAILURE, RECOVERY, RECHECK or FLAPPING
 */
record Evidence(long ticketId, String kind, UUID findingId, String checkKey, CheckStatus status, String message,
        Instant observedAt) {

    static Evidence of(long ticketId, String kind, Finding finding) {
        return new Evidence(ticketId, kind, finding.id(), finding.checkKey(), finding.status(), finding.message(),
                finding.observedAt());
    }
}
