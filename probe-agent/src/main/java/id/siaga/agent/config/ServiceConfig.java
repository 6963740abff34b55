package id.siaga.agent.config;

import java.net.URI;

/**
 * The SIAGA ticket service the agent reports to.
 *
 * @param url   base URL of the service, without a trailing slash
 * @param token bearer token of this server's agent; {@code null} only when the configuration was loaded for
 *              local checks and the token's environment variable was not set
 */
public record ServiceConfig(URI url, String token) {

    /** @return {@code url} with {@code path} appended, {@code path} starting with a slash */
    public URI resolve(String path) {
        return URI.create(url.toString() + path);
    }

    @Override
    public String toString() {
        return "ServiceConfig[url=" + url + ", token=" + (token == null ? "unset" : "***") + "]";
    }
}
