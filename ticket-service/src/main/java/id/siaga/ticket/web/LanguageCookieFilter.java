package id.siaga.ticket.web;

import id.siaga.ticket.http.WebPage;
import id.siaga.ticket.i18n.Language;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.ext.Provider;

import java.time.Duration;

/**
 * Remembers a language chosen with {@code ?lang=} in a cookie, on pages only; Secure when the page was reached over
 * HTTPS (directly, or through a trusted proxy's {@code X-Forwarded-Proto}).
 */
@Provider
@WebPage
public class LanguageCookieFilter implements ContainerResponseFilter {

    private static final int ONE_YEAR = (int) Duration.ofDays(365).toSeconds();

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Language chosen = Language.parse(request.getUriInfo().getQueryParameters().getFirst(Language.PARAMETER));
        if (chosen == null) {
            return;
        }
        NewCookie cookie = new NewCookie.Builder(Language.COOKIE).value(chosen.tag()).path("/").maxAge(ONE_YEAR)
                .sameSite(NewCookie.SameSite.LAX).httpOnly(true)
                .secure("https".equalsIgnoreCase(request.getUriInfo().getRequestUri().getScheme())).build();
        response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie);
    }
}
