package id.siaga.ticket.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Throttling of failed sign-ins ({@code siaga.security.lockout.*}, e.g. {@code SIAGA_SECURITY_LOCKOUT_ATTEMPTS}),
 * on the API (HTTP Basic) and the sign-in form alike.
 */
@ConfigMapping(prefix = "siaga.security.lockout")
public interface LockoutConfig {

    /** Failed sign-ins with one user name, within {@link #duration()}, after which that name is locked. */
    @WithDefault("10")
    int attempts();

    /** Failed sign-ins from one client address, within {@link #duration()}, after which the address is locked. */
    @WithDefault("50")
    int addressAttempts();

    /** How long a lock lasts, and the window in which failures are counted. */
    @WithDefault("PT5M")
    Duration duration();

    /** Added to the answer of each further failure of a name (the 1st waits this, the 2nd twice this, ...). */
    @WithDefault("PT0.1S")
    Duration delayStep();

    /** The longest wait added to a failure's answer. */
    @WithDefault("PT1S")
    Duration maxDelay();
}
