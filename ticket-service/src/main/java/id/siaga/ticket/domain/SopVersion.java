package id.siaga.ticket.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import id.siaga.ticket.domain.sop.SopDocument;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;

/** One stored version of the SOP; the highest version is the active one. Never changed once stored. */
@Entity
@Table(name = "sop_version")
public class SopVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public int version;

    public String number;

    public String title;

    @Column(name = "effective_date")
    public LocalDate effectiveDate;

    /** The SOP's steps and transitions, stored as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    public SopDocument definition;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;
}
