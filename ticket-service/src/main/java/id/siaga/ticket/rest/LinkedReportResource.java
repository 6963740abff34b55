package id.siaga.ticket.rest;

import id.siaga.ticket.domain.Role;
import id.siaga.ticket.domain.TicketReport;
import id.siaga.ticket.rest.dto.LinkedReportRequest;
import id.siaga.ticket.rest.dto.LinkedReportResponse;
import id.siaga.ticket.rest.dto.Problem;
import id.siaga.ticket.service.LinkedReportService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Linked reports: further complaints about the fault of an open ticket, recorded on it instead of a new ticket. */
@Path("/api/v1/tickets/{id}/reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
public class LinkedReportResource {

    private final LinkedReportService reports;
    private final CallerFactory callers;

    public LinkedReportResource(LinkedReportService reports, CallerFactory callers) {
        this.reports = reports;
        this.callers = callers;
    }

    @POST
    @RolesAllowed({Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
    @Operation(summary = "Record a further complaint on an open ticket (linked report)",
            description = "For a complaint about a fault that already has an open ticket (see GET /api/v1/tickets/related): "
                    + "the call is recorded on that ticket, with a REPORT_LINKED event in its audit trail, instead of a "
                    + "new SOP walk. Counted in the monthly report as \"laporan terkait\".")
    @APIResponse(responseCode = "201", description = "The report as recorded",
            content = @Content(schema = @Schema(implementation = LinkedReportResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such ticket", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The ticket is closed or cancelled", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "AGENT as source", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response link(@PathParam("id") long id, @Valid @NotNull LinkedReportRequest request) {
        TicketReport report = reports.link(id, request.command(), callers.caller());
        return Response.status(Response.Status.CREATED).entity(LinkedReportResponse.of(report)).build();
    }

    @GET
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_VIEWER, Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
    @Transactional
    @Operation(summary = "The ticket's linked reports, oldest first",
            description = "Including those moved from tickets cancelled as its duplicates (originTicketId).")
    @APIResponse(responseCode = "404", description = "No such ticket", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<LinkedReportResponse> list(@PathParam("id") long id) {
        return reports.reportsOf(id).stream().map(LinkedReportResponse::of).toList();
    }
}
