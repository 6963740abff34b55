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

/** A monitored server (SIAK application or database, KTP-el, network) and its agent's credentials. */
@Entity
@Table(name = "server")
public class Server {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    @Enumerated(EnumType.STRING)
    public ServerRole role;

    public String location;

    public String description;

    /** SHA-256 of the agent's bearer token; the token itself is never stored. */
    @Column(name = "agent_token_hash")
    public byte[] agentTokenHash;

    @Column(name = "agent_last_seen")
    public Instant agentLastSeen;

    @Column(name = "created_at")
    public Instant createdAt;

    /** How often the agent reports, from its heartbeat, in seconds; null before the first. */
    @Column(name = "agent_interval_seconds", insertable = false, updatable = false)
    public Integer agentIntervalSeconds;

    /** The agent's version, from its latest heartbeat. */
    @Column(name = "agent_version", insertable = false, updatable = false)
    public String agentVersion;

    /** Findings waiting in the agent's outbox at its latest heartbeat. */
    @Column(name = "agent_outbox_backlog", insertable = false, updatable = false)
    public Integer agentOutboxBacklog;

    /** When the agent's latest heartbeat was observed. The agent columns are written by ingest only. */
    @Column(name = "agent_heartbeat_at", insertable = false, updatable = false)
    public Instant agentHeartbeatAt;

    /** Whether the public status page shows this server by name, as a line of its own. */
    @Column(name = "is_public")
    public boolean isPublic;
}
