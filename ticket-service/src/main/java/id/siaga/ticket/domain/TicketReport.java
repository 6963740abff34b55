package id.siaga.ticket.domain;

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
 * A further complaint about a fault that already has an open ticket ("laporan terkait"): recorded on that ticket
 * instead of opening a new one. A ticket cancelled as a duplicate hands its reports, and its own complaint as a
 * report, to the surviving ticket.
 */
@Entity
@Table(name = "ticket_report")
public class TicketReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The ticket the report belongs to now. */
    @Column(name = "ticket_id")
    public Long ticketId;

    /** The ticket the report was first recorded on: the same, or a ticket later cancelled as a duplicate. */
    @Column(name = "origin_ticket_id")
    public Long originTicketId;

    @Enumerated(EnumType.STRING)
    public TicketSource source;

    @Column(name = "reporter_name")
    public String reporterName;

    /** Personal data of the caller: a phone number, e-mail or office. */
    @Column(name = "reporter_contact")
    public String reporterContact;

    public String note;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "recorded_by")
    public String recordedBy;
}
