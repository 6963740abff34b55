package id.siaga.agent.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * This machine's figures on Linux, read where OSHI reads them but without it: CPU ticks from {@code /proc/stat},
 * the load average from {@code /proc/loadavg}, memory from {@code /proc/meminfo} ({@link MemInfo}), uptime from
 * {@code /proc/uptime}, the file systems from {@code /proc/self/mounts} (the local, non-pseudo ones OSHI lists)
 * and their space and inodes from {@code statvfs} ({@link Statvfs}), or from Java's {@link FileStore} without
 * inodes when that cannot be called.
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

    private boolean statvfs = true;

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
            FileSystemEntry listed = new FileSystemEntry(mount, unescape(fields[0]), type, fields[3], 0);
            Space space = space(listed);
            entries.add(new FileSystemEntry(mount, listed.volume(), type, fields[3],
                    space == null ? 0 : space.total()));
        }
        return entries;
    }

    @Override
    public Space space(FileSystemEntry fileSystem) {
        if (statvfs) {
            try {
                long[] stat = Statvfs.of(fileSystem.mount());
                if (stat == null) {
                    return null;
                }
                return new Space(stat[0], stat[1], stat[2], stat[3]);
            } catch (LinkageError e) {
                statvfs = false;
            }
        }
        try {
            FileStore store = Files.getFileStore(Path.of(fileSystem.mount()));
            return new Space(store.getTotalSpace(), store.getUsableSpace(), 0, -1);
        } catch (IOException | RuntimeException e) {
            return null;
        }
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
