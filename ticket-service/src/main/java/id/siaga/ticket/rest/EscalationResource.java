package id.siaga.ticket.rest;

import id.siaga.ticket.domain.Role;
import id.siaga.ticket.escalation.AckChannel;
import id.siaga.ticket.escalation.Escalation;
import id.siaga.ticket.escalation.EscalationRepository;
import id.siaga.ticket.escalation.EscalationService;
import id.siaga.ticket.repository.TicketRepository;
import id.siaga.ticket.rest.dto.EscalationResponse;
import id.siaga.ticket.rest.dto.PageResponse;
import id.siaga.ticket.rest.dto.Problem;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Escalations: late steps, No decisions, third-party repairs, critical findings, silent agents. */
@Path("/api/v1/escalations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Escalations", description = "What the Kasi, Kabid, JF ADB and ADB must hear about")
@RolesAllowed({Role.NAME_ADMIN, Role.NAME_VIEWER, Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
public class EscalationResource {

    private final EscalationRepository repository;
    private final EscalationService escalations;
    private final TicketRepository tickets;
    private final CallerFactory callers;

    public EscalationResource(EscalationRepository repository, EscalationService escalations, TicketRepository tickets,
            CallerFactory callers) {
        this.repository = repository;
        this.escalations = escalations;
        this.tickets = tickets;
        this.callers = callers;
    }

    @GET
    @Transactional
    @Operation(summary = "List escalations", description = "Second-level (longer overdue) first, then newest first. "
            + "The Kabid's list is recipient=KABID&open=true.")
    public PageResponse<EscalationResponse> list(
            @Parameter(description = "KASI, KABID, JF_ADB or ADB") @QueryParam("recipient") String recipient,
            @Parameter(description = "true: not yet acknowledged; false: acknowledged", schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("open") String open,
            @Parameter(description = "Escalations about this ticket", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("ticketId") String ticketId,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, 1 to 200") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        Role role = QueryParams.enumeration("recipient", recipient, Role.class);
        if (role != null && !role.worksTickets()) {
            throw QueryParams.invalid("recipient", "must be one of ADB, JF_ADB, KASI, KABID");
        }
        QueryParams.checkPage(page, size);
        PanacheQuery<Escalation> query = repository.search(role == null ? null : role.name(), QueryParams.bool("open", open),
                QueryParams.id("ticketId", ticketId), page, size);
        List<Escalation> items = query.list();
        return new PageResponse<>(toResponses(items), query.count(), page, size);
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "One escalation")
    public EscalationResponse get(@PathParam("id") long id) {
        return toResponses(List.of(escalations.get(id))).get(0);
    }

    @POST
    @Path("/{id}/acknowledgement")
    @RolesAllowed({Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
    @Transactional
    @Operation(summary = "Acknowledge an escalation", description = "By the recipient role (or a higher one on the "
            + "ADB < JF_ADB < KASI < KABID ladder); stops the chain for this escalation.")
    @APIResponse(responseCode = "200", description = "Acknowledged", content = @Content(schema = @Schema(implementation = EscalationResponse.class)))
    @APIResponse(responseCode = "403", description = "Not for your role", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already acknowledged", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EscalationResponse acknowledge(@PathParam("id") long id) {
        return toResponses(List.of(escalations.acknowledge(id, callers.caller(), AckChannel.API))).get(0);
    }

    private List<EscalationResponse> toResponses(List<Escalation> items) {
        Map<Long, String> numbers = new HashMap<>();
        List<Long> ids = items.stream().map(e -> e.ticketId).filter(java.util.Objects::nonNull).distinct().toList();
        if (!ids.isEmpty()) {
            tickets.list("id in ?1", ids).forEach(t -> numbers.put(t.id, t.number));
        }
        return items.stream().map(e -> new EscalationResponse(e.id, e.ticketId, numbers.get(e.ticketId), e.serverId,
                e.reason.name(), e.level, e.recipientRole, e.stepCode, e.message, e.createdAt, e.acknowledgedAt,
                e.acknowledgedBy, e.acknowledgedVia, e.resolvedAt)).toList();
    }
}
