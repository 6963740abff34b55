package id.siaga.ticket.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Turns every redirect of the pages into a path on the same site. Quarkus form authentication (the login page, the
 * landing page, back to the page first asked for) and JAX-RS ({@code seeOther}) write absolute URLs built from the
 * request's {@code Host} header, so a request with {@code Host: evil.example} would be sent to
 * {@code http://evil.example/...}. A {@code Location} whose authority is the request's own becomes its path and
 * query; the API's {@code Location} headers (201 Created) are left as they are.
 */
@ApplicationScoped
public class RelativeRedirects {

    /** Before authentication, so that its redirects pass through here too. */
    static final int PRIORITY = 400;

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    private void handle(RoutingContext routing) {
        if (FormGuard.isPage(routing.normalizedPath())) {
            routing.addHeadersEndHandler(ignored -> relativize(routing));
        }
        routing.next();
    }

    private static void relativize(RoutingContext routing) {
        MultiMap headers = routing.response().headers();
        String location = headers.get(HttpHeaders.LOCATION);
        HostAndPort own = routing.request().authority();
        if (location == null || own == null) {
            return;
        }
        String relative = relative(location, own.host(), own.port());
        if (relative != null) {
            headers.set(HttpHeaders.LOCATION, relative);
        }
    }

    /** @return the path, query and fragment of an absolute URL on the given host and port, or null for any other */
    static String relative(String location, String host, int port) {
        try {
            URI uri = new URI(location);
            if (!uri.isAbsolute() || uri.getHost() == null
                    || !uri.getHost().toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT))
                    || uri.getPort() != port && !(port < 0 && isDefault(uri))) {
                return null;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static boolean isDefault(URI uri) {
        return uri.getPort() < 0 || uri.getPort() == 80 && "http".equalsIgnoreCase(uri.getScheme())
                || uri.getPort() == 443 && "https".equalsIgnoreCase(uri.getScheme());
    }
}
