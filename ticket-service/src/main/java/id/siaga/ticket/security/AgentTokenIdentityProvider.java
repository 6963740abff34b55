package id.siaga.ticket.security;

import id.siaga.ticket.domain.Role;
import io.agroal.api.AgroalDataSource;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Turns an agent token into the identity of its server. Tokens are random 256-bit secrets, so their
 * SHA-256 is looked up directly (no slow password hash per request) and compared in constant time; a
 * short cache spares the database on every post. A renewed token replaces the old one within
 * {@code siaga.findings.token-cache} on every instance, at once on the instance that renewed it.
 */
@ApplicationScoped
public class AgentTokenIdentityProvider implements IdentityProvider<AgentTokenAuthenticationRequest> {

    /** Identity attribute holding the server's id (a {@code Long}). */
    public static final String SERVER_ID = "siaga.serverId";
    /** Identity attribute holding the server's name. */
    public static final String SERVER_NAME = "siaga.serverName";


    private record Known(long serverId, String serverName) {
    }

    private final AgroalDataSource dataSource;
    private final HashedTokens<Known> tokens;

    public AgentTokenIdentityProvider(AgroalDataSource dataSource, id.siaga.ticket.config.SiagaConfig config) {
        this.dataSource = dataSource;
        this.tokens = new HashedTokens<>(config.findings().tokenCache(), this::lookup, AgentTokenIdentityProvider::identity, "unknown agent token");
    }

    @Override
    public Class<AgentTokenAuthenticationRequest> getRequestType() {
        return AgentTokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(AgentTokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return tokens.authenticate(request.token(), context);
    }

    /** Forgets cached tokens of a server whose token was renewed. */
    public void forgetServer(long serverId) {
        tokens.forget(k -> k.serverId() == serverId);
    }

    private Known lookup(byte[] hash) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select id, name, agent_token_hash from server where agent_token_hash = ?")) {
            s.setBytes(1, hash);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || !MessageDigest.isEqual(rs.getBytes(3), hash)) {
                    return null;
                }
                return new Known(rs.getLong(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not check an agent token", e);
        }
    }

    private static SecurityIdentity identity(Known known) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("agent:" + known.serverName()))
                .addRole(Role.NAME_AGENT)
                .addAttribute(SERVER_ID, known.serverId())
                .addAttribute(SERVER_NAME, known.serverName())
                .build();
    }
}
