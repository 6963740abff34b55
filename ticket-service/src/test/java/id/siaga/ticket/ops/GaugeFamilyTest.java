package id.siaga.ticket.ops;

import id.siaga.ticket.service.GaugeFamily;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A gauge family's series reach Prometheus exactly as Micrometer gauges of the same name, description, unit and tags
 * did (dashboards and alerting rules read them by name and labels), in the text format and in OpenMetrics.
 */
class GaugeFamilyTest {

    private static final String DESCRIPTION = "When the server's agent last reported, in seconds since 1970-01-01 UTC";

    @Test
    void scrapesAsMicrometerGaugesDid() {
        Map<List<String>, Long> read = new LinkedHashMap<>();
        read.put(List.of("siak-db-1", "SIAK_DB", "db"), 2L);
        read.put(List.of("siak-db-1", "SIAK_DB", "disk"), 0L);
        read.put(List.of("ktp el \"2\"", "KTPEL", "http\\login"), 3L);

        PrometheusMeterRegistry micrometer = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        read.forEach((key, value) -> Gauge.builder("siaga.agent.last.seen.timestamp", () -> value)
                .description(DESCRIPTION).baseUnit("seconds")
                .tags("server", key.get(0), "role", key.get(1), "check", key.get(2)).register(micrometer));
        PrometheusMeterRegistry family = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new GaugeFamily(family, "siaga.agent.last.seen.timestamp", DESCRIPTION, "seconds", true,
                "server", "role", "check").set(read);

        assertEquals(lines(micrometer.scrape()), lines(family.scrape()));
        assertEquals(lines(micrometer.scrape(TextFormat.CONTENT_TYPE_OPENMETRICS_100)),
                lines(family.scrape(TextFormat.CONTENT_TYPE_OPENMETRICS_100)));
        assertTrue(family.scrape().contains(
                "siaga_agent_last_seen_timestamp_seconds{check=\"db\",role=\"SIAK_DB\",server=\"siak-db-1\",} 2.0"),
                family.scrape());
    }

    @Test
    void removesOrZeroesTheSeriesAReadNoLongerReturns() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        GaugeFamily checks = new GaugeFamily(prometheus, "siaga.check.status", "status", null, true, "server", "check");
        GaugeFamily steps = new GaugeFamily(prometheus, "siaga.tickets.open", "open", null, false, "step");
        checks.set(Map.of(List.of("a", "db"), 2L, List.of("a", "disk"), 0L));
        steps.set(Map.of(List.of("INSPECTION"), 4L, List.of("ANALYSIS"), 1L));

        checks.set(Map.of(List.of("a", "db"), 0L));
        steps.set(Map.of(List.of("ANALYSIS"), 2L));

        String scrape = prometheus.scrape();
        assertTrue(scrape.contains("siaga_check_status{check=\"db\",server=\"a\",} 0.0"), scrape);
        assertTrue(!scrape.contains("check=\"disk\""), "a check no longer read is gone: " + scrape);
        assertTrue(scrape.contains("siaga_tickets_open{step=\"INSPECTION\",} 0.0"), "held at 0: " + scrape);
        assertTrue(scrape.contains("siaga_tickets_open{step=\"ANALYSIS\",} 2.0"), scrape);
    }

    @Test
    void showsNothingBeforeItsFirstReadAndFindsThePrometheusRegistryInAComposite() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        MeterRegistry composite = new CompositeMeterRegistry(io.micrometer.core.instrument.Clock.SYSTEM,
                List.of(new CompositeMeterRegistry(), prometheus));
        GaugeFamily offices = new GaugeFamily(composite, "siaga.office.silent", "silent", null, true, "office");
        assertTrue(!prometheus.scrape().contains("siaga_office_silent"), "no HELP or TYPE without a series");

        offices.set(Map.of(List.of("13.01"), 1L));
        assertTrue(prometheus.scrape().contains("siaga_office_silent{office=\"13.01\",} 1.0"), prometheus.scrape());
    }

    @Test
    void refusesAKeyWithTheWrongNumberOfLabels() {
        GaugeFamily family = new GaugeFamily(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), "siaga.x", "x",
                null, true, "server", "role");
        assertThrows(IllegalArgumentException.class, () -> family.set(Map.of(List.of("only-one"), 1L)));
    }

    /** @return the scrape's lines without their order (the series of one name come in no fixed order) */
    private static Set<String> lines(String scrape) {
        return new TreeSet<>(Arrays.asList(scrape.split("\n")));
    }
}
