package id.siaga.agent.check;

import id.siaga.agent.check.HostSource.FileSystemEntry;
import id.siaga.agent.check.HostSource.Space;
import id.siaga.agent.config.CheckSpec;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code host}: CPU load, memory and swap use, free space and inodes of each real file system, and uptime of
 * this machine, read from {@code /proc} on Linux ({@link ProcHost}) and through OSHI elsewhere ({@link OshiHost}).
 * CPU load is measured between the ticks of the previous run and this one, so a run never waits, except the very
 * first, which takes a short baseline. The list of file systems is read only every {@link #MOUNT_REFRESH}
 * (OSHI lists them by running {@code lsblk}); their space is read each run. The status is the worst sub-result.
 */
public final class HostCheck implements Check {

    /** Wait between the two tick readings of the first run. */
    static final Duration BASELINE = Duration.ofMillis(250);
    /** Age after which the list of file systems is read again. */
    static final Duration MOUNT_REFRESH = Duration.ofMinutes(10);

    private static final Set<String> SKIPPED_TYPES = Set.of(
            "tmpfs", "devtmpfs", "ramfs", "squashfs", "overlay", "proc", "sysfs", "cgroup", "cgroup2", "devpts",
            "mqueue", "hugetlbfs", "debugfs", "tracefs", "securityfs", "pstore", "bpf", "autofs", "fusectl",
            "configfs", "binfmt_misc", "efivarfs", "nsfs", "rpc_pipefs", "iso9660", "udf", "fuse.lxcfs",
            "fuse.gvfsd-fuse", "fuse.portal", "zram", "selinuxfs", "nfsd");
    private static final List<String> SKIPPED_MOUNT_PREFIXES = List.of(
            "/proc", "/sys", "/dev", "/run", "/snap/", "/var/lib/docker/", "/var/lib/containers/",
            "/var/lib/kubelet/");

    private final CheckSpec.Host spec;
    private final HostSource host;
    private final List<PathMatcher> excluded;
    private long[] previousTicks;
    private List<FileSystemEntry> stores;
    private long storesReadAt;

    HostCheck(CheckSpec.Host spec, HostSource host) {
        this.spec = spec;
        this.host = host;
        List<PathMatcher> matchers = new ArrayList<>();
        for (String glob : spec.excludeMounts()) {
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
        }
        this.excluded = List.copyOf(matchers);
    }

    @Override
    public synchronized CheckResult run() throws InterruptedException {
        Map<String, Double> measurements = new LinkedHashMap<>();
        List<SubResult> problems = new ArrayList<>();
        List<String> summary = new ArrayList<>();

        double cpuPct = cpuLoadPercent();
        measurements.put("cpuLoad", round(cpuPct));
        double loadAverage = host.loadAverage1();
        if (loadAverage >= 0) {
            measurements.put("load1", round(loadAverage));
        }
        judge(problems, "cpu load", cpuPct, spec.cpuWarnPct(), spec.cpuCritPct(), true);
        summary.add("cpu " + pct(cpuPct));

        MemInfo mem = host.memory();
        long total = mem != null ? mem.total() : 0;
        if (total > 0) {
            double memPct = 100.0 * (total - mem.available()) / total;
            measurements.put("memUsedPct", round(memPct));
            judge(problems, "memory used", memPct, spec.memWarnPct(), spec.memCritPct(), true);
            summary.add("memory " + pct(memPct) + " of " + Levels.bytes(total));
        }
        long swapTotal = mem != null ? mem.swapTotal() : 0;
        if (swapTotal > 0) {
            long swapUsed = mem.swapTotal() - mem.swapFree();
            double swapPct = 100.0 * swapUsed / swapTotal;
            measurements.put("swapUsedPct", round(swapPct));
            judge(problems, "swap used", swapPct, spec.swapWarnPct(), spec.swapCritPct(), true);
            summary.add("swap " + pct(swapPct));
        } else {
            summary.add("no swap");
        }

        List<FileSystemEntry> current = currentFileStores();
        String leastFree = null;
        double leastFreePct = Double.MAX_VALUE;
        int judged = 0;
        List<Space> spaces = host.spaces(current);
        for (int i = 0; i < current.size(); i++) {
            String mount = current.get(i).mount();
            Space space = spaces.get(i);
            if (space == null || space.total() <= 0) {
                stores = null;
                continue;
            }
            judged++;
            double freePct = 100.0 * space.usable() / space.total();
            measurements.put("fs." + mount + ".freePct", round(freePct));
            judge(problems, "disk " + mount, freePct, spec.diskFreeWarnPct(), spec.diskFreeCritPct(), false,
                    " free", ", " + Levels.bytes(space.usable()) + " left");
            if (freePct < leastFreePct) {
                leastFreePct = freePct;
                leastFree = mount;
            }
            if (space.inodes() > 0 && space.inodesFree() >= 0) {
                double inodesPct = 100.0 * space.inodesFree() / space.inodes();
                measurements.put("fs." + mount + ".inodesFreePct", round(inodesPct));
                judge(problems, "inodes " + mount, inodesPct, spec.inodesFreeWarnPct(), spec.inodesFreeCritPct(),
                        false, " free", "");
            }
        }
        if (leastFree != null) {
            summary.add(judged + (judged == 1 ? " file system" : " file systems")
                    + " (least free " + leastFree + " " + pct(leastFreePct) + ")");
        }

        long uptime = host.uptimeSeconds();
        measurements.put("uptimeSeconds", (double) uptime);
        summary.add("up " + Levels.age(uptime));

        problems.sort(Comparator.comparing((SubResult f) -> f.status() == Status.CRIT ? 0 : 1));
        Status status = Status.OK;
        List<String> parts = new ArrayList<>(problems.size() + 1);
        for (SubResult problem : problems) {
            status = status.worst(problem.status());
            parts.add(problem.text());
        }
        parts.add(String.join(", ", summary));
        return new CheckResult(status, String.join("; ", parts), measurements);
    }

    @Override
    public Duration timeout() {
        return spec.timeout();
    }

    private double cpuLoadPercent() throws InterruptedException {
        long[] ticks = host.cpuTicks();
        long[] previous = previousTicks;
        if (previous == null) {
            Thread.sleep(BASELINE.toMillis());
            previous = ticks;
            ticks = host.cpuTicks();
        }
        previousTicks = ticks;
        return 100.0 * host.cpuLoadBetween(previous, ticks);
    }

    private List<FileSystemEntry> currentFileStores() {
        long now = System.nanoTime();
        if (stores == null || now - storesReadAt > MOUNT_REFRESH.toNanos()) {
            stores = fileStores();
            storesReadAt = now;
        }
        return stores;
    }

    /** @return the file systems to judge: local, writable, real, not excluded, one per volume */
    List<FileSystemEntry> fileStores() {
        Map<String, FileSystemEntry> byVolume = new HashMap<>();
        for (FileSystemEntry store : host.fileSystems()) {
            String mount = store.mount();
            if (!wanted(store, mount)) {
                continue;
            }
            String volume = store.volume().isEmpty() ? mount : store.volume();
            byVolume.merge(volume, store, (a, b) -> a.mount().length() <= b.mount().length() ? a : b);
        }
        List<FileSystemEntry> result = new ArrayList<>(byVolume.values());
        result.sort(Comparator.comparing(FileSystemEntry::mount));
        return result;
    }

    private boolean wanted(FileSystemEntry store, String mount) {
        if (mount == null || mount.isEmpty() || store.totalSpace() <= 0) {
            return false;
        }
        if (!spec.mounts().isEmpty()) {
            return spec.mounts().contains(mount);
        }
        String type = store.type().toLowerCase(Locale.ROOT);
        boolean readOnly = Arrays.asList(store.options().split(",")).contains("ro");
        if (SKIPPED_TYPES.contains(type) && !mount.equals("/") || readOnly) {
            return false;
        }
        for (String prefix : SKIPPED_MOUNT_PREFIXES) {
            if (mount.equals(prefix) || mount.startsWith(prefix + (prefix.endsWith("/") ? "" : "/"))) {
                return false;
            }
        }
        Path path = Path.of(mount);
        for (PathMatcher matcher : excluded) {
            if (matcher.matches(path)) {
                return false;
            }
        }
        return true;
    }

    private static void judge(List<SubResult> problems, String what, double value, double warn, double crit,
                              boolean high) {
        judge(problems, what, value, warn, crit, high, "", "");
    }

    private static void judge(List<SubResult> problems, String what, double value, double warn, double crit,
                              boolean high, String unitWord, String after) {
        Status status = high ? Levels.above(value, warn, crit) : Levels.below(value, warn, crit);
        if (status != Status.OK) {
            problems.add(new SubResult(status, what + ": " + pct(value) + unitWord
                    + Levels.limits(high ? ">" : "<", warn, crit, "%") + after));
        }
    }

    private static String pct(double value) {
        return Levels.oneDecimal(value) + "%";
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private record SubResult(Status status, String text) {
    }
}
