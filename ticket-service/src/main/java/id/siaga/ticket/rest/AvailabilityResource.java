package id.siaga.ticket.rest;

import id.siaga.ticket.availability.AvailabilityService;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.rest.dto.AvailabilityResponse;
import id.siaga.ticket.rest.dto.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** How much of each day or month a check, or a server, was OK, warning, critical, without data or in maintenance. */
@Path("/api/v1/availability")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Availability", description = "Shares of time by check state, from the stored findings")
public class AvailabilityResource {

    /** Most days one answer covers at day granularity. */
    static final int MAX_DAYS = 366;
    /** Most months one answer covers at month granularity. */
    static final int MAX_MONTHS = 36;

    private final AvailabilityService availability;
    private final Clock clock;

    public AvailabilityResource(AvailabilityService availability, Clock clock) {
        this.clock = clock;
        this.availability = availability;
    }

    @GET
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_VIEWER, Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
    @Operation(summary = "Availability of a check or a server per day or month",
            description = "Computed from the stored findings (kept for the findings retention, 90 days by default). A finding "
                    + "covers the time from its observation until the next finding of the same check, but at most "
                    + "silent-intervals × the agent's report interval (coverSeconds); time after that is no data. Without "
                    + "check, the server counts at each moment as its worst check that has data. Time inside a maintenance "
                    + "window of the server (or of all servers) counts as maintenance, whatever the findings said. Days and "
                    + "months are those of the office's time zone; the current one counts up to now.")
    @APIResponse(responseCode = "400", description = "A parameter is missing or malformed, the range is reversed, too long or "
            + "ends after today", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such server, or the server never reported that check",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AvailabilityResponse get(
            @Parameter(required = true, description = "The server", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("serverId") String serverId,
            @Parameter(description = "One check's key; without it, the server as a whole") @QueryParam("check") String check,
            @Parameter(description = "First day, YYYY-MM-DD (office time zone); default: 29 days before `to` (day) or the "
                    + "first day of the second month before `to` (month)") @QueryParam("from") String from,
            @Parameter(description = "Last day, included, YYYY-MM-DD, not after today; default today") @QueryParam("to") String to,
            @Parameter(description = "day (default) or month", schema = @Schema(enumeration = {"day", "month"})) @QueryParam("granularity") String granularity) {
        Long server = QueryParams.id("serverId", serverId);
        if (server == null) {
            throw QueryParams.invalid("serverId", "is required");
        }
        String key = check == null || check.isBlank() ? null : check.trim();
        if (key != null && key.length() > 100) {
            throw QueryParams.invalid("check", "must be at most 100 characters");
        }
        AvailabilityService.Granularity cut = granularity == null || granularity.isBlank()
                ? AvailabilityService.Granularity.DAY
                : QueryParams.enumeration("granularity", granularity, AvailabilityService.Granularity.class);
        LocalDate today = LocalDate.now(clock);
        LocalDate last = date("to", to, today);
        if (last.isAfter(today)) {
            throw QueryParams.invalid("to", "must not be after today (" + today + ")");
        }
        LocalDate first = date("from", from, cut == AvailabilityService.Granularity.DAY ? last.minusDays(29)
                : last.withDayOfMonth(1).minusMonths(2));
        if (first.isAfter(last)) {
            throw QueryParams.invalid("from", "must not be after to");
        }
        if (cut == AvailabilityService.Granularity.DAY && ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw QueryParams.invalid("from", "the range may hold at most " + MAX_DAYS + " days; use granularity=month");
        }
        if (cut == AvailabilityService.Granularity.MONTH
                && ChronoUnit.MONTHS.between(first.withDayOfMonth(1), last.withDayOfMonth(1)) >= MAX_MONTHS) {
            throw QueryParams.invalid("from", "the range may hold at most " + MAX_MONTHS + " months");
        }
        AvailabilityService.Result result = availability.of(server, key, first, last, cut);
        return new AvailabilityResponse(server, key, cut.name().toLowerCase(Locale.ROOT), first, last,
                result.cover().toSeconds(),
                result.periods().stream().map(p -> AvailabilityResponse.PeriodShares.of(p.label(), p.tally())).toList(),
                AvailabilityResponse.PeriodShares.of("total", result.total()));
    }

    private static LocalDate date(String name, String value, LocalDate absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        String text = value.trim();
        if (!text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            throw QueryParams.invalid(name, "must be a date written YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw QueryParams.invalid(name, "must be a date written YYYY-MM-DD (" + text + " is no such day)");
        }
    }
}
