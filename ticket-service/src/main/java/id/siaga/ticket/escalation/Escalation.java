package id.siaga.ticket.escalation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A record that someone in a role must hear about something: made once per thing and level (its
 * {@code dedupKey} is unique), acknowledged by that role, which stops the chain.
 */
@Entity
@Table(name = "escalation")
public class Escalation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "dedup_key")
    public String dedupKey;

    @Enumerated(EnumType.STRING)
    public EscalationReason reason;

    /** 1 for the first recipient, 2 when the chain moved up. */
    public int level;

    @Column(name = "recipient_role")
    public String recipientRole;

    @Column(name = "ticket_id")
    public Long ticketId;

    @Column(name = "server_id")
    public Long serverId;

    @Column(name = "step_code")
    public String stepCode;

    @Column(name = "step_seq")
    public Integer stepSeq;

    @Column(name = "parent_id")
    public Long parentId;

    public String message;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    /** Where it was acknowledged: {@code api}, {@code web} or {@code telegram} (see {@link AckChannel}). */
    @Column(name = "acknowledged_via")
    public String acknowledgedVia;

    /** When the cause went away (the step was completed, the agent reported again); informational. */
    @Column(name = "resolved_at")
    public Instant resolvedAt;
}
