package id.siaga.ticket.rest;

import id.siaga.ticket.domain.Application;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.domain.Ticket;
import id.siaga.ticket.domain.TicketSource;
import id.siaga.ticket.repository.TicketRepository;
import id.siaga.ticket.ingest.FindingQuery;
import id.siaga.ticket.ingest.RecheckService;
import id.siaga.ticket.rest.dto.CreateTicketRequest;
import id.siaga.ticket.rest.dto.EvidenceResponse;
import id.siaga.ticket.rest.dto.RecheckResponse;
import id.siaga.ticket.rest.dto.NoteRequest;
import id.siaga.ticket.rest.dto.PageResponse;
import id.siaga.ticket.rest.dto.PublicSummaryRequest;
import id.siaga.ticket.rest.dto.Problem;
import id.siaga.ticket.rest.dto.TicketEventResponse;
import id.siaga.ticket.rest.dto.TicketResponse;
import id.siaga.ticket.rest.dto.TicketSummary;
import id.siaga.ticket.rest.dto.TransitionRequest;
import id.siaga.ticket.domain.sop.StepCodes;
import id.siaga.ticket.domain.Caller;
import id.siaga.ticket.service.LinkedReportService;
import id.siaga.ticket.service.SopService;
import id.siaga.ticket.service.TicketService;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Tickets: complaint intake, lists, detail with the SOP record, transitions, and the audit trail. */
@Path("/api/v1/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets", description = "Faults worked through the SOP")
@RolesAllowed({Role.NAME_ADMIN, Role.NAME_VIEWER, Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
public class TicketResource {

    private final TicketService tickets;
    private final TicketMapper mapper;
    private final CallerFactory callers;
    private final RecheckService rechecks;
    private final FindingQuery findings;
    private final SopService sop;
    private final LinkedReportService linked;
    private final Clock clock;

    public TicketResource(TicketService tickets, TicketMapper mapper, CallerFactory callers, RecheckService rechecks,
            FindingQuery findings, SopService sop, LinkedReportService linked, Clock clock) {
        this.clock = clock;
        this.linked = linked;
        this.sop = sop;
        this.tickets = tickets;
        this.mapper = mapper;
        this.callers = callers;
        this.rechecks = rechecks;
        this.findings = findings;
    }

    @POST
    @RolesAllowed({Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
    @Operation(summary = "Take a complaint (SOP step 1)", description = "Opens a ticket at COMPLAINT_RECEIVED under the active SOP version.")
    @APIResponse(responseCode = "201", description = "The new ticket",
            content = @Content(schema = @Schema(implementation = TicketResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown server, or AGENT as source", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Transactional
    public Response create(@Valid @NotNull CreateTicketRequest request, @Context UriInfo uri) {
        Caller caller = callers.caller();
        Ticket ticket = tickets.create(request.command(), caller);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/tickets").path(String.valueOf(ticket.id)).build())
                .entity(detail(ticket, caller)).build();
    }

    @GET
    @Transactional
    @Operation(summary = "List tickets", description = "Newest first; every filter is optional.")
    public PageResponse<TicketSummary> list(
            @Parameter(description = "Current step code, or CLOSED / CANCELLED") @QueryParam("step") String step,
            @Parameter(description = "true: open tickets; false: closed or cancelled", schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("open") String open,
            @Parameter(description = "Tickets about this server", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("serverId") String serverId,
            @Parameter(description = "PHONE, WALK_IN, LETTER, MESSAGE or AGENT") @QueryParam("source") String source,
            @Parameter(description = "true: open tickets whose current step is past its due time", schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("overdue") String overdue,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, 1 to 200") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        QueryParams.checkPage(page, size);
        TicketRepository.Filter filter = new TicketRepository.Filter(stepCode(step), QueryParams.bool("open", open),
                QueryParams.id("serverId", serverId), QueryParams.enumeration("source", source, TicketSource.class),
                QueryParams.bool("overdue", overdue));
        PanacheQuery<Ticket> query = tickets.search(filter, page, size);
        Instant now = clock.instant();
        List<TicketSummary> items = query.list().stream().map(t -> mapper.summary(t, now)).toList();
        return new PageResponse<>(items, tickets.count(filter), page, size);
    }

    @GET
    @Path("/related")
    @Transactional
    @Operation(summary = "Open tickets a new complaint may be about",
            description = "Before taking a complaint: the open tickets about the server, and about the application (unless "
                    + "OTHER), newest first, at most " + LinkedReportService.RELATED_SHOWN + ". A further complaint about "
                    + "one of them is recorded with POST /api/v1/tickets/{id}/reports instead of a new ticket.")
    public List<TicketSummary> related(
            @Parameter(description = "SIAK, KTP_EL or OTHER") @QueryParam("application") String application,
            @Parameter(description = "The affected server", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("serverId") String serverId) {
        Instant now = clock.instant();
        return linked.related(QueryParams.enumeration("application", application, Application.class),
                QueryParams.id("serverId", serverId)).stream().map(t -> mapper.summary(t, now)).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "A ticket with every step record and the moves open to you")
    @APIResponse(responseCode = "404", description = "No such ticket", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TicketResponse get(@PathParam("id") long id) {
        return detail(tickets.get(id), callers.caller());
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
    @Operation(summary = "Complete the current step and move on",
            description = "The SOP decides which moves are legal (409 names the allowed ones); the role of the step being "
                    + "completed decides who may make them (403). DECISION goes to REPORT_TO_KABID (Yes) or REPORT_TO_JF_ADB (No); "
                    + "THIRD_PARTY_REPAIR needs thirdParty.name; AGENDA goes to CLOSED and assigns the agenda number; a KASI or "
                    + "KABID may move any open ticket to CANCELLED with a reason in note.")
    @APIResponse(responseCode = "200", description = "The ticket after the move",
            content = @Content(schema = @Schema(implementation = TicketResponse.class)))
    @APIResponse(responseCode = "403", description = "Your role may not complete this step", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The SOP does not allow this move; `allowed` lists the moves that are", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown step, or data the move needs is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Transactional
    public TicketResponse transition(@PathParam("id") long id, @Valid @NotNull TransitionRequest request) {
        Caller caller = callers.caller();
        Ticket ticket = tickets.transition(id, request.command(), caller);
        return detail(ticket, caller);
    }

    @POST
    @Path("/{id}/third-party/approval")
    @RolesAllowed(Role.NAME_KABID)
    @Operation(summary = "The Kabid approves the third-party repair (SOP step 11)")
    @Transactional
    public TicketResponse approveThirdParty(@PathParam("id") long id, @Valid NoteRequest request) {
        Caller caller = callers.caller();
        Ticket ticket = tickets.approveThirdParty(id, request == null ? null : request.note(), caller);
        return detail(ticket, caller);
    }

    @PUT
    @Path("/{id}/public-summary")
    @RolesAllowed({Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
    @Operation(summary = "Write the incident's public summary for the status page",
            description = "Shown on the public status page (GET /api/v1/status, /status) while the ticket is open, on the "
                    + "line of its application (SIAK, KTP_EL) or public server; kept in the page's recent incidents after "
                    + "the ticket closes. Empty text removes it. Recorded in the audit trail as PUBLIC_SUMMARY.")
    @APIResponse(responseCode = "200", description = "The ticket with its public summary",
            content = @Content(schema = @Schema(implementation = TicketResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed body, text missing or longer than 500 characters", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such ticket", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The ticket is closed or cancelled", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Transactional
    public TicketResponse publicSummary(@PathParam("id") long id, @Valid @NotNull PublicSummaryRequest request) {
        Caller caller = callers.caller();
        return detail(tickets.setPublicSummary(id, request.text(), caller), caller);
    }

    @GET
    @Path("/{id}/events")
    @Transactional
    @Operation(summary = "The ticket's append-only audit trail, oldest first")
    public List<TicketEventResponse> events(@PathParam("id") long id) {
        return tickets.events(id).stream().map(mapper::event).toList();
    }

    @POST
    @Path("/{id}/recheck")
    @RolesAllowed({Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
    @Operation(summary = "Ask the server's agent to run the ticket's check again",
            description = "Used at SOFTWARE_CHECK (SOP step 6). The agent picks the request up with its next post; the "
                    + "results are attached to the ticket as RECHECK evidence.")
    @APIResponse(responseCode = "202", description = "Requested", content = @Content(schema = @Schema(implementation = RecheckResponse.class)))
    @APIResponse(responseCode = "422", description = "The ticket is about no server", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response recheck(@PathParam("id") long id) {
        RecheckService.Request request = rechecks.forTicket(id, callers.caller());
        return Response.accepted(RecheckMapper.toResponse(request)).build();
    }

    @GET
    @Path("/{id}/evidence")
    @Operation(summary = "The ticket's agent evidence, newest first")
    public List<EvidenceResponse> evidence(@PathParam("id") long id,
            @Parameter(description = "Most entries to return, 1 to 1000") @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(1000) int limit) {
        tickets.get(id);
        return findings.evidence(id, limit).stream().map(EvidenceResponse::of).toList();
    }

    /** @return the step filter in upper case, or null; a code that no SOP version has and no end state is refused */
    private String stepCode(String step) {
        String code = QueryParams.code(step);
        if (code == null || StepCodes.CLOSED.equals(code) || StepCodes.CANCELLED.equals(code)
                || sop.all().stream().anyMatch(v -> sop.machine(v).knows(code))) {
            return code;
        }
        throw QueryParams.invalid("step", "must be a step code of the SOP (e.g. INSPECTION), CLOSED or CANCELLED");
    }

    private TicketResponse detail(Ticket ticket, Caller caller) {
        return mapper.detail(ticket, tickets.steps(ticket.id), caller.roles(), clock.instant());
    }
}
