package id.siaga.ticket.rest;

import id.siaga.ticket.domain.Role;
import id.siaga.ticket.domain.SopVersion;
import id.siaga.ticket.domain.sop.SopDocument;
import id.siaga.ticket.rest.dto.Problem;
import id.siaga.ticket.rest.dto.SopResponse;
import id.siaga.ticket.service.SopService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The SOP as data: the active version, earlier versions, and revisions. */
@Path("/api/v1/sop")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "SOP", description = "The SOP's steps, time standards and transitions")
@RolesAllowed({Role.NAME_ADMIN, Role.NAME_VIEWER, Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
public class SopResource {

    private final SopService sop;
    private final CallerFactory callers;

    public SopResource(SopService sop, CallerFactory callers) {
        this.sop = sop;
        this.callers = callers;
    }

    @GET
    @Transactional
    @Operation(summary = "The active SOP version")
    public SopResponse active() {
        return toResponse(sop.active(), true);
    }

    @GET
    @Path("/versions")
    @Transactional
    @Operation(summary = "Every stored SOP version, oldest first")
    public List<SopResponse> versions() {
        SopVersion active = sop.active();
        return sop.all().stream().map(v -> toResponse(v, v.id.equals(active.id))).toList();
    }

    @GET
    @Path("/versions/{version}")
    @Transactional
    @Operation(summary = "One stored SOP version")
    public SopResponse version(@PathParam("version") int version) {
        SopVersion found = sop.byVersion(version);
        return toResponse(found, found.id.equals(sop.active().id));
    }

    @POST
    @RolesAllowed(Role.NAME_ADMIN)
    @Operation(summary = "Add a revised SOP as the next version",
            description = "Checks that the SOP holds together (one start step, every step reachable and with a way to "
                    + "CLOSED, a DECISION step with a YES and a NO branch, ISO-8601 durations with min <= max). New tickets "
                    + "use it; open tickets keep the version they started under.")
    @APIResponse(responseCode = "201", description = "The stored version", content = @Content(schema = @Schema(implementation = SopResponse.class)))
    @APIResponse(responseCode = "422", description = "The SOP does not hold together; `errors` names each problem", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response add(SopDocument request, @Context UriInfo uri) {
        SopVersion version = sop.add(request, callers.caller().username());
        return Response.created(uri.getBaseUriBuilder().path("api/v1/sop/versions").path(String.valueOf(version.version)).build())
                .entity(toResponse(version, true)).build();
    }

    private static SopResponse toResponse(SopVersion v, boolean active) {
        SopDocument d = v.definition;
        return new SopResponse(v.number, v.version, v.title, v.effectiveDate == null ? null : v.effectiveDate.toString(),
                active, v.createdAt, v.createdBy, d.steps(), d.transitions());
    }
}
