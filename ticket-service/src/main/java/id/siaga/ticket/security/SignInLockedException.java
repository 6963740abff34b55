package id.siaga.ticket.security;

import io.quarkus.security.AuthenticationException;

import java.time.Duration;

/** A sign-in refused without checking the password, because its user name or client address is locked. */
public class SignInLockedException extends SecurityException implements AuthenticationException {

    private final long retryAfterSeconds;

    public SignInLockedException(Duration remaining) {
        super("too many failed sign-ins");
        this.retryAfterSeconds = Math.max(1, (remaining.toMillis() + 999) / 1000);
    }

    /** @return whole seconds until the lock ends, at least 1 (the {@code Retry-After} header) */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
