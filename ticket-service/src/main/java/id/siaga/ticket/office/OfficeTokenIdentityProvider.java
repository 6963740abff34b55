package id.siaga.ticket.office;

import id.siaga.ticket.domain.Role;
import id.siaga.ticket.security.HashedTokens;
import id.siaga.ticket.security.OfficeTokenAuthenticationRequest;
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
 * Turns an office's token into the identity of that office (role {@link Role#NAME_OFFICE}, attribute {@link #OFFICE_CODE}),
 * as agent tokens are turned into servers: the SHA-256 of the random secret is looked up and compared in constant
 * time, with a short cache.
 */
@ApplicationScoped
public class OfficeTokenIdentityProvider implements IdentityProvider<OfficeTokenAuthenticationRequest> {

    /** Identity attribute holding the office's code. */
    public static final String OFFICE_CODE = "siaga.officeCode";

    static final Duration CACHE_TTL = Duration.ofSeconds(30);

    private final AgroalDataSource dataSource;
    private final HashedTokens<String> tokens;

    public OfficeTokenIdentityProvider(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
        this.tokens = new HashedTokens<>(CACHE_TTL, this::lookup, OfficeTokenIdentityProvider::identity, "unknown office token");
    }

    @Override
    public Class<OfficeTokenAuthenticationRequest> getRequestType() {
        return OfficeTokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(OfficeTokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return tokens.authenticate(request.token(), context);
    }

    /** Forgets the office's token resolved before, on this instance (its token was replaced). */
    public void forget(String code) {
        tokens.forget(code::equals);
    }

    private String lookup(byte[] hash) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select code, token_hash from office where token_hash = ?")) {
            s.setBytes(1, hash);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || !MessageDigest.isEqual(rs.getBytes(2), hash)) {
                    return null;
                }
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not check an office token", e);
        }
    }

    private static SecurityIdentity identity(String code) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("office:" + code))
                .addRole(Role.NAME_OFFICE)
                .addAttribute(OFFICE_CODE, code)
                .build();
    }
}
