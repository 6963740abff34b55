package id.siaga.ticket.web;

import id.siaga.ticket.config.SiagaConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.Locale;

/**
 * Whether a request that changes something comes from SIAGA's own pages, as far as the browser says: its
 * {@code Origin} (else its {@code Referer}) must be the request's own scheme, host and port, or the origin of
 * {@code siaga.notify.base-url} (the address people use, e.g. behind a proxy that does not pass the Host on).
 * A request that names no origin at all passes; {@code Origin: null} does not.
 */
@ApplicationScoped
public class SameOrigin {

    private final Origin configured;

    public SameOrigin(SiagaConfig config) {
        this.configured = Origin.parse(config.notices().baseUrl());
    }

    /** @return whether the request names no origin, or SIAGA's own */
    public boolean allows(HttpServerRequest http) {
        String origin = http.getHeader(HttpHeaders.ORIGIN);
        String source = origin != null ? origin : http.getHeader(HttpHeaders.REFERER);
        if (source == null) {
            return true;
        }
        Origin claimed = Origin.parse(source);
        if (claimed == null) {
            return false;
        }
        HostAndPort authority = http.authority();
        Origin own = authority == null ? null : Origin.of(http.scheme(), authority.host(), authority.port());
        return claimed.equals(own) || claimed.equals(configured);
    }

    /** A web origin: scheme, host and port (the scheme's default port when none is written). */
    record Origin(String scheme, String host, int port) {

        static Origin of(String scheme, String host, int port) {
            if (scheme == null || host == null) {
                return null;
            }
            String s = scheme.toLowerCase(Locale.ROOT);
            int p = port >= 0 ? port : "https".equals(s) ? 443 : "http".equals(s) ? 80 : -1;
            return new Origin(s, host.toLowerCase(Locale.ROOT), p);
        }

        /** @return the origin of a URL, or null when it has none (e.g. {@code Origin: null}) or is not a URL */
        static Origin parse(String url) {
            try {
                URI uri = new URI(url.trim());
                return of(uri.getScheme(), uri.getHost(), uri.getPort());
            } catch (Exception e) {
                return null;
            }
        }
    }
}
