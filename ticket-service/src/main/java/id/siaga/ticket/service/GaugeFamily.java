package id.siaga.ticket.service;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.config.NamingConvention;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.prometheus.client.Collector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * One gauge name with a series per combination of label values, set as a whole from a database read: series that
 * the read no longer returns are either held at 0 (a fixed set, such as the SOP's steps) or removed (servers' checks).
 * <p>
 * The series are not Micrometer meters: the family keeps the last read and hands it to the Prometheus registry when
 * it is scraped, with the name, description and labels a Micrometer gauge would have. A meter per series cost about
 * 350 bytes of Micrometer's own objects (its id, tags, and the composite and Prometheus registries' wrappers), which
 * a national hub's 2,000 servers with their checks made some 8 MB always live.
 */
public final class GaugeFamily {

    private final String name;
    private final List<String> labels;
    private final boolean removeMissing;
    private volatile Map<List<String>, Long> values = Map.of();

    /**
     * @param registry      the registry whose Prometheus registry (itself or one of a composite's) shows the series
     * @param baseUnit      the unit appended to the name (e.g. "seconds"), or null
     * @param removeMissing true to remove a series the next read does not return, false to set it to 0
     */
    public GaugeFamily(MeterRegistry registry, String name, String description, String baseUnit, boolean removeMissing,
            String... labels) {
        this.name = name;
        this.removeMissing = removeMissing;
        this.labels = List.of(labels);
        PrometheusMeterRegistry prometheus = prometheus(registry);
        if (prometheus != null) {
            new Series(prometheus.config().namingConvention(), name, description, baseUnit)
                    .register(prometheus.getPrometheusRegistry());
        }
    }

    /** Sets every series read; the label values of each key are in the order of the labels given at construction. */
    public void set(Map<List<String>, Long> read) {
        Map<List<String>, Long> next = new HashMap<>(read);
        for (List<String> key : next.keySet()) {
            if (key.size() != labels.size()) {
                throw new IllegalArgumentException(name + " takes " + labels + ", not " + key);
            }
        }
        if (!removeMissing) {
            values.keySet().forEach(known -> next.putIfAbsent(known, 0L));
        }
        values = next;
    }

    /** @return the Prometheus registry behind {@code registry}, or null when there is none (no Prometheus export) */
    private static PrometheusMeterRegistry prometheus(MeterRegistry registry) {
        if (registry instanceof PrometheusMeterRegistry prometheus) {
            return prometheus;
        }
        if (registry instanceof CompositeMeterRegistry composite) {
            for (MeterRegistry member : composite.getRegistries()) {
                PrometheusMeterRegistry found = prometheus(member);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The family as the Prometheus registry collects it, at each scrape. */
    private final class Series extends Collector {

        private final String metric;
        private final String help;
        /** The label names in Micrometer's order (sorted), and where each one's value sits in a key. */
        private final List<String> labelNames;
        private final int[] order;

        Series(NamingConvention naming, String name, String description, String baseUnit) {
            this.metric = naming.name(name, Meter.Type.GAUGE, baseUnit);
            this.help = description;
            this.order = IntStream.range(0, labels.size()).boxed()
                    .sorted(Comparator.comparing(labels::get)).mapToInt(Integer::intValue).toArray();
            this.labelNames = IntStream.of(order).mapToObj(i -> naming.tagKey(labels.get(i))).toList();
        }

        @Override
        public List<MetricFamilySamples> collect() {
            Map<List<String>, Long> now = values;
            if (now.isEmpty()) {
                return List.of();
            }
            List<MetricFamilySamples.Sample> samples = new ArrayList<>(now.size());
            now.forEach((key, value) -> {
                List<String> labelValues = new ArrayList<>(order.length);
                for (int i : order) {
                    labelValues.add(key.get(i) == null ? "" : key.get(i));
                }
                samples.add(new MetricFamilySamples.Sample(metric, labelNames, labelValues, value));
            });
            return List.of(new MetricFamilySamples(metric, Type.GAUGE, help, samples));
        }
    }
}
