package id.siaga.ticket.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one place where a password is verified against its stored bcrypt hash (tens of milliseconds of CPU each),
 * counted in {@code siaga_auth_password_hash_checks_total} so that it can be seen that repeated API calls do not
 * pay it again.
 */
@Startup
@ApplicationScoped
public class PasswordChecks {

    private final Counter checks;

    public PasswordChecks(MeterRegistry registry) {
        this.checks = Counter.builder("siaga.auth.password.hash.checks")
                .description("Passwords verified against their stored bcrypt hash").register(registry);
    }

    /** @return whether the password matches the stored hash (a bcrypt verification, counted) */
    public boolean matches(String password, String storedHash) {
        checks.increment();
        try {
            return BcryptUtil.matches(password, storedHash);
        } catch (RuntimeException unreadableHash) {
            return false;
        }
    }
}
