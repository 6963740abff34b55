package id.siaga.ticket.rest;

import id.siaga.ticket.config.SiagaConfig;
import id.siaga.ticket.domain.NotPermittedException;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.domain.CheckStatus;
import id.siaga.ticket.ingest.Finding;
import id.siaga.ticket.ingest.FindingIngestService;
import id.siaga.ticket.ingest.FindingWriter;
import id.siaga.ticket.ingest.FindingQuery;
import id.siaga.ticket.rest.dto.FindingBatchResponse;
import id.siaga.ticket.rest.dto.FindingRequest;
import id.siaga.ticket.rest.dto.FindingResponse;
import id.siaga.ticket.rest.dto.PageResponse;
import id.siaga.ticket.rest.dto.Problem;
import id.siaga.ticket.security.AgentTokenIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** Findings: posted in batches by probe agents, read by people. */
@Path("/api/v1/findings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Findings", description = "Check results from the probe agents")
public class FindingResource {

    private final FindingIngestService ingest;
    private final FindingQuery query;
    private final SecurityIdentity identity;
    private final SiagaConfig config;
    private final Validator validator;

    public FindingResource(FindingIngestService ingest, FindingQuery query, SecurityIdentity identity, SiagaConfig config,
            Validator validator) {
        this.validator = validator;
        this.ingest = ingest;
        this.query = query;
        this.identity = identity;
        this.config = config;
    }

    @POST
    @RolesAllowed(Role.NAME_AGENT)
    @SecurityRequirement(name = "agentToken")
    @Operation(summary = "Post a batch of findings (agents)",
            description = "Authenticated with the server's agent token (Bearer). Idempotent by finding id: a finding whose id "
                    + "was stored before (by any server, with any observedAt, or earlier in the same batch) counts in "
                    + "`duplicates` and changes nothing; a retried batch stores nothing new. A batch with a finding "
                    + "observed more than SIAGA_FINDINGS_MAX_CLOCK_SKEW ahead of the service's clock or older than the "
                    + "retention is refused whole (422, `errors[].field` names its index). Updates the server's agentLastSeen and check states, "
                    + "opens or feeds the check's ticket, and answers the re-checks the agent should run.")
    @APIResponse(responseCode = "200", description = "Stored", content = @Content(schema = @Schema(implementation = FindingBatchResponse.class)))
    @APIResponse(responseCode = "403", description = "A finding names another server than the token's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A finding is observed outside the accepted time; nothing of the batch is stored", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "More findings than one batch may hold", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The service cannot take the post now (its write queue is full), "
            + "did not commit it within SIAGA_FINDINGS_WRITE_TIMEOUT, or cannot reach its database; send it again after "
            + "Retry-After (a post that was written meanwhile counts in `duplicates`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @NonBlocking
    public CompletionStage<FindingBatchResponse> post(@NotNull List<FindingRequest> request) {
        // each finding's constraints (FindingRequest's), without Hibernate Validator's cost when plainly met
        FindingShape.validate(validator, request);
        long serverId = identity.<Long>getAttribute(AgentTokenIdentityProvider.SERVER_ID);
        if (request.size() > config.findings().maxBatch()) {
            throw new WebApplicationException("A batch holds at most " + config.findings().maxBatch() + " findings.", 413);
        }
        for (FindingRequest f : request) {
            if (f.serverId() != null && f.serverId() != serverId) {
                throw new NotPermittedException("This agent token belongs to server " + serverId
                        + "; it cannot post findings for server " + f.serverId() + ".");
            }
        }
        List<Finding> findings = request.stream().map(f -> new Finding(f.id(), f.check().trim(), f.kind().trim(),
                f.status(), f.message(), f.measurements(), f.observedAt(), f.durationMs(), f.dependsOn(), f.recheckId(),
                f.openAfter(), f.recoverAfter())).toList();
        return ingest.ingest(serverId, findings).thenApply(FindingResource::answer);
    }

    private static FindingBatchResponse answer(FindingWriter.Result result) {
        return new FindingBatchResponse(result.accepted(), result.duplicates(), result.recheck().stream()
                .map(r -> new FindingBatchResponse.RecheckRequest(r.id(), r.checks(), r.ticketId())).toList());
    }

    @GET
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_VIEWER, Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
    @Operation(summary = "List findings", description = "Newest first; every filter is optional.")
    public PageResponse<FindingResponse> list(
            @Parameter(description = "Findings of this server", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("serverId") String serverId,
            @Parameter(description = "Findings of this check key") @QueryParam("check") String check,
            @Parameter(description = "OK, WARN, CRIT or UNKNOWN") @QueryParam("status") String status,
            @Parameter(description = "Observed at or after, ISO-8601 instant") @QueryParam("from") String from,
            @Parameter(description = "Observed before, ISO-8601 instant") @QueryParam("to") String to,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, 1 to 500") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        FindingQuery.Filter filter = new FindingQuery.Filter(QueryParams.id("serverId", serverId),
                check == null || check.isBlank() ? null : check.trim(),
                QueryParams.enumeration("status", status, CheckStatus.class), QueryParams.instant("from", from),
                QueryParams.instant("to", to));
        QueryParams.checkPage(page, size);
        FindingQuery.Page result = query.search(filter, page, size);
        return new PageResponse<>(result.items().stream().map(FindingResponse::of).toList(), result.total(), page, size);
    }
}
