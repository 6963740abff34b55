package id.siaga.ticket.rest;

import id.siaga.ticket.domain.Role;
import id.siaga.ticket.domain.Server;
import id.siaga.ticket.ingest.FindingQuery;
import id.siaga.ticket.ingest.RecheckService;
import id.siaga.ticket.rest.dto.CheckStateResponse;
import id.siaga.ticket.rest.dto.CreateServerRequest;
import id.siaga.ticket.rest.dto.RecheckResponse;
import id.siaga.ticket.rest.dto.Problem;
import id.siaga.ticket.rest.dto.ServerResponse;
import id.siaga.ticket.rest.dto.UpdateServerRequest;
import id.siaga.ticket.service.ServerService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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

/** Monitored servers and their agents' tokens. */
@Path("/api/v1/servers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Servers", description = "Monitored SIAK / KTP-el servers")
@RolesAllowed({Role.NAME_ADMIN, Role.NAME_VIEWER, Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
public class ServerResource {

    private final ServerService servers;
    private final ServerMapper status;
    private final FindingQuery findings;
    private final RecheckService rechecks;
    private final CallerFactory callers;

    public ServerResource(ServerService servers, ServerMapper status, FindingQuery findings, RecheckService rechecks,
            CallerFactory callers) {
        this.servers = servers;
        this.status = status;
        this.findings = findings;
        this.rechecks = rechecks;
        this.callers = callers;
    }

    @POST
    @RolesAllowed(Role.NAME_ADMIN)
    @Operation(summary = "Register a server", description = "Answers the agent token once; only its SHA-256 is stored.")
    @APIResponse(responseCode = "201", description = "The server and its agent token", content = @Content(schema = @Schema(implementation = ServerResponse.class)))
    @APIResponse(responseCode = "409", description = "The name is taken", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull CreateServerRequest request, @Context UriInfo uri) {
        ServerService.Registered registered = servers.register(new ServerService.Details(request.name(),
                request.role(), request.location(), request.description(), Boolean.TRUE.equals(request.isPublic())),
                callers.caller().username());
        return Response.created(uri.getBaseUriBuilder().path("api/v1/servers")
                        .path(String.valueOf(registered.server().id)).build())
                .entity(status.describe(registered.server(), registered.token())).build();
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Role.NAME_ADMIN)
    @Operation(summary = "Show or hide a server by name on the public status page")
    @APIResponse(responseCode = "200", description = "The server after the change", content = @Content(schema = @Schema(implementation = ServerResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed body, or `public` missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such server", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ServerResponse update(@PathParam("id") long id, @Valid @NotNull UpdateServerRequest request) {
        return status.describe(servers.setPublic(id, request.isPublic()), null);
    }

    @POST
    @Path("/{id}/token")
    @RolesAllowed(Role.NAME_ADMIN)
    @Operation(summary = "Issue a new agent token", description = "The old token stops working at once.")
    public ServerResponse renewToken(@PathParam("id") long id) {
        ServerService.Registered registered = servers.renewToken(id, callers.caller().username());
        return status.describe(registered.server(), registered.token());
    }

    @GET
    @Transactional
    @Operation(summary = "List servers with their worst current check status and agent last seen")
    public List<ServerResponse> list() {
        return status.describeAll(servers.list());
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "One server")
    @APIResponse(responseCode = "404", description = "No such server", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ServerResponse get(@PathParam("id") long id) {
        Server server = servers.get(id);
        return status.describe(server, null);
    }

    @GET
    @Path("/{id}/checks")
    @Operation(summary = "The current state of each of the server's checks", description = "While the service is "
            + "busy (SIAGA_FINDINGS_STEADY_BATCH posts written together), a steady check (its last "
            + "20 results passed, not flapping, no ticket or its recovery recorded) has its time, message and pass count rewritten at most every "
            + "SIAGA_FINDINGS_STEADY_REFRESH (1 minute), so they may be up to that old; its findings are all stored at "
            + "once, and any other result is shown at once.")
    public List<CheckStateResponse> checks(@PathParam("id") long id) {
        servers.get(id);
        return findings.checks(id).stream().map(CheckStateResponse::of).toList();
    }

    @POST
    @Path("/{id}/recheck")
    @RolesAllowed({Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
    @Operation(summary = "Ask the server's agent to run all its checks again")
    @APIResponse(responseCode = "202", description = "Requested", content = @Content(schema = @Schema(implementation = RecheckResponse.class)))
    public Response recheck(@PathParam("id") long id) {
        return Response.accepted(RecheckMapper.toResponse(rechecks.forServer(id, callers.caller()))).build();
    }
}
