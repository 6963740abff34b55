package id.siaga.ticket.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * A fault being worked through the SOP: where it came from, what it is about, the step it is at and
 * its clock, and the records the SOP asks for (decision, third-party repair, agenda number).
 */
@Entity
@Table(name = "ticket")
public class Ticket {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Human number, e.g. SIAGA-2026-000123. */
    public String number;

    @Column(name = "sop_version_id")
    public Long sopVersionId;

    @Enumerated(EnumType.STRING)
    public TicketSource source;

    @Column(name = "reporter_name")
    public String reporterName;

    @Column(name = "reporter_contact")
    public String reporterContact;

    @Column(name = "server_id")
    public Long serverId;

    @Enumerated(EnumType.STRING)
    public Application application;

    /** For agent tickets: the check that failed; at most one open ticket per (server, check). */
    @Column(name = "check_key")
    public String checkKey;

    public String title;

    public String description;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    /** The current step's code, or CLOSED / CANCELLED. */
    public String step;

    @Enumerated(EnumType.STRING)
    public TicketState state;

    public String assignee;

    @Column(name = "step_started_at")
    public Instant stepStartedAt;

    /** When the current step's time standard runs out; null when it has none. */
    @Column(name = "due_at")
    public Instant dueAt;

    /** The latest outcome of the decision step: YES or NO. */
    public String decision;

    /** How many analysis/repair rounds the ticket has had, from 1. */
    public int round;

    @Column(name = "agenda_number")
    public String agendaNumber;

    @Column(name = "third_party_name")
    public String thirdPartyName;

    @Column(name = "third_party_contact")
    public String thirdPartyContact;

    @Column(name = "third_party_reference")
    public String thirdPartyReference;

    @Column(name = "third_party_contacted_at")
    public Instant thirdPartyContactedAt;

    @Column(name = "third_party_repaired_at")
    public Instant thirdPartyRepairedAt;

    @Column(name = "third_party_approved_by")
    public String thirdPartyApprovedBy;

    @Column(name = "third_party_approved_at")
    public Instant thirdPartyApprovedAt;

    /** The recorded end state of a closed ticket: "Software berjalan dengan baik". */
    @Column(name = "end_state")
    public String endState;

    @Column(name = "cancel_reason")
    public String cancelReason;

    /** For a ticket cancelled as a duplicate: the surviving ticket its reports moved to. */
    @Column(name = "duplicate_of")
    public Long duplicateOf;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** What the public status page says about this incident while the ticket is open; kept after it closes. */
    @Column(name = "public_summary")
    public String publicSummary;

    @Column(name = "public_summary_at")
    public Instant publicSummaryAt;

    @Version
    public int version;

    /**
     * The step record this transaction started for the ticket, so that the next move in the same transaction (the
     * agent's walk to ANALYSIS) need not look it up again; never stored.
     */
    @Transient
    private TicketStep startedStep;

    /** @return the open step record started for this ticket in this persistence context, if any */
    public TicketStep startedStepRecord() {
        return startedStep;
    }

    public void rememberStartedStep(TicketStep step) {
        this.startedStep = step;
    }

    public boolean isOpen() {
        return state == TicketState.OPEN;
    }
}
