package id.siaga.ticket.web;

import id.siaga.ticket.http.WebPage;
import id.siaga.ticket.i18n.WebMessages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;

/**
 * The sign-in form. It posts to Quarkus form authentication ({@code /j_security_check}), which checks the
 * user against {@code app_user} and sets the encrypted session cookie.
 */
@Path(LoginPage.PATH)
@WebPage
@Produces(MediaType.TEXT_HTML)
public class LoginPage {

    /** The sign-in page path, also {@code quarkus.http.auth.form.login-page}. */
    public static final String PATH = "/masuk";
    /** Where the form posts: {@code quarkus.http.auth.form.post-location}. */
    public static final String POST_LOCATION = "/j_security_check";

    /**
     * @param failed    whether the last attempt failed
     * @param locked    why signing in is refused for now (too many failures), or null
     * @param action    where the form posts
     */
    public record LoginView(boolean failed, String locked, String action) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(Page page, LoginView login);
    }

    private final PageContext context;
    private final SecurityIdentity identity;

    public LoginPage(PageContext context, SecurityIdentity identity) {
        this.context = context;
        this.identity = identity;
    }

    /**
     * @param failed  set by the form authentication's error page after a wrong user name or password
     * @param signedOut set after signing out
     */
    @GET
    public Response login(@RestQuery("gagal") String failed, @RestQuery("keluar") String signedOut) {
        if (signedIn()) {
            return Response.seeOther(URI.create(BoardPage.PATH)).build();
        }
        WebMessages msg = context.msg();
        Page page = context.anonymousPage(msg.loginTitle(), PATH, signedOut == null ? null : msg.noticeSignedOut());
        return Response.ok(context.localized(Templates.login(page, new LoginView(failed != null, null, POST_LOCATION))))
                .build();
    }

    /**
     * The form again, the answer to a sign-in refused because of too many failures.
     *
     * @param retryAfterSeconds when signing in is possible again
     * @return {@code 429} with {@code Retry-After}
     */
    public Response locked(long retryAfterSeconds) {
        WebMessages msg = context.msg();
        long minutes = Math.max(1, (retryAfterSeconds + 59) / 60);
        Page page = context.anonymousPage(msg.loginTitle(), PATH, null);
        LoginView view = new LoginView(false, msg.loginLocked(minutes), POST_LOCATION);
        return Response.status(Response.Status.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .entity(context.localized(Templates.login(page, view))).type(MediaType.TEXT_HTML_TYPE).build();
    }

    /** @return whether a valid session came with the request; an ended one counts as none */
    private boolean signedIn() {
        try {
            return !identity.isAnonymous();
        } catch (AuthenticationFailedException | AuthenticationRedirectException ended) {
            return false;
        }
    }
}
