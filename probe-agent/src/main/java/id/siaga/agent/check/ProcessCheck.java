package id.siaga.agent.check;

import id.siaga.agent.config.CheckSpec;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code process}: counts the processes whose name equals {@code name} or whose command line contains it
 * (the agent's own process excluded) and compares the count with {@code min} (CRIT below) and {@code max}
 * (WARN above).
 */
public final class ProcessCheck implements Check {

    private final CheckSpec.Process spec;
    private final OperatingSystem os;

    public ProcessCheck(CheckSpec.Process spec, OperatingSystem os) {
        this.spec = spec;
        this.os = os;
    }

    @Override
    public CheckResult run() {
        int self = os.getProcessId();
        List<OSProcess> found = os.getProcesses(p -> p.getProcessID() != self && matches(p), null, 0);
        int count = found.size();
        Map<String, Double> measurements = Map.of("count", (double) count);
        String pids = found.stream().limit(5).map(p -> Integer.toString(p.getProcessID()))
                .collect(Collectors.joining(", ")) + (count > 5 ? ", …" : "");
        String subject = "'" + spec.name() + "'";
        if (count < spec.min()) {
            String running = count == 0 ? " not running" : ": " + count + " running";
            return new CheckResult(Status.CRIT, subject + running + " (expected at least " + spec.min() + ")",
                    measurements);
        }
        if (spec.max() != null && count > spec.max()) {
            return new CheckResult(Status.WARN, subject + ": " + count + " running (expected at most "
                    + spec.max() + "; pids " + pids + ")", measurements);
        }
        return new CheckResult(Status.OK, subject + ": " + count + " running"
                + (count > 0 ? " (pid " + pids + ")" : ""), measurements);
    }

    @Override
    public Duration timeout() {
        return spec.timeout();
    }

    private boolean matches(OSProcess process) {
        if (spec.name().equals(process.getName())) {
            return true;
        }
        String commandLine = process.getCommandLine();
        return commandLine != null && commandLine.contains(spec.name());
    }
}
