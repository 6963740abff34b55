package id.siaga.agent.check;

import java.util.List;

/**
 * Where {@link HostCheck} reads this machine's figures: {@link ProcHost} from {@code /proc} on Linux,
 * {@link OshiHost} through OSHI elsewhere.
 */
interface HostSource {

    /** @return the CPU ticks since boot, per kind of time, for {@link #cpuLoadBetween} */
    long[] cpuTicks();

    /** @return the share of non-idle CPU time between two {@link #cpuTicks()} readings, between 0 and 1 */
    double cpuLoadBetween(long[] previous, long[] ticks);

    /** @return the load average over the last minute, or a negative number when unknown */
    double loadAverage1();

    /** @return memory and swap in bytes, or {@code null} when they cannot be read */
    MemInfo memory();

    /** @return the local file systems, in the order the system lists them; empty rather than null */
    List<FileSystemEntry> fileSystems();

    /**
     * @return the size and free space of each file system now, in the same order; {@code null} for one that
     *     cannot be read
     */
    List<Space> spaces(List<FileSystemEntry> fileSystems);

    /** @return seconds since boot */
    long uptimeSeconds();

    /**
     * A mounted file system.
     *
     * @param mount      where it is mounted
     * @param volume     the device or volume it is on, or empty
     * @param type       its file system type, such as {@code ext4}
     * @param options    its mount options, comma separated
     * @param totalSpace its size in bytes when listed
     */
    record FileSystemEntry(String mount, String volume, String type, String options, long totalSpace) {
    }

    /**
     * Size and free room of a file system.
     *
     * @param total      size in bytes
     * @param usable     bytes free for unprivileged users
     * @param inodes     number of inodes, or 0 when unknown
     * @param inodesFree number of free inodes, or -1 when unknown
     */
    record Space(long total, long usable, long inodes, long inodesFree) {
    }
}
