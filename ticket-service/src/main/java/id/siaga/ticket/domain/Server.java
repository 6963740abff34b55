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

    /** Whether the public status page shows this server by name, as a line of its own. */
    @Column(name = "is_public")
    public boolean isPublic;
}
