package id.siaga.ticket.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One administrative change: an account, a server or its agent token, the holidays. */
@Schema(description = "One administrative change (accounts, servers and agent tokens, holidays); append-only")
public record AdminEventResponse(
        long id,
        Instant at,
        @Schema(description = "Who made the change: a user name, or 'system' for the configured holidays") String actor,
        @Schema(description = "USER_CREATED, USER_CHANGED, PROFILE_CHANGED, SERVER_REGISTERED, SERVER_CHANGED, "
                + "AGENT_TOKEN_ISSUED, OFFICE_REGISTERED or HOLIDAYS_CHANGED") String type,
        @Schema(description = "What was changed: user:<name>, server:<id> or calendar") String subject,
        @Schema(description = "What changed, in words; never a password or token", nullable = true) String note) {
}
