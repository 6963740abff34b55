package id.siaga.ticket.support;

import id.siaga.ticket.clock.ServiceClock;
import id.siaga.ticket.config.SiagaConfig;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The service's clock for a test profile that enables it ({@code getEnabledAlternatives}): the system clock, which a
 * test may move ahead to reach a time standard or a chain's next level without sleeping through it.
 */
@Alternative
@Singleton
public class TestClock extends Clock {

    private final Clock system;
    private volatile Duration ahead = Duration.ZERO;

    public TestClock(SiagaConfig config) {
        this.system = ServiceClock.system(config.zone());
    }

    /** Moves the service's time on by that much (whole microseconds). */
    public void advance(Duration by) {
        ahead = ahead.plus(by);
    }

    /** Back to the system time. */
    public void reset() {
        ahead = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return system.instant().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(ServiceClock.system(zone), ahead);
    }
}
