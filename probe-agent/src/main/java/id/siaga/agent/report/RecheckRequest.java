package id.siaga.agent.report;

import java.util.List;
import java.util.UUID;

/**
 * A request from the service to re-run checks now (e.g. for SOP step 6, "cek software", after a repair).
 *
 * @param id       request id, sent back as {@code recheckId} on the resulting findings
 * @param checks   keys of the checks to run; empty means all
 * @param ticketId the ticket that asked, for logs, or {@code null}
 */
public record RecheckRequest(UUID id, List<String> checks, Long ticketId) {

    public RecheckRequest {
        checks = checks == null ? List.of() : List.copyOf(checks);
    }
}
