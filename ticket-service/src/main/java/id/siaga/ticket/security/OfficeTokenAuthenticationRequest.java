package id.siaga.ticket.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An office's bearer token (it starts with {@link #PREFIX}), to be checked against the stored SHA-256 hashes. */
public final class OfficeTokenAuthenticationRequest extends BaseAuthenticationRequest {

    /** How office tokens start, which tells them from agent tokens. */
    public static final String PREFIX = "siaga-office_";

    private final String token;

    public OfficeTokenAuthenticationRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
