package id.siaga.ticket.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Removes this application's meters when it stops. Micrometer's global registry outlives an application started
 * again in the same JVM (each test profile does that): without this, the new application's gauges would be found
 * already registered, bound to the stopped application's objects, and read nothing.
 */
@ApplicationScoped
public class MeterLifecycle {

    void stop(@Observes ShutdownEvent event, MeterRegistry registry) {
        registry.clear();
    }
}
