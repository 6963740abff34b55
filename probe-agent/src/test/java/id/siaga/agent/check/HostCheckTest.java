package id.siaga.agent.check;

import id.siaga.agent.config.CheckSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostCheckTest {

    private static final HostSource SYSTEM = new ProcHost();

    @Test
    void measuresThisMachineWithinSaneRanges() throws Exception {
        HostCheck check = new HostCheck(spec(85, 95, 90, 97, 0, 0), SYSTEM);
        CheckResult first = check.run();
        assertNotNull(first.status());
        Map<String, Double> m = first.measurements();
        assertBetween(m.get("cpuLoad"), 0, 100);
        assertBetween(m.get("memUsedPct"), 0, 100);
        assertTrue(m.get("uptimeSeconds") > 0);
        List<String> disks = m.keySet().stream().filter(k -> k.startsWith("fs.") && k.endsWith(".freePct")).toList();
        assertFalse(disks.isEmpty(), m::toString);
        assertTrue(m.containsKey("fs./.freePct"), m::toString);
        disks.forEach(k -> assertBetween(m.get(k), 0, 100));
        assertFalse(m.keySet().stream().anyMatch(k -> k.startsWith("fs./proc") || k.startsWith("fs./sys")
                || k.startsWith("fs./dev")), m::toString);
        assertTrue(first.message().contains("cpu ") && first.message().contains("up "), first.message());

        long started = System.nanoTime();
        CheckResult second = check.run();
        assertTrue((System.nanoTime() - started) / 1e6 < HostCheck.BASELINE.toMillis(),
                "the second run must use the ticks kept from the first instead of waiting");
        assertBetween(second.measurements().get("cpuLoad"), 0, 100);
    }

    @Test
    void readsTheSameFreeSpaceAsJava() throws Exception {
        FileStore root = Files.getFileStore(Path.of("/"));
        double expected = 100.0 * root.getUsableSpace() / root.getTotalSpace();
        CheckResult result = new HostCheck(spec(100, 100, 100, 100, 0, 0), SYSTEM).run();
        assertEquals(expected, result.measurements().get("fs./.freePct"), 0.5);
    }

    @Test
    void warnsWhenFreeSpaceIsBelowTheWarnLimit() throws Exception {
        CheckResult result = new HostCheck(spec(100, 100, 100, 100, 100, 0), SYSTEM).run();
        assertEquals(Status.WARN, result.status(), result.message());
        assertTrue(result.message().matches("disk /\\S*: [\\d.]+% free \\(warn < 100%, crit < 0%\\), .*"),
                result.message());
    }

    @Test
    void isCriticalWhenALimitIsExceeded() throws Exception {
        CheckResult result = new HostCheck(spec(0, 0, 0, 0, 0, 0), SYSTEM).run();
        assertEquals(Status.CRIT, result.status(), result.message());
        assertTrue(result.message().contains("memory used: "), result.message());
        assertTrue(result.message().contains("(warn > 0%, crit > 0%)"), result.message());
    }

    private static CheckSpec.Host spec(double cpuWarn, double cpuCrit, double memWarn, double memCrit,
                                       double diskWarn, double diskCrit) {
        return new CheckSpec.Host(cpuWarn, cpuCrit, memWarn, memCrit, 80, 95, diskWarn, diskCrit, 0, 0,
                List.of(), List.of(), Duration.ofSeconds(10));
    }

    private static void assertBetween(Double value, double low, double high) {
        assertNotNull(value);
        assertTrue(value >= low && value <= high, value + " not within " + low + ".." + high);
    }
}
