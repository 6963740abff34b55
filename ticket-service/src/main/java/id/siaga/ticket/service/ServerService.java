package id.siaga.ticket.service;

import id.siaga.ticket.domain.ConflictException;
import id.siaga.ticket.domain.ResourceNotFoundException;
import id.siaga.ticket.domain.Server;
import id.siaga.ticket.domain.ServerRole;
import id.siaga.ticket.repository.ServerRepository;
import id.siaga.ticket.security.AgentTokenIdentityProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
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
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ServerRepository servers;
    private final AgentTokenIdentityProvider tokens;

    public ServerService(ServerRepository servers, AgentTokenIdentityProvider tokens) {
        this.servers = servers;
        this.tokens = tokens;
    }

    /** A server together with its new token, which is shown once. */
    public record Registered(Server server, String token) {
    }

    /**
     * @throws ConflictException when the name is taken
     */
    @Transactional
    public Registered register(String name, ServerRole role, String location, String description) {
        String trimmed = name.trim();
        if (servers.findByName(trimmed).isPresent()) {
            throw new ConflictException("A server named '" + trimmed + "' already exists.");
        }
        String token = newToken();
        Server server = new Server();
        server.name = trimmed;
        server.role = role;
        server.location = blankToNull(location);
        server.description = blankToNull(description);
        server.agentTokenHash = hash(token);
        server.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        servers.persist(server);
        LOG.infof("Registered server %s (%s) as id %d", server.name, role, server.id);
        return new Registered(server, token);
    }

    /** Replaces the server's agent token; the old one stops working at once. */
    @Transactional
    public Registered renewToken(long id) {
        Server server = get(id);
        String token = newToken();
        server.agentTokenHash = hash(token);
        tokens.forgetServer(id);
        LOG.infof("Renewed the agent token of server %s", server.name);
        return new Registered(server, token);
    }

    public Server get(long id) {
        return servers.findByIdOptional(id)
                .orElseThrow(() -> new ResourceNotFoundException("There is no server with id " + id + "."));
    }

    public List<Server> list() {
        return servers.listAll(io.quarkus.panache.common.Sort.ascending("name"));
    }

    /** @return the SHA-256 of a token, as stored */
    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newToken() {
        return newToken(TOKEN_PREFIX);
    }

    /** @return a random 256-bit secret, URL-safe Base64 after the prefix; only its {@link #hash} is to be stored */
    public static String newToken(String prefix) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
