package id.siaga.agent.check;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * This machine's figures on Linux, read where OSHI reads them but without it: CPU ticks from {@code /proc/stat},
 * the load average from {@code /proc/loadavg}, memory from {@code /proc/meminfo} ({@link MemInfo}), uptime from
 * {@code /proc/uptime}, the file systems from {@code /proc/self/mounts} (the local, non-pseudo ones OSHI lists),
 * their size and free space from Java ({@code statvfs} through {@link File}), and their inodes, which Java does
 * not give, from one {@code df --output=itotal,iavail,target} ({@link #DF_TIMEOUT} at most; without
 * {@code df} the inodes are left out, as OSHI leaves them out where it cannot read them), run again only after
 * {@link #INODE_REFRESH} or when the file systems change: inodes run out over hours, and a process started every
 * cycle would be most of the host check's cost. No native library is loaded.
 */
final class ProcHost implements HostSource {

    private static final Path STAT = Path.of("/proc/stat");
    private static final Path LOADAVG = Path.of("/proc/loadavg");
    private static final Path UPTIME = Path.of("/proc/uptime");
    private static final Path MOUNTS = Path.of("/proc/self/mounts");
    /** Ticks of {@code /proc/stat}'s {@code cpu} line used: user, nice, system, idle, iowait, irq, softirq, steal. */
    private static final int TICK_KINDS = 8;
    private static final int IDLE = 3;
    private static final int IOWAIT = 4;
    /** Network file systems, left out as OSHI leaves them out of its local file systems. */
    private static final Set<String> NETWORK_TYPES = Set.of(
            "afs", "cifs", "smbfs", "sshfs", "ncpfs", "ncp", "nfs", "nfs4", "gfs", "gds2", "glusterfs");
    /** Pseudo file systems, left out (except on {@code /}) as OSHI leaves them out. */
    private static final Set<String> PSEUDO_TYPES = Set.of(
            "anon_inodefs", "autofs", "bdev", "binfmt_misc", "bpf", "cgroup", "cgroup2", "configfs", "cpuset",
            "dax", "debugfs", "devpts", "devtmpfs", "drm", "ecryptfs", "efivarfs", "fuse", "fusectl", "hugetlbfs",
            "inotifyfs", "mqueue", "nfsd", "overlay", "proc", "pstore", "rootfs", "rpc_pipefs", "securityfs",
            "selinuxfs", "sunrpc", "sysfs", "systemd-1", "tracefs", "usbfs", "procfs", "devfs", "ctfs", "fdescfs",
            "objfs", "mntfs", "sharefs", "lofs");

    /** Longest wait for {@code df}. */
    static final Duration DF_TIMEOUT = Duration.ofSeconds(5);
    private static final List<String> DF_PATHS = List.of("/usr/bin/df", "/bin/df");

    /** How long one {@code df} reading of the inodes is used for. */
    static final Duration INODE_REFRESH = Duration.ofMinutes(5);

    private final String df = firstExisting(DF_PATHS);
    private final LongSupplier nanoTime;
    private List<String> inodeMounts = List.of();
    private Map<String, long[]> inodes = Map.of();
    private long inodesReadAt;
    /** How many times the inodes were read (one {@code df} run each where {@code df} exists). */
    int dfRuns;

    ProcHost() {
        this(System::nanoTime);
    }

    /** @param nanoTime the clock the inode reading ages by, as {@link System#nanoTime()} */
    ProcHost(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** @return whether this machine has the {@code /proc} files read here */
    static boolean available() {
        return Files.isReadable(STAT) && Files.isReadable(MOUNTS) && Files.isReadable(UPTIME);
    }

    @Override
    public long[] cpuTicks() {
        long[] ticks = new long[TICK_KINDS];
        String text = read(STAT);
        if (text == null || !text.startsWith("cpu ")) {
            return ticks;
        }
        int end = text.indexOf('\n');
        String[] fields = text.substring(4, end < 0 ? text.length() : end).trim().split(" +");
        for (int i = 0; i < TICK_KINDS && i < fields.length; i++) {
            ticks[i] = Long.parseLong(fields[i]);
        }
        return ticks;
    }

    @Override
    public double cpuLoadBetween(long[] previous, long[] ticks) {
        long total = 0;
        for (int i = 0; i < ticks.length; i++) {
            total += ticks[i] - previous[i];
        }
        long idle = ticks[IDLE] + ticks[IOWAIT] - previous[IDLE] - previous[IOWAIT];
        return total > 0 ? (double) (total - idle) / total : 0;
    }

    @Override
    public double loadAverage1() {
        return firstNumber(LOADAVG);
    }

    @Override
    public MemInfo memory() {
        return MemInfo.read();
    }

    @Override
    public List<FileSystemEntry> fileSystems() {
        List<FileSystemEntry> entries = new ArrayList<>();
        String text = read(MOUNTS);
        if (text == null) {
            return entries;
        }
        for (String line : text.split("\n")) {
            String[] fields = line.split(" ");
            if (fields.length < 4) {
                continue;
            }
            String mount = unescape(fields[1]);
            String type = fields[2];
            if (NETWORK_TYPES.contains(type) || !mount.equals("/") && PSEUDO_TYPES.contains(type)) {
                continue;
            }
            entries.add(new FileSystemEntry(mount, unescape(fields[0]), type, fields[3],
                    new File(mount).getTotalSpace()));
        }
        return entries;
    }

    @Override
    public List<Space> spaces(List<FileSystemEntry> fileSystems) {
        Map<String, long[]> inodes = inodes(fileSystems);
        List<Space> spaces = new ArrayList<>(fileSystems.size());
        for (FileSystemEntry fileSystem : fileSystems) {
            File mount = new File(fileSystem.mount());
            long total = mount.getTotalSpace();
            long[] counts = inodes.get(fileSystem.mount());
            spaces.add(total <= 0 ? null : new Space(total, mount.getUsableSpace(), counts == null ? 0 : counts[0],
                    counts == null ? -1 : counts[1]));
        }
        return spaces;
    }

    /**
     * @return inodes in total and free by mount point, from the last {@code df} run if it is younger than
     * {@link #INODE_REFRESH} and was for the same file systems, else from a new one
     */
    private synchronized Map<String, long[]> inodes(List<FileSystemEntry> fileSystems) {
        List<String> mounts = new ArrayList<>(fileSystems.size());
        for (FileSystemEntry fileSystem : fileSystems) {
            mounts.add(fileSystem.mount());
        }
        long now = nanoTime.getAsLong();
        if (dfRuns == 0 || !mounts.equals(inodeMounts) || now - inodesReadAt >= INODE_REFRESH.toNanos()) {
            inodes = readInodes(fileSystems);
            inodeMounts = mounts;
            inodesReadAt = now;
        }
        return inodes;
    }

    /** @return inodes in total and free by mount point, from one {@code df} run; empty when it cannot run */
    private Map<String, long[]> readInodes(List<FileSystemEntry> fileSystems) {
        dfRuns++;
        Map<String, long[]> inodes = new HashMap<>();
        if (df == null || fileSystems.isEmpty()) {
            return inodes;
        }
        List<String> command = new ArrayList<>(List.of(df, "--output=itotal,iavail,target", "--"));
        for (FileSystemEntry fileSystem : fileSystems) {
            command.add(fileSystem.mount());
        }
        Process process = null;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().put("LC_ALL", "C");
            process = builder.start();
            if (!process.waitFor(DF_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                return inodes;
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            for (String line : output.split("\n")) {
                parseDfLine(line.strip(), inodes);
            }
        } catch (IOException e) {
            return inodes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
        }
        return inodes;
    }

    /** Adds a {@code df} line {@code ITOTAL IAVAIL MOUNT} to {@code inodes}; the header and others are skipped. */
    static void parseDfLine(String line, Map<String, long[]> inodes) {
        int first = line.indexOf(' ');
        if (first < 0) {
            return;
        }
        String rest = line.substring(first).stripLeading();
        int second = rest.indexOf(' ');
        if (second < 0) {
            return;
        }
        try {
            long total = Long.parseLong(line.substring(0, first));
            long free = Long.parseLong(rest.substring(0, second));
            inodes.put(rest.substring(second).strip(), new long[] {total, free});
        } catch (NumberFormatException e) {
            // the header, or "-" for a file system without inodes
        }
    }

    private static String firstExisting(List<String> paths) {
        for (String path : paths) {
            if (Files.isExecutable(Path.of(path))) {
                return path;
            }
        }
        return null;
    }

    @Override
    public long uptimeSeconds() {
        return (long) firstNumber(UPTIME);
    }

    /** @return the first number of a one-line file such as {@code /proc/uptime}, or -1 when it cannot be read */
    private static double firstNumber(Path file) {
        String text = read(file);
        if (text == null) {
            return -1;
        }
        int space = text.indexOf(' ');
        try {
            return Double.parseDouble(space < 0 ? text.trim() : text.substring(0, space));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** @return a field of {@code /proc/self/mounts} with its octal escapes ({@code \040} for a space) undone */
    static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder text = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && isOctal(field, i + 1)) {
                text.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    private static boolean isOctal(String field, int from) {
        for (int i = from; i < from + 3; i++) {
            if (field.charAt(i) < '0' || field.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.US_ASCII);
        } catch (IOException | SecurityException e) {
            return null;
        }
    }
}
