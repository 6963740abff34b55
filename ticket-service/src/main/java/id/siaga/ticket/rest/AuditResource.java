package id.siaga.ticket.rest;

import id.siaga.ticket.domain.Role;
import id.siaga.ticket.rest.dto.AdminEventResponse;
import id.siaga.ticket.rest.dto.AuditVerificationResponse;
import id.siaga.ticket.service.AdminAudit;
import id.siaga.ticket.service.AuditVerifier;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Checks that nobody rewrote the audit trail. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "The tamper-evident audit trail")
@RolesAllowed({Role.NAME_KABID, Role.NAME_ADMIN})
public class AuditResource {

    /** How many administrative changes {@code /admin-events} answers at most. */
    static final int ADMIN_EVENTS = 500;

    private final AuditVerifier verifier;
    private final AdminAudit adminAudit;

    public AuditResource(AuditVerifier verifier, AdminAudit adminAudit) {
        this.verifier = verifier;
        this.adminAudit = adminAudit;
    }

    @GET
    @Path("admin-events")
    @Operation(summary = "The latest administrative changes, newest first", description = "Accounts created, changed, "
            + "disabled and enabled; servers registered and changed; agent tokens issued; holidays changed: who, when and "
            + "what (never a password or token), at most " + ADMIN_EVENTS + ". Kabid and administrator only.")
    public List<AdminEventResponse> adminEvents() {
        return adminAudit.latest(ADMIN_EVENTS).stream()
                .map(e -> new AdminEventResponse(e.id(), e.at(), e.actor(), e.type(), e.subject(), e.note())).toList();
    }

    @GET
    @Path("verification")
    @Operation(summary = "Verify the audit trail's hash chain", description = "Recomputes every event's SHA-256 hash "
            + "(over its content and the previous event's hash), checks that each event links to the one sealed "
            + "before it, and answers whether the chain holds, how many events it has and the lowest event id that "
            + "does not verify. Kabid and administrator only.")
    public AuditVerificationResponse verification() {
        AuditVerifier.Result result = verifier.verifyAll();
        return new AuditVerificationResponse(result.valid(), result.events(), result.firstInvalidId());
    }
}
