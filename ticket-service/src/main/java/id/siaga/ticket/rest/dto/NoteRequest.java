package id.siaga.ticket.rest.dto;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An optional remark for the audit trail. */
@Schema(description = "An optional remark for the audit trail")
public record NoteRequest(@Size(max = 4000) String note) {
}
