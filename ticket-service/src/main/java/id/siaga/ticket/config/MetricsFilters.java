package id.siaga.ticket.config;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Keeps {@code /q/metrics} readable by every Prometheus parser. Some of Micrometer's own meters have double quotes
 * in their description ({@code The "cpu time" used by …}); the OpenMetrics answer escapes them as {@code \"}, which
 * Prometheus's text-format parser ({@code expfmt}, used by {@code promtool} and many exporters' clients) refuses,
 * rejecting the whole scrape. Double quotes in descriptions are replaced by single quotes, which need no escaping.
 */
public class MetricsFilters {

    @Produces
    @Singleton
    public MeterFilter plainDescriptions() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String description = id.getDescription();
                if (description == null || description.indexOf('"') < 0) {
                    return id;
                }
                return new Meter.Id(id.getName(), Tags.of(id.getTagsAsIterable()), id.getBaseUnit(),
                        description.replace('"', '\''), id.getType());
            }
        };
    }
}
