package id.siaga.ticket.rest;

import id.siaga.ticket.rest.dto.Problem;
import id.siaga.ticket.rest.dto.StatusResponse;
import id.siaga.ticket.status.StatusService;
import id.siaga.ticket.status.StatusSnapshot;
import id.siaga.ticket.i18n.Labels;
import id.siaga.ticket.i18n.Language;
import id.siaga.ticket.i18n.StatusMessages;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public status page as JSON, for anyone, without credentials. */
@Path("/api/v1/status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Status", description = "The public status page")
public class StatusResource {

    private final StatusService status;

    public StatusResource(StatusService status) {
        this.status = status;
    }

    @GET
    @PermitAll
    @SecurityRequirementsSet
    @Operation(summary = "The public status page (no credentials)",
            description = "The same as /status: per application (SIAK, KTP-el) and per server the administrator marked "
                    + "public, its state, since when, the open incidents' ticket numbers and public summaries, and 90 daily "
                    + "bars; planned maintenance ahead; incidents ended lately. Served from a snapshot at most "
                    + "siaga.status.refresh (15 s) old.")
    @APIResponse(responseCode = "200", description = "The status", content = @Content(schema = @Schema(implementation = StatusResponse.class)))
    @APIResponse(responseCode = "400", description = "lang is neither id nor en", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StatusResponse get(@Parameter(description = "Language of the labels: id (default) or en",
            schema = @Schema(enumeration = {"id", "en"})) @QueryParam("lang") String lang) {
        Language language = Language.ID;
        if (lang != null && !lang.isBlank()) {
            language = Language.parse(lang);
            if (language == null) {
                throw QueryParams.invalid("lang", "must be id or en");
            }
        }
        StatusSnapshot snapshot = status.current();
        Language chosen = language;
        return (StatusResponse) snapshot.rendered().computeIfAbsent("json:" + chosen.tag(), k -> response(snapshot, chosen));
    }

    private static StatusResponse response(StatusSnapshot s, Language language) {
        StatusMessages sts = language.statusMessages();
        return new StatusResponse(s.computedAt(), language.tag(),
                s.lines().stream().map(l -> new StatusResponse.Line(l.key(), l.name(), l.state().name(),
                        Labels.lineState(l.state(), sts), l.since(),
                        l.incidents().stream().map(i -> new StatusResponse.Incident(i.ticketNumber(), i.summary(), i.since(),
                                i.major())).toList(),
                        l.days().stream().map(d -> new StatusResponse.Day(d.date(), d.availability(), d.level())).toList()))
                        .toList(),
                s.planned().stream().map(p -> new StatusResponse.Planned(p.lines(), p.from(), p.to())).toList(),
                s.recent().stream().map(p -> new StatusResponse.Past(p.ticketNumber(), p.lines(), p.summary(), p.openedAt(),
                        p.closedAt())).toList());
    }
}
