package id.siaga.agent.report;

import java.util.List;

/**
 * The service's 200 answer to a batch of findings.
 *
 * @param accepted   findings stored
 * @param duplicates findings already stored before (same id), not stored again
 * @param recheck    re-check requests for this server
 */
public record Ack(int accepted, int duplicates, List<RecheckRequest> recheck) {

    public Ack {
        recheck = recheck == null ? List.of() : List.copyOf(recheck);
    }
}
