package id.siaga.ticket.rest;

import id.siaga.ticket.domain.Role;
import id.siaga.ticket.rest.dto.Problem;
import id.siaga.ticket.rest.error.InvalidBodyException;
import id.siaga.ticket.service.HolidayService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The working calendar's holidays, shared by every instance. */
@Path("/api/v1/calendar/holidays")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar", description = "The days the office is closed, which SOP due times skip")
public class CalendarResource {

    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private final HolidayService holidays;
    private final CallerFactory callers;

    public CalendarResource(HolidayService holidays, CallerFactory callers) {
        this.holidays = holidays;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_VIEWER, Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
    @Operation(summary = "The holidays, oldest first", description = "ISO dates (yyyy-mm-dd) on which the office is "
            + "closed; due times of non-critical tickets skip them.")
    @APIResponse(responseCode = "200", description = "The holidays", content = @Content(
            schema = @Schema(type = SchemaType.ARRAY, implementation = LocalDate.class)))
    public List<LocalDate> list() {
        return holidays.list();
    }

    @PUT
    @RolesAllowed(Role.NAME_ADMIN)
    @Operation(summary = "Replace the holidays", description = "The body is every holiday from now on, a JSON array of "
            + "distinct ISO dates (yyyy-mm-dd). The due times of open steps move at once; the change is in the "
            + "administrative audit trail. Administrator only.")
    @RequestBody(required = true, content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = LocalDate.class)))
    @APIResponse(responseCode = "200", description = "The holidays now, oldest first", content = @Content(
            schema = @Schema(type = SchemaType.ARRAY, implementation = LocalDate.class)))
    @APIResponse(responseCode = "400", description = "Not an array of distinct ISO dates", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<LocalDate> replace(@NotNull List<String> request) {
        return holidays.replace(parse(request), callers.caller().username());
    }

    /** @return the dates, each checked: an ISO date that exists, and no date twice */
    static Set<LocalDate> parse(List<String> texts) {
        Set<LocalDate> days = new HashSet<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            String field = "[" + i + "]";
            if (text == null || !ISO_DATE.matcher(text).matches()) {
                throw new InvalidBodyException(field, "must be an ISO date (yyyy-mm-dd)");
            }
            LocalDate day;
            try {
                day = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
            } catch (DateTimeParseException e) {
                throw new InvalidBodyException(field, "is not a date of the calendar");
            }
            if (!days.add(day)) {
                throw new InvalidBodyException(field, "repeats " + text);
            }
        }
        return days;
    }
}
