package id.siaga.ticket.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a sign-in form posted from another site ({@link SameOrigin}), so that no other page can sign a browser in
 * under someone else's account. The form itself carries no CSRF token (there is no session yet); Quarkus form
 * authentication reads it before any page code runs, hence a route filter ahead of authentication.
 */
@ApplicationScoped
public class SignInGuard {

    /** Ahead of authentication (200) and form authentication (150). */
    static final int PRIORITY = 410;
    static final String REFUSED = "Formulir masuk ini tidak berasal dari halaman SIAGA. Buka halaman masuk lagi.\n"
            + "This sign-in form did not come from a SIAGA page. Open the sign-in page again.\n";

    private final SameOrigin sameOrigin;

    public SignInGuard(SameOrigin sameOrigin) {
        this.sameOrigin = sameOrigin;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    private void handle(RoutingContext routing) {
        if (routing.request().method() == HttpMethod.POST && LoginPage.POST_LOCATION.equals(routing.normalizedPath())
                && !sameOrigin.allows(routing.request())) {
            routing.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8")
                    .end(REFUSED);
            return;
        }
        routing.next();
    }
}
