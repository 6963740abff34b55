package id.siaga.ticket.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One gauge name with a series per combination of label values, set as a whole from a database read: series that
 * the read no longer returns are either held at 0 (a fixed set, such as the SOP's steps) or removed (servers' checks).
 */
public final class GaugeFamily {

    private final MeterRegistry registry;
    private final String name;
    private final String description;
    private final String baseUnit;
    private final List<String> labels;
    private final boolean removeMissing;
    private final Map<List<String>, Registered> series = new ConcurrentHashMap<>();

    private record Registered(AtomicLong value, Gauge gauge) {
    }

    /**
     * @param baseUnit        the unit appended to the name (e.g. "seconds"), or null
     * @param removeMissing   true to remove a series the next read does not return, false to set it to 0
     */
    public GaugeFamily(MeterRegistry registry, String name, String description, String baseUnit, boolean removeMissing,
            String... labels) {
        this.registry = registry;
        this.name = name;
        this.description = description;
        this.baseUnit = baseUnit;
        this.removeMissing = removeMissing;
        this.labels = List.of(labels);
    }

    /** Sets every series read; the label values of each key are in the order of the labels given at construction. */
    public void set(Map<List<String>, Long> values) {
        Map<List<String>, Long> all = new HashMap<>(values);
        for (List<String> known : series.keySet()) {
            if (!all.containsKey(known)) {
                if (removeMissing) {
                    Registered gone = series.remove(known);
                    registry.remove(gone.gauge());
                } else {
                    all.put(known, 0L);
                }
            }
        }
        all.forEach((key, value) -> series.computeIfAbsent(key, this::register).value().set(value));
    }

    private Registered register(List<String> values) {
        if (values.size() != labels.size()) {
            throw new IllegalArgumentException(name + " takes " + labels + ", not " + values);
        }
        Tags tags = Tags.empty();
        for (int i = 0; i < labels.size(); i++) {
            tags = tags.and(labels.get(i), values.get(i) == null ? "" : values.get(i));
        }
        AtomicLong value = new AtomicLong();
        Gauge gauge = Gauge.builder(name, value, AtomicLong::get).description(description).baseUnit(baseUnit)
                .tags(tags).strongReference(true).register(registry);
        return new Registered(value, gauge);
    }
}
