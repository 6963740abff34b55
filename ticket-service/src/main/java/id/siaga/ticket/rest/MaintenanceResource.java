package id.siaga.ticket.rest;

import id.siaga.ticket.domain.MaintenanceWindow;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.rest.dto.MaintenanceRequest;
import id.siaga.ticket.rest.dto.MaintenanceResponse;
import id.siaga.ticket.rest.dto.Problem;
import id.siaga.ticket.service.MaintenanceService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Maintenance windows, planned by the Kasi or Kabid. */
@Path("/api/v1/maintenance")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Maintenance", description = "Planned work: no tickets or escalations from findings, clocks stopped")
@RolesAllowed({Role.NAME_ADMIN, Role.NAME_VIEWER, Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
public class MaintenanceResource {

    private final MaintenanceService maintenance;
    private final CallerFactory callers;
    private final Clock clock;

    public MaintenanceResource(MaintenanceService maintenance, CallerFactory callers, Clock clock) {
        this.clock = clock;
        this.maintenance = maintenance;
        this.callers = callers;
    }

    @POST
    @RolesAllowed({Role.NAME_KASI, Role.NAME_KABID})
    @Operation(summary = "Plan a maintenance window for one server or all")
    @APIResponse(responseCode = "201", description = "Planned", content = @Content(schema = @Schema(implementation = MaintenanceResponse.class)))
    @APIResponse(responseCode = "422", description = "Unknown server, or the window ends before it starts", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response plan(@Valid @NotNull MaintenanceRequest request, @Context UriInfo uri) {
        MaintenanceWindow window = maintenance.plan(request.serverId(), request.from(), request.to(), request.reason(),
                callers.caller());
        return Response.created(uri.getBaseUriBuilder().path("api/v1/maintenance").path(String.valueOf(window.id)).build())
                .entity(toResponse(window, clock.instant())).build();
    }

    @GET
    @Transactional
    @Operation(summary = "Maintenance windows that have not ended, soonest first")
    public List<MaintenanceResponse> list() {
        Instant now = clock.instant();
        return maintenance.current().stream().map(w -> toResponse(w, now)).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "One maintenance window")
    public MaintenanceResponse get(@PathParam("id") long id) {
        return toResponse(maintenance.get(id), clock.instant());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Role.NAME_KASI, Role.NAME_KABID})
    @Operation(summary = "Cancel a maintenance window")
    @APIResponse(responseCode = "204", description = "Cancelled")
    public Response cancel(@PathParam("id") long id) {
        maintenance.cancel(id, callers.caller());
        return Response.noContent().build();
    }

    private static MaintenanceResponse toResponse(MaintenanceWindow w, Instant now) {
        return new MaintenanceResponse(w.id, w.serverId, w.startsAt, w.endsAt, w.reason, w.createdBy, w.createdAt,
                !now.isBefore(w.startsAt) && now.isBefore(w.endsAt));
    }
}
