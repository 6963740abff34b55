package id.siaga.ticket.security;

import id.siaga.ticket.config.LockoutConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down and then locks repeated failed sign-ins, per user name and per client address, on the API and the
 * sign-in form alike. A name is counted whether or not such a user exists, so that the answers never tell.
 * Failures count within a window of the lock duration; a successful sign-in clears the name's count.
 * <p>
 * The state is kept in memory on each instance, in two bounded maps that forget the least recently failed
 * entries first: behind a load balancer an attacker gets at most (instances x limit) tries per window.
 * Every failure and lock-out is logged (name and address, never the password) and counted
 * ({@code siaga_auth_failures_total{channel}}, {@code siaga_auth_lockouts_total{scope}}).
 */
@Startup
@ApplicationScoped
public class SignInThrottle {

    /** Where a sign-in came from: the API's HTTP Basic or the pages' sign-in form. */
    public enum Channel {
        API, FORM;

        String tag() {
            return name().toLowerCase();
        }
    }

    private static final Logger LOG = Logger.getLogger(SignInThrottle.class);
    static final int MAX_ENTRIES = 20_000;
    private static final int MAX_NAME_LENGTH = 100;

    /** Failures within the window that started at {@code windowStart}; locked until {@code lockedUntil}. */
    private static final class Tally {
        long windowStartNanos;
        int failures;
        long lockedUntilNanos;
    }

    private final LockoutConfig config;
    private final MeterRegistry registry;
    private final Map<String, Tally> names = lru();
    private final Map<String, Tally> addresses = lru();

    public SignInThrottle(LockoutConfig config, MeterRegistry registry) {
        this.config = config;
        this.registry = registry;
        for (Channel channel : Channel.values()) {
            failures(channel);
        }
        lockouts("user");
        lockouts("address");
    }

    private Counter failures(Channel channel) {
        return Counter.builder("siaga.auth.failures").description("Failed sign-ins, by channel (api or form)")
                .tag("channel", channel.tag()).register(registry);
    }

    private Counter lockouts(String scope) {
        return Counter.builder("siaga.auth.lockouts")
                .description("Sign-in lock-outs after repeated failures, by scope (user name or client address)")
                .tag("scope", scope).register(registry);
    }

    /** @return how long the name or the address is still locked, or empty when neither is */
    public Optional<Duration> lockedFor(String username, String address) {
        long now = System.nanoTime();
        long until;
        synchronized (this) {
            until = Math.max(lockedUntil(names.get(key(username)), now), lockedUntil(addresses.get(address), now));
        }
        return until > now ? Optional.of(Duration.ofNanos(until - now)) : Optional.empty();
    }

    /**
     * Records a failed sign-in.
     *
     * @return how long to hold back the answer
     */
    public Duration failed(String username, String address, Channel channel) {
        long now = System.nanoTime();
        String name = key(username);
        int nameFailures;
        boolean nameLocked;
        boolean addressLocked;
        synchronized (this) {
            Tally byName = names.computeIfAbsent(name, k -> new Tally());
            Tally byAddress = addresses.computeIfAbsent(address, k -> new Tally());
            nameFailures = count(byName, now);
            int addressFailures = count(byAddress, now);
            nameLocked = lockIfReached(byName, nameFailures, config.attempts(), now);
            addressLocked = lockIfReached(byAddress, addressFailures, config.addressAttempts(), now);
        }
        failures(channel).increment();
        LOG.warnf("Failed sign-in for user '%s' from %s (%s, failure %d of %d)", printable(name), address,
                channel.tag(), nameFailures, config.attempts());
        if (nameLocked) {
            lockouts("user").increment();
            LOG.warnf("Locked sign-in for user '%s' for %s after %d failures (last from %s)", printable(name),
                    config.duration(), nameFailures, address);
        }
        if (addressLocked) {
            lockouts("address").increment();
            LOG.warnf("Locked sign-in from %s for %s after %d failures", address, config.duration(),
                    config.addressAttempts());
        }
        Duration delay = config.delayStep().multipliedBy(nameFailures);
        return delay.compareTo(config.maxDelay()) > 0 ? config.maxDelay() : delay;
    }

    /** A successful sign-in clears the failures of the name. */
    public void succeeded(String username) {
        String name = key(username);
        synchronized (this) {
            Tally tally = names.get(name);
            if (tally != null && tally.lockedUntilNanos - System.nanoTime() <= 0) {
                names.remove(name);
            }
        }
    }

    private int count(Tally tally, long now) {
        if (tally.failures == 0 || now - tally.windowStartNanos > config.duration().toNanos()) {
            tally.windowStartNanos = now;
            tally.failures = 0;
        }
        return ++tally.failures;
    }

    private boolean lockIfReached(Tally tally, int failures, int limit, long now) {
        if (failures < limit) {
            return false;
        }
        tally.lockedUntilNanos = now + config.duration().toNanos();
        tally.failures = 0;
        return true;
    }

    private static long lockedUntil(Tally tally, long now) {
        return tally == null || tally.lockedUntilNanos == 0 ? now : tally.lockedUntilNanos;
    }

    private static String key(String username) {
        String name = username == null ? "" : username;
        return name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) : name;
    }

    /** @return the name without control characters, for a log line that cannot be forged */
    private static String printable(String name) {
        return name.replaceAll("\\p{Cntrl}", "?");
    }

    private static Map<String, Tally> lru() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Tally> eldest) {
                return size() > MAX_ENTRIES;
            }
        };
    }
}
