package id.siaga.ticket.web;

import io.quarkus.csrf.reactive.runtime.CsrfTokenUtils;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;

/**
 * Every request that may change something through the pages (any method but GET and HEAD, anywhere outside
 * {@code /api} and {@code /q}) must carry the CSRF token of a SIAGA page, in the form field or the
 * {@code X-CSRF-Token} header, matching the CSRF cookie (signed the way quarkus-rest-csrf signs it when
 * {@code quarkus.rest-csrf.token-signature-key} is set), and must come from SIAGA's own pages as far as the browser
 * says ({@link SameOrigin}).
 * <p>
 * quarkus-rest-csrf checks form bodies only ({@code require-form-url-encoded=false} keeps the JSON API free of
 * tokens), so without this a post with no body, no Content-Type or another Content-Type would reach a page's
 * action with nothing but the session cookie. A refusal is the friendly "form refused" page: 403 for a foreign
 * origin, 400 for a missing or wrong token (as the extension answers).
 */
public class FormGuard {

    private static final Logger LOG = Logger.getLogger(FormGuard.class);

    private final PageContext context;
    private final String cookieName;
    private final String fieldName;
    private final String headerName;
    private final Optional<String> signatureKey;
    private final SameOrigin sameOrigin;

    public FormGuard(PageContext context, SameOrigin sameOrigin,
            @ConfigProperty(name = "quarkus.rest-csrf.cookie-name") String cookieName,
            @ConfigProperty(name = "quarkus.rest-csrf.form-field-name") String fieldName,
            @ConfigProperty(name = "quarkus.rest-csrf.token-header-name") String headerName,
            @ConfigProperty(name = "quarkus.rest-csrf.token-signature-key") Optional<String> signatureKey) {
        this.context = context;
        this.cookieName = cookieName;
        this.fieldName = fieldName;
        this.headerName = headerName;
        this.signatureKey = signatureKey;
        this.sameOrigin = sameOrigin;
    }

    /**
     * Before matching (so that no Content-Type or a wrong one is refused here, not answered 415): the origin of every
     * request, and the header token of every request that has no form body.
     *
     * @return the refusal, or null to let the request through
     */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHORIZATION)
    public Response checkOrigin(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        if (!guarded(request, routing)) {
            return null;
        }
        HttpServerRequest http = routing.request();
        if (!sameOrigin.allows(http)) {
            LOG.debugf("Refused %s %s from origin %s", request.getMethod(), routing.normalizedPath(),
                    http.getHeader(HttpHeaders.ORIGIN));
            return ErrorPage.formRefused(context, 403);
        }
        if (!isForm(http) && !matchesCookie(http, http.getHeader(headerName))) {
            LOG.debugf("Refused %s %s without a CSRF token", request.getMethod(), routing.normalizedPath());
            return ErrorPage.formRefused(context, 400);
        }
        return null;
    }

    /**
     * After the form body is read: the token of a form, in its field or the header.
     *
     * @return the refusal, or null to let the request through
     */
    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    @WithFormRead
    public Response checkForm(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        HttpServerRequest http = routing.request();
        if (!guarded(request, routing) || !isForm(http)) {
            return null;
        }
        String token = http.getHeader(headerName);
        if (token == null) {
            Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                    .getFormParameter(fieldName, true, false);
            token = field == null ? null : field.toString();
        }
        if (!matchesCookie(http, token)) {
            LOG.debugf("Refused %s %s without a valid CSRF token", request.getMethod(), routing.normalizedPath());
            return ErrorPage.formRefused(context, 400);
        }
        return null;
    }

    private static boolean guarded(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        String method = request.getMethod();
        return !HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method) && isPage(routing.normalizedPath());
    }

    /** @return whether the path is served by the pages (everything but the API and the operations endpoints) */
    static boolean isPage(String path) {
        return path != null && !path.equals("/api") && !path.startsWith("/api/") && !path.startsWith("/q/");
    }

    /** @return whether the token matches the CSRF cookie (as its signature when a signature key is set) */
    private boolean matchesCookie(HttpServerRequest http, String token) {
        Cookie cookie = http.getCookie(cookieName);
        if (cookie == null || cookie.getValue().isEmpty() || token == null || token.isEmpty()) {
            return false;
        }
        try {
            String expected = signatureKey.isPresent() ? CsrfTokenUtils.signCsrfToken(token, signatureKey.get()) : token;
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                    cookie.getValue().getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** @return whether the body is a form (read from the header: a malformed Content-Type is simply not a form) */
    private static boolean isForm(HttpServerRequest http) {
        String type = http.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            return false;
        }
        int semicolon = type.indexOf(';');
        String bare = (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        return bare.equals("application/x-www-form-urlencoded") || bare.equals("multipart/form-data");
    }
}
