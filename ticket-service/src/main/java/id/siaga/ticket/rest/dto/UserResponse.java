package id.siaga.ticket.rest.dto;

import id.siaga.ticket.domain.Role;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A person who may sign in; never carries the password. */
@Schema(description = "A person who may sign in")
public record UserResponse(long id, String username, String fullName, List<Role> roles, String email,
        Instant createdAt,
        @Schema(description = "false when the account is disabled and cannot sign in") boolean active) {
}
