package id.siaga.ticket.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/**
 * One entry of a ticket's append-only audit trail. The database refuses to change or delete it, and seals it into
 * a hash chain when its transaction commits ({@code ticket_event_seal}, checked by
 * service.AuditVerifier).
 */
@Entity
@Immutable
@Table(name = "ticket_event")
public class TicketEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_event_id")
    @SequenceGenerator(name = "ticket_event_id", sequenceName = "ticket_event_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "ticket_id")
    public Long ticketId;

    public Instant at;

    public String actor;

    /** What happened: CREATED, TRANSITION, CANCELLED, CLOSED, THIRD_PARTY_APPROVED, ... */
    public String type;

    @Column(name = "from_step")
    public String fromStep;

    @Column(name = "to_step")
    public String toStep;

    public String note;
}
