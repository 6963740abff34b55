package id.siaga.ticket.service;

import id.siaga.ticket.domain.ConflictException;
import id.siaga.ticket.domain.ResourceNotFoundException;
import id.siaga.ticket.domain.Server;
import id.siaga.ticket.domain.ServerRole;
import id.siaga.ticket.repository.ServerRepository;
import id.siaga.ticket.security.AgentTokenIdentityProvider;
import id.siaga.ticket.security.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Registers monitored servers and issues their agents' tokens: random 256-bit secrets, of which only the
 * SHA-256 is stored.
 */
@ApplicationScoped
public class ServerService {

    /** Prefix that makes SIAGA agent tokens recognisable in configs and secret scanners. */
    public static final String TOKEN_PREFIX = "siaga_";

    private static final Logger LOG = Logger.getLogger(ServerService.class);

    private final ServerRepository servers;
    private final AgentTokenIdentityProvider tokens;
    private final AdminAudit audit;
    private final Clock clock;

    public ServerService(ServerRepository servers, AgentTokenIdentityProvider tokens, AdminAudit audit, Clock clock) {
        this.clock = clock;
        this.servers = servers;
        this.tokens = tokens;
        this.audit = audit;
    }

    /** What the administrator says about a server: everything but its agent's token and reports. */
    public record Details(String name, ServerRole role, String location, String description, boolean shownPublicly) {
    }

    /** A server together with its new token, which is shown once. */
    public record Registered(Server server, String token) {
    }

    /**
     * @throws ConflictException when the name is taken
     */
    @Transactional
    public Registered register(Details details, String actor) {
        String trimmed = details.name().trim();
        if (servers.findByName(trimmed).isPresent()) {
            throw new ConflictException("A server named '" + trimmed + "' already exists.");
        }
        String token = newToken();
        Server server = new Server();
        apply(server, details);
        server.agentTokenHash = Tokens.hash(token);
        server.createdAt = clock.instant();
        servers.persist(server);
        audit.record(actor, AdminAudit.SERVER_REGISTERED, subject(server), describe(server));
        LOG.infof("Registered server %s (%s) as id %d", server.name, server.role, server.id);
        return new Registered(server, token);
    }

    /**
     * Changes what the administrator says about a server; its agent and token stay as they are.
     *
     * @throws ConflictException         when another server has the name
     * @throws ResourceNotFoundException when there is no such server
     */
    @Transactional
    public Server update(long id, Details details, String actor) {
        Server server = get(id);
        String trimmed = details.name().trim();
        if (servers.findByName(trimmed).filter(other -> !other.id.equals(server.id)).isPresent()) {
            throw new ConflictException("A server named '" + trimmed + "' already exists.");
        }
        String before = describe(server);
        apply(server, details);
        String after = describe(server);
        if (!before.equals(after)) {
            audit.record(actor, AdminAudit.SERVER_CHANGED, subject(server), "from " + before + " to " + after);
        }
        return server;
    }

    /** Replaces the server's agent token; the old one stops working at once. */
    @Transactional
    public Registered renewToken(long id, String actor) {
        Server server = get(id);
        String token = newToken();
        server.agentTokenHash = Tokens.hash(token);
        tokens.forgetServer(id);
        audit.record(actor, AdminAudit.AGENT_TOKEN_ISSUED, subject(server), "the previous token stopped working");
        LOG.infof("Renewed the agent token of server %s", server.name);
        return new Registered(server, token);
    }

    private static void apply(Server server, Details details) {
        server.name = details.name().trim();
        server.role = details.role();
        server.location = blankToNull(details.location());
        server.description = blankToNull(details.description());
        server.isPublic = details.shownPublicly();
    }

    private static String describe(Server server) {
        return server.name + " (" + server.role + (server.location == null ? "" : ", " + server.location) + ")";
    }

    private static String subject(Server server) {
        return "server:" + server.id;
    }

    /** Shows the server by name on the public status page, or stops showing it. */
    @Transactional
    public Server setPublic(long id, boolean shownPublicly) {
        Server server = get(id);
        if (server.isPublic != shownPublicly) {
            server.isPublic = shownPublicly;
            LOG.infof("Server %s is %s on the public status page", server.name, shownPublicly ? "shown" : "no longer shown");
        }
        return server;
    }

    public Server get(long id) {
        return servers.findByIdOptional(id)
                .orElseThrow(() -> new ResourceNotFoundException("There is no server with id " + id + "."));
    }

    public List<Server> list() {
        return servers.listAll(io.quarkus.panache.common.Sort.ascending("name"));
    }

    private static String newToken() {
        return Tokens.newToken(TOKEN_PREFIX);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
