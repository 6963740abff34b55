package id.siaga.ticket.clock;

import id.siaga.ticket.config.SiagaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Produces the one {@link Clock} the service reads the time from: the system clock in the office's zone, ticking in
 * whole microseconds (PostgreSQL's timestamp precision), so that a moment written to the database reads back equal.
 * Tests may replace it with an {@link jakarta.enterprise.inject.Alternative}. The database's own {@code now()} stays
 * authoritative where several instances must agree (leases, locks).
 */
@ApplicationScoped
public class ServiceClock {

    /** The tick of the database's timestamps. */
    public static final Duration PRECISION = Duration.ofNanos(1_000);

    @Produces
    @Singleton
    Clock clock(SiagaConfig config) {
        return system(config.zone());
    }

    /** @return the system clock in that zone, at the database's precision */
    public static Clock system(ZoneId zone) {
        return Clock.tick(Clock.system(zone), PRECISION);
    }
}
