package id.siaga.ticket.rest.dto;

import id.siaga.ticket.domain.Application;
import id.siaga.ticket.domain.Severity;
import id.siaga.ticket.domain.TicketSource;
import id.siaga.ticket.domain.TicketState;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A ticket as shown in lists. */
@Schema(description = "A ticket as shown in lists")
public record TicketSummary(
        long id,
        @Schema(examples = "SIAGA-2026-000001") String number,
        TicketSource source,
        Long serverId,
        Application application,
        String title,
        Severity severity,
        @Schema(description = "Current step code, or CLOSED / CANCELLED") String step,
        TicketState state,
        boolean open,
        String assignee,
        Instant stepStartedAt,
        Instant dueAt,
        boolean overdue,
        String agendaNumber,
        Instant createdAt,
        Instant closedAt) {
}
