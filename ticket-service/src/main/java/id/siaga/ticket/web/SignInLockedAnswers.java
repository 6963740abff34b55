package id.siaga.ticket.web;

import id.siaga.ticket.rest.dto.Problem;
import id.siaga.ticket.rest.error.ProblemMappers;
import id.siaga.ticket.security.SignInLockedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The answer to a locked sign-in: {@code 429 Too Many Requests} with {@code Retry-After}; on the API a problem,
 * on the sign-in form's post the sign-in page with a message.
 */
public class SignInLockedAnswers {

    private final LoginPage loginPage;
    private final String postLocation;

    public SignInLockedAnswers(LoginPage loginPage,
            @ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check") String postLocation) {
        this.loginPage = loginPage;
        this.postLocation = postLocation;
    }

    @ServerExceptionMapper
    public Response locked(SignInLockedException e, UriInfo uri) {
        String path = "/" + uri.getPath().replaceFirst("^/", "");
        if (path.endsWith(postLocation)) {
            return loginPage.locked(e.retryAfterSeconds());
        }
        return Response.status(Response.Status.TOO_MANY_REQUESTS).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .entity(new Problem(ProblemMappers.TYPE_BASE + "sign-in-locked", "Too Many Requests", 429,
                        "Too many failed sign-ins. Try again in " + e.retryAfterSeconds() + " seconds.", path, null))
                .build();
    }
}
