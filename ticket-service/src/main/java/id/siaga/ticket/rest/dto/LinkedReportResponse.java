package id.siaga.ticket.rest.dto;

import id.siaga.ticket.domain.TicketReport;
import id.siaga.ticket.domain.TicketSource;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A linked report of a ticket. */
@Schema(description = "A further complaint recorded on a ticket (\"laporan terkait\")")
public record LinkedReportResponse(
        long id,
        TicketSource source,
        String reporterName,
        @Schema(description = "Phone number, e-mail or office of the reporter (personal data)") String reporterContact,
        String note,
        @Schema(description = "When the complaint was received") Instant receivedAt,
        @Schema(description = "Who recorded it") String recordedBy,
        @Schema(description = "The ticket it was first recorded on: this one, or a ticket cancelled as a duplicate of it")
        long originTicketId) {

    public static LinkedReportResponse of(TicketReport r) {
        return new LinkedReportResponse(r.id, r.source, r.reporterName, r.reporterContact, r.note, r.receivedAt,
                r.recordedBy, r.originTicketId);
    }
}
