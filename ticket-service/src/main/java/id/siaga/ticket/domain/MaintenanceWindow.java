package id.siaga.ticket.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * Planned work on one server (or on all when {@code serverId} is null): findings inside are stored but
 * open no tickets and raise no escalations, and SOP clocks do not run.
 */
@Entity
@Table(name = "maintenance_window")
public class MaintenanceWindow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "server_id")
    public Long serverId;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    public String reason;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Column(name = "deleted_by")
    public String deletedBy;

    /** @return whether the window covers that moment for that server */
    public boolean covers(Long server, Instant at) {
        return appliesTo(server) && !at.isBefore(startsAt) && at.isBefore(endsAt);
    }

    /** @return whether the window overlaps {@code from}..{@code to} for that server */
    public boolean overlaps(Long server, Instant from, Instant to) {
        return appliesTo(server) && endsAt.isAfter(from) && startsAt.isBefore(to);
    }

    /** @return whether the window is live and for that server or for all servers */
    private boolean appliesTo(Long server) {
        return deletedAt == null && (serverId == null || serverId.equals(server));
    }
}
