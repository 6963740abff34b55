package id.siaga.ticket.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** The third-party repair record (SOP step 11). */
@Schema(description = "The third-party repair record (SOP step 11)")
public record ThirdPartyResponse(String name, String contact, String reference, Instant contactedAt,
        Instant repairedAt, String approvedBy, Instant approvedAt) {
}
