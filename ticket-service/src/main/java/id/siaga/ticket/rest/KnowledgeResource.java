package id.siaga.ticket.rest;

import id.siaga.ticket.domain.Application;
import id.siaga.ticket.domain.InvalidRequestException;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.knowledge.KnowledgeService;
import id.siaga.ticket.rest.dto.CurationRequest;
import id.siaga.ticket.rest.dto.KnowledgeItem;
import id.siaga.ticket.rest.dto.KnowledgePageResponse;
import id.siaga.ticket.rest.dto.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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

import java.util.Locale;

/** The knowledge of past repairs: search in Indonesian, and the Kasi's or Kabid's marks on them. */
@Path("/api/v1/knowledge")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Knowledge", description = "Finished repairs (closed tickets): their conclusions, repairs and outcomes")
public class KnowledgeResource {

    private final KnowledgeService knowledge;
    private final CallerFactory callers;

    public KnowledgeResource(KnowledgeService knowledge, CallerFactory callers) {
        this.knowledge = knowledge;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_VIEWER, Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
    @Operation(summary = "Search the finished repairs",
            description = "Full-text search with PostgreSQL's indonesian configuration (stems: \"perbaikan\" finds "
                    + "\"diperbaiki\"; websearch syntax: \"quoted phrase\", or, -word) and pg_trgm word similarity for "
                    + "misspellings and parts of words (\"lisener\" finds \"listener\"). Ranked by relevance weighed by "
                    + "recency, repairs marked RECOMMENDED first; repairs marked WRONG stay in the results with "
                    + "warning=true. Without q: the newest first. Only closed tickets are finished repairs. "
                    + "Relevance ranks the newest 200 matches (and every recommended one); older matches follow, newest "
                    + "first. total is exact when totalExact is true, else extrapolated from the newest records looked at.")
    @APIResponse(responseCode = "400", description = "Unknown application, a bad server id, q longer than 200 characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public KnowledgePageResponse search(
            @Parameter(description = "Words to look for, at most 200 characters") @QueryParam("q") String q,
            @Parameter(description = "SIAK, KTP_EL or OTHER") @QueryParam("application") String application,
            @Parameter(description = "Repairs on this server", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("serverId") String serverId,
            @Parameter(description = "Repairs of this failing check (agent tickets' check key)") @QueryParam("check") String check,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        QueryParams.checkPage(page, size);
        KnowledgeService.Query query = query(q, application, serverId, check);
        KnowledgeService.Page found = knowledge.search(query, page, size);
        return new KnowledgePageResponse(found.items().stream().map(KnowledgeItem::of).toList(), found.total(),
                found.totalExact(), page, size);
    }

    @PUT
    @Path("/{ticketId}/curation")
    @RolesAllowed({Role.NAME_KASI, Role.NAME_KABID})
    @Operation(summary = "Mark a past repair as recommended or wrong (Kasi, Kabid)",
            description = "RECOMMENDED ranks the repair first in searches and suggestions; WRONG (a reason is required) "
                    + "hides it from suggestions and flags it with warning=true in searches; NONE takes the mark away. "
                    + "Each mark is an event (KNOWLEDGE_CURATED) in the ticket's audit trail.")
    @APIResponse(responseCode = "200", description = "The record after the mark", content = @Content(schema = @Schema(implementation = KnowledgeItem.class)))
    @APIResponse(responseCode = "403", description = "Only the Kasi or the Kabid may mark", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The ticket is not a finished repair (not closed, or no such ticket)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown mark, or WRONG without a reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public KnowledgeItem curate(@PathParam("ticketId") long ticketId, @Valid @NotNull CurationRequest request) {
        return KnowledgeItem.of(knowledge.curate(ticketId, mark(request.mark()), request.reason(), callers.caller()));
    }

    /** @return the filters, refusing bad values with a 400 naming the parameter */
    public static KnowledgeService.Query query(String q, String application, String serverId, String check) {
        if (q != null && q.length() > KnowledgeService.MAX_QUERY) {
            throw QueryParams.invalid("q", "must be at most " + KnowledgeService.MAX_QUERY + " characters");
        }
        if (check != null && check.length() > 100) {
            throw QueryParams.invalid("check", "must be at most 100 characters");
        }
        String checkKey = check == null || check.isBlank() ? null : check.trim();
        return new KnowledgeService.Query(q, QueryParams.enumeration("application", application, Application.class),
                QueryParams.id("serverId", serverId), checkKey);
    }

    private static KnowledgeService.Mark mark(String mark) {
        try {
            return KnowledgeService.Mark.valueOf(mark.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("mark", "must be RECOMMENDED, WRONG or NONE");
        }
    }
}
