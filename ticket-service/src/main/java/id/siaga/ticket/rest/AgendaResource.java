package id.siaga.ticket.rest;

import id.siaga.ticket.domain.Role;
import id.siaga.ticket.rest.dto.AgendaResponse;
import id.siaga.ticket.service.AgendaService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** The agenda register: tickets numbered at SOP step 10, per year. */
@Path("/api/v1/agenda")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agenda", description = "The office's numbered agenda register (SOP step 10)")
public class AgendaResource {

    private final AgendaService agenda;
    private final Clock clock;

    public AgendaResource(AgendaService agenda, Clock clock) {
        this.clock = clock;
        this.agenda = agenda;
    }

    @GET
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_VIEWER, Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
    @Transactional
    @Operation(summary = "The agenda register of a year", description = "Entries in agenda-number order; the year is the "
            + "office's (Asia/Jakarta), this year when left out.")
    public AgendaResponse register(@Parameter(description = "e.g. 2026", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("year") String year) {
        int chosen = year(year);
        List<AgendaResponse.Entry> entries = agenda.register(chosen).stream()
                .map(e -> new AgendaResponse.Entry(e.agendaNumber(), e.ticketId(), e.ticketNumber(), e.recordedAt(),
                        e.title(), e.serverName(), e.recordedBy(), e.recordedByName()))
                .toList();
        return new AgendaResponse(chosen, entries, entries.size());
    }

    private int year(String value) {
        if (value == null || value.isBlank()) {
            return LocalDate.now(clock).getYear();
        }
        try {
            int year = Integer.parseInt(value.trim());
            if (year >= 2000 && year <= 2999) {
                return year;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw QueryParams.invalid("year", "must be a year such as 2026");
    }
}
