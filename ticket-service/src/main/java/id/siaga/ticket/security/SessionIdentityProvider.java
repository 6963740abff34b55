package id.siaga.ticket.security;

import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks a web page session cookie against {@link SessionCutoffs} before the user store turns it into an
 * identity, on every page request: a cookie issued before the person signed out or changed their password is
 * refused (and dropped), which sends the browser to the sign-in page as an expired session does.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(SessionIdentityProvider.class);

    private final SessionCutoffs cutoffs;
    private final String cookieName;
    private final SessionCookie cookie;
    private final String loginPage;

    public SessionIdentityProvider(SessionCutoffs cutoffs,
            @ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> key,
            @ConfigProperty(name = "quarkus.http.auth.form.timeout", defaultValue = "PT30M") Duration timeout,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential") String cookieName,
            @ConfigProperty(name = "quarkus.http.auth.form.login-page", defaultValue = "/login.html") String loginPage) {
        this.loginPage = loginPage;
        this.cutoffs = cutoffs;
        this.cookieName = cookieName;
        this.cookie = key.filter(k -> !k.isBlank()).map(k -> new SessionCookie(k, timeout)).orElse(null);
        if (cookie == null) {
            LOG.warn("No session key is configured: sign-out and password changes cannot end other copies of a session");
        }
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    /** Before the user store, whose priority is the default {@code SYSTEM_FIRST + 1}. */
    @Override
    public int priority() {
        return SYSTEM_FIRST + 10;
    }

    /** @return nothing when the session is still valid, so that the user store builds the identity */
    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        Cookie sent = routing == null ? null : routing.request().getCookie(cookieName);
        Optional<Instant> issuedAt = cookie == null || sent == null ? Optional.empty() : cookie.issuedAt(sent.getValue());
        if (issuedAt.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        String username = request.getPrincipal();
        return context.runBlocking(() -> {
            if (cutoffs.isValid(username, issuedAt.get())) {
                return null;
            }
            routing.response().addCookie(Cookie.cookie(cookieName, "").setPath("/").setMaxAge(0));
            throw new AuthenticationRedirectException(302, loginPage);
        });
    }
}
