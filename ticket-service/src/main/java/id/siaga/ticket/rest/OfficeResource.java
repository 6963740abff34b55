package id.siaga.ticket.rest;

import id.siaga.ticket.office.OfficeRegistry;
import id.siaga.ticket.office.OfficeSummary;
import id.siaga.ticket.office.OfficeTokenIdentityProvider;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.rest.dto.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The upstream role: offices registered here post their summaries; people read the roll-up. */
@Path("/api/v1/offices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Offices", description = "Offices reporting to this SIAGA as their upstream (regency → province → national)")
@SecurityScheme(securitySchemeName = "officeToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An office's token, issued once when the office is registered here")
public class OfficeResource {

    /** An office to register. */
    @Schema(description = "An office to register as reporting here")
    public record RegisterRequest(
            @Schema(required = true, examples = "13.01", description = "The regional code")
            @NotBlank @Pattern(regexp = OfficeSummary.CODE_PATTERN) String code,
            @Schema(required = true, maxLength = 200, examples = "Disdukcapil Kabupaten Pesisir Selatan")
            @NotBlank @Size(max = 200) String name) {
    }

    /** A registered office and its token. */
    @Schema(description = "A registered office and its token (shown only in this answer)")
    public record Registered(String code, String name,
            @Schema(description = "The office's bearer token for SIAGA_UPSTREAM_TOKEN; returned once") String token) {
    }

    /** What became of a posted summary. */
    @Schema(description = "Receipt of a summary")
    public record Receipt(UUID summaryId, @Schema(description = "false when this summary id was stored before") boolean stored) {
    }

    /** An office with its latest summary. */
    @Schema(description = "An office with its latest summary")
    public record Item(String code, String name,
            @Schema(description = "The office it is relayed through; null when it reports here directly") String via,
            @Schema(description = "When its latest summary was made; null before the first") Instant lastSummaryAt,
            @Schema(description = "Seconds since lastSummaryAt; null before the first") Long ageSeconds,
            @Schema(description = "OK, WARN, CRIT, UNKNOWN (worst server status) or SILENT (nothing for SIAGA_UPSTREAM_SILENT_AFTER); null before the first summary")
            String state,
            OfficeSummary summary) {
    }

    /** The offices. */
    public record Items(List<Item> items) {
    }

    private final OfficeRegistry registry;
    private final SecurityIdentity identity;
    private final Clock clock;

    public OfficeResource(OfficeRegistry registry, SecurityIdentity identity, Clock clock) {
        this.clock = clock;
        this.registry = registry;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Role.NAME_ADMIN)
    @Operation(summary = "Register an office reporting here", description = "Answers the office's token once; only its SHA-256 is kept.")
    @APIResponse(responseCode = "201", description = "The office and its token", content = @Content(schema = @Schema(implementation = Registered.class)))
    @APIResponse(responseCode = "409", description = "The code is registered already", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@Valid @NotNull RegisterRequest request, @Context UriInfo uri) {
        OfficeRegistry.Registered office = registry.register(request.code(), request.name(),
                identity.getPrincipal().getName());
        return Response.created(uri.getBaseUriBuilder().path("api/v1/offices").path(office.code()).build())
                .entity(new Registered(office.code(), office.name(), office.token())).build();
    }

    @POST
    @Path("/{code}/token")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Role.NAME_ADMIN)
    @Operation(summary = "Issue a new token for an office reporting here",
            description = "Answers the new token once; the old one stops working at once (within SIAGA_FINDINGS_TOKEN_CACHE on "
                    + "other instances). Offices relayed through another office have no token here.")
    @APIResponse(responseCode = "200", description = "The office and its new token", content = @Content(schema = @Schema(implementation = Registered.class)))
    @APIResponse(responseCode = "404", description = "No office has this code", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The office reports through another office", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Registered renewToken(@PathParam("code") String code) {
        OfficeRegistry.Registered office = registry.renewToken(code, identity.getPrincipal().getName());
        return new Registered(office.code(), office.name(), office.token());
    }

    @POST
    @Path("/{code}/summaries")
    @RolesAllowed(Role.NAME_OFFICE)
    @SecurityRequirement(name = "officeToken")
    @Operation(summary = "Post a summary (offices)",
            description = "Authenticated with the office's token (Bearer). Idempotent by summaryId: a summary stored before "
                    + "is answered 200 and changes nothing. A summary that carries other offices' summaries (a chained "
                    + "upstream) stores those too, as offices relayed via the sender.")
    @APIResponse(responseCode = "202", description = "Stored", content = @Content(schema = @Schema(implementation = Receipt.class)))
    @APIResponse(responseCode = "200", description = "Stored before; nothing changed", content = @Content(schema = @Schema(implementation = Receipt.class)))
    @APIResponse(responseCode = "401", description = "No or an unknown office token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token belongs to another office", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The summary names another office or is from the future", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response receive(@PathParam("code") String code, @Valid @NotNull OfficeSummary summary) {
        String caller = identity.getAttribute(OfficeTokenIdentityProvider.OFFICE_CODE);
        boolean stored = registry.receive(code, caller, summary);
        return Response.status(stored ? 202 : 200).entity(new Receipt(summary.summaryId(), stored)).build();
    }

    @GET
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_VIEWER, Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
    @Operation(summary = "The offices reporting here with their latest summary and its age")
    public Items list() {
        Instant now = clock.instant();
        return new Items(registry.offices(now, true).stream().map(o -> new Item(o.code(), o.name(), o.via(), o.lastSummaryAt(),
                o.lastSummaryAt() == null ? null : Math.max(0, Duration.between(o.lastSummaryAt(), now).toSeconds()),
                o.state(), o.summaryJson() == null ? null : registry.parse(o.summaryJson()))).toList());
    }
}
