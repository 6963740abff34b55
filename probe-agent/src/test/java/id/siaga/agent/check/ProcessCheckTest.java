package id.siaga.agent.check;

import id.siaga.agent.config.CheckSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import oshi.SystemInfo;
import oshi.software.os.OperatingSystem;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessCheckTest {

    private static final OperatingSystem OS = new SystemInfo().getOperatingSystem();

    private final List<Process> started = new ArrayList<>();
    private final String marker = Long.toString(3_000 + System.nanoTime() % 1_000);

    @AfterEach
    void stopProcesses() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void findsAProcessThatRuns() throws IOException {
        start();
        CheckResult result = check("sleep " + marker, 1, null);
        assertEquals(Status.OK, result.status(), result.message());
        assertEquals(1.0, result.measurements().get("count"));
        assertTrue(result.message().startsWith("'sleep " + marker + "': 1 running (pid "), result.message());
    }

    @Test
    void matchesTheProcessNameToo() throws IOException {
        start();
        CheckResult result = check("sleep", 1, null);
        assertEquals(Status.OK, result.status(), result.message());
        assertTrue(result.measurements().get("count") >= 1);
    }

    @Test
    void isCriticalWhenNoProcessHasTheName() throws IOException {
        CheckResult result = check("siak-no-such-daemon-" + marker, 1, null);
        assertEquals(Status.CRIT, result.status());
        assertEquals("'siak-no-such-daemon-" + marker + "' not running (expected at least 1)", result.message());
        assertEquals(0.0, result.measurements().get("count"));
    }

    @Test
    void warnsWhenMoreProcessesRunThanAllowed() throws IOException {
        start();
        start();
        CheckResult result = check("sleep " + marker, 1, 1);
        assertEquals(Status.WARN, result.status(), result.message());
        assertEquals(2.0, result.measurements().get("count"));
    }

    @Test
    void findsTheSameProcessesThroughOshiAsThroughProc() throws Exception {
        start();
        start();
        CheckSpec.Process spec = new CheckSpec.Process("sleep " + marker, 1, null, Duration.ofSeconds(10));
        CheckResult procfs = new ProcessCheck(spec, OS, true).run();
        CheckResult oshi = new ProcessCheck(spec, OS, false).run();
        assertEquals(Status.OK, oshi.status(), oshi.message());
        assertEquals(procfs.message(), oshi.message());
        assertEquals(2.0, oshi.measurements().get("count"));
    }

    private CheckResult check(String name, int min, Integer max) throws IOException {
        return new ProcessCheck(new CheckSpec.Process(name, min, max, Duration.ofSeconds(10)), OS, ProcessCheck.PROCFS).run();
    }

    private void start() throws IOException {
        started.add(new ProcessBuilder("sleep", marker).start());
    }
}
