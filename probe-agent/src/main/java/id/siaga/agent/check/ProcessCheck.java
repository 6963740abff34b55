package id.siaga.agent.check;

import id.siaga.agent.config.CheckSpec;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code process}: counts the processes whose name equals {@code name} or whose command line contains it
 * (the agent's own process excluded) and compares the count with {@code min} (CRIT below) and {@code max}
 * (WARN above). Names and command lines are OSHI's; on Linux they are read straight from
 * {@code /proc/<pid>/comm} and {@code /proc/<pid>/cmdline}, where OSHI takes them from, because building a
 * full OSHI process record for every process costs several milliseconds of CPU per cycle.
 */
public final class ProcessCheck implements Check {

    private static final Path PROC = Path.of("/proc");
    /** Whether this machine's processes can be read from {@code /proc}. */
    static final boolean PROCFS = Files.isReadable(PROC.resolve("self").resolve("comm"));

    private final CheckSpec.Process spec;
    private final OperatingSystem os;
    private final boolean procfs;

    /**
     * @param os     OSHI's operating system, used only without {@code procfs} (may then be {@code null})
     * @param procfs whether to read {@code /proc} directly rather than through OSHI's process list
     */
    ProcessCheck(CheckSpec.Process spec, OperatingSystem os, boolean procfs) {
        this.spec = spec;
        this.os = os;
        this.procfs = procfs;
    }

    @Override
    public CheckResult run() throws IOException {
        List<Integer> found = procfs ? fromProcfs() : fromOshi();
        int count = found.size();
        Map<String, Double> measurements = Map.of("count", (double) count);
        StringBuilder pids = new StringBuilder();
        for (int i = 0; i < Math.min(5, count); i++) {
            pids.append(i == 0 ? "" : ", ").append(found.get(i));
        }
        if (count > 5) {
            pids.append(", …");
        }
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

    private List<Integer> fromOshi() {
        int self = os.getProcessId();
        List<Integer> pids = new ArrayList<>();
        for (OSProcess process : os.getProcesses(p -> p.getProcessID() != self
                && matches(p.getName(), p.getCommandLine()), null, 0)) {
            pids.add(process.getProcessID());
        }
        return pids;
    }

    private List<Integer> fromProcfs() throws IOException {
        long self = ProcessHandle.current().pid();
        List<Integer> pids = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC)) {
            for (Path entry : entries) {
                String pid = entry.getFileName().toString();
                if (pid.isEmpty() || !Character.isDigit(pid.charAt(0)) || Long.parseLong(pid) == self) {
                    continue;
                }
                String name = read(entry.resolve("comm"));
                if (name == null) {
                    continue;
                }
                if (spec.name().equals(name.strip()) || matches(null, commandLine(entry))) {
                    pids.add(Integer.valueOf(pid));
                }
            }
        }
        pids.sort(null);
        return pids;
    }

    private boolean matches(String name, String commandLine) {
        return spec.name().equals(name) || commandLine != null && commandLine.contains(spec.name());
    }

    private static String commandLine(Path process) {
        String raw = read(process.resolve("cmdline"));
        return raw == null ? null : raw.replace('\0', ' ').strip();
    }

    /** @return the file's text, or {@code null} when the process has gone or may not be read */
    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
