package id.siaga.ticket.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** One visit of a ticket to an SOP step: when it started and ended, who completed it, and its output. */
@Entity
@Table(name = "ticket_step")
public class TicketStep {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_step_id")
    @SequenceGenerator(name = "ticket_step_id", sequenceName = "ticket_step_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "ticket_id")
    public Long ticketId;

    /** Order of the visit within the ticket, from 1. */
    public int seq;

    public String code;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    /** The user who completed the step. */
    public String actor;

    public String output;

    @Column(name = "due_at")
    public Instant dueAt;
}
