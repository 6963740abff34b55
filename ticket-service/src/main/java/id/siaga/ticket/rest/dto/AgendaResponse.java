package id.siaga.ticket.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * The agenda register of a year (SOP step 10), in agenda-number order.
 *
 * @param year  the register's year
 * @param items the entries
 * @param total how many entries the year has
 */
@Schema(description = "The agenda register of a year (SOP step 10)")
public record AgendaResponse(int year, List<Entry> items, int total) {

    /** One numbered entry. */
    @Schema(description = "One numbered entry of the agenda register")
    public record Entry(@Schema(examples = "001/PIAK/2026") String agendaNumber, long ticketId,
            @Schema(examples = "SIAGA-2026-000001") String ticketNumber,
            @Schema(description = "When the entry was made (the ticket was closed)") Instant recordedAt,
            String title, @Schema(description = "The server the ticket was about, or null") String server,
            @Schema(description = "User name of who made the entry") String recordedBy,
            @Schema(description = "Full name of who made the entry") String recordedByName) {
    }
}
