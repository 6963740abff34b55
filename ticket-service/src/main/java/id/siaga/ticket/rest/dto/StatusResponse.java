package id.siaga.ticket.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The public status page as JSON: nothing internal (no server name unless public, no address, message or person). */
@Schema(description = "The public status page as JSON: one line per application (SIAK, KTP-el) and per public server")
public record StatusResponse(
        @Schema(description = "When the snapshot was read from the database (at most siaga.status.refresh ago)") Instant updatedAt,
        @Schema(description = "The language of the labels: id or en") String language,
        List<Line> applications,
        @Schema(description = "Maintenance windows that have not started yet, soonest first") List<Planned> plannedMaintenance,
        @Schema(description = "Incidents that ended within siaga.status.recent-incidents, latest first") List<Past> recentIncidents) {

    /** One line of the page. */
    @Schema(description = "One application or public server")
    public record Line(
            @Schema(examples = "SIAK", description = "SIAK, KTP_EL, or server-<id> for a public server") String key,
            @Schema(examples = "SIAK") String name,
            @Schema(enumeration = {"OPERATIONAL", "PARTIAL_OUTAGE", "MAJOR_OUTAGE", "MAINTENANCE"}) String state,
            @Schema(examples = "Gangguan sebagian", description = "The state in plain words") String stateLabel,
            @Schema(description = "Since when the state holds: the oldest open incident, the running maintenance, or the "
                    + "end of the last incident or maintenance; null when nothing happened in the last 90 days") Instant since,
            @Schema(description = "Open incidents, oldest first") List<Incident> incidents,
            @Schema(description = "The last 90 days, oldest first, today last (up to now)") List<Day> days) {
    }

    /** An open incident. */
    public record Incident(@Schema(examples = "SIAGA-2026-000123") String ticketNumber,
            @Schema(description = "The public summary written on the ticket; null when none is written") String summary,
            Instant since,
            @Schema(description = "true: HIGH or CRITICAL severity (Gangguan); false: partial") boolean major) {
    }

    /** One day of the strip. */
    public record Day(LocalDate date,
            @Schema(description = "Share of the day's time (outside maintenance, up to now) without a major incident, "
                    + "0 to 1; null when the whole day was maintenance") Double availability,
            @Schema(enumeration = {"ok", "partial", "down", "maintenance"}) String level) {
    }

    /** A maintenance window ahead. */
    public record Planned(@Schema(description = "Names of the lines it concerns") List<String> applications, Instant from,
            Instant to) {
    }

    /** An incident that ended. */
    public record Past(String ticketNumber, @Schema(description = "Names of the lines it concerned") List<String> applications,
            String summary, Instant openedAt, Instant closedAt) {
    }
}
