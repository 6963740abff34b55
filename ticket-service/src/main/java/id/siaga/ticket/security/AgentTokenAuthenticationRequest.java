package id.siaga.ticket.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A probe agent's bearer token, to be checked against the stored SHA-256 hashes. */
public final class AgentTokenAuthenticationRequest extends BaseAuthenticationRequest {
    private final String token;

    public AgentTokenAuthenticationRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
