package id.siaga.ticket.rest;

import id.siaga.ticket.domain.Role;
import id.siaga.ticket.rest.dto.AuditVerificationResponse;
import id.siaga.ticket.service.AuditVerifier;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Checks that nobody rewrote the audit trail. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "The tamper-evident audit trail")
public class AuditResource {

    private final AuditVerifier verifier;

    public AuditResource(AuditVerifier verifier) {
        this.verifier = verifier;
    }

    @GET
    @Path("verification")
    @RolesAllowed({Role.NAME_KABID, Role.NAME_ADMIN})
    @Operation(summary = "Verify the audit trail's hash chain", description = "Recomputes every event's SHA-256 hash "
            + "(over its content and the previous event's hash), checks that each event links to the one sealed "
            + "before it, and answers whether the chain holds, how many events it has and the lowest event id that "
            + "does not verify. Kabid and administrator only.")
    public AuditVerificationResponse verification() {
        AuditVerifier.Result result = verifier.verifyAll();
        return new AuditVerificationResponse(result.valid(), result.events(), result.firstInvalidId());
    }
}
