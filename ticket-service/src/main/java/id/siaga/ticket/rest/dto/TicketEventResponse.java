package id.siaga.ticket.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One entry of a ticket's append-only audit trail. */
@Schema(description = "One entry of a ticket's append-only audit trail")
public record TicketEventResponse(long id, Instant at, String actor, String type, String fromStep, String toStep,
        String note) {
}
