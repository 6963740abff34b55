package id.siaga.ticket.rest;

import id.siaga.ticket.ingest.RecheckService;
import id.siaga.ticket.rest.dto.RecheckResponse;

/** Converts re-check requests into API answers. */
final class RecheckMapper {
    private RecheckMapper() {
    }

    static RecheckResponse toResponse(RecheckService.Request r) {
        return new RecheckResponse(r.id(), r.serverId(), r.ticketId(), r.checks(), r.requestedBy(), r.requestedAt());
    }
}
