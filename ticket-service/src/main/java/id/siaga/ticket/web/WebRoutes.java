package id.siaga.ticket.web;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Two plain routes of the pages: the bare address opens the status board (which asks to sign in first), and
 * a wrong password on the sign-in form goes back to the form with a message. Without the latter, the API's
 * problem+json answer to failed authentication would reach the browser.
 */
@ApplicationScoped
public class WebRoutes {

    private final String loginErrorPage;

    public WebRoutes(@ConfigProperty(name = "quarkus.http.auth.form.error-page") String loginErrorPage) {
        this.loginErrorPage = loginErrorPage;
    }

    void route(@Observes Router router) {
        router.get("/").handler(context -> context.redirect(BoardPage.PATH));
        router.post(LoginPage.POST_LOCATION).failureHandler(context -> {
            if (context.failure() instanceof AuthenticationFailedException && !context.response().ended()) {
                context.redirect(loginErrorPage);
            } else {
                context.next();
            }
        });
    }
}
