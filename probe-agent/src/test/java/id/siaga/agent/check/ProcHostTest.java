package id.siaga.agent.check;

import id.siaga.agent.check.HostSource.FileSystemEntry;
import id.siaga.agent.check.HostSource.Space;
import id.siaga.agent.config.CheckSpec;
import org.junit.jupiter.api.Test;
import oshi.SystemInfo;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code /proc} readers against OSHI's figures for this same machine. */
class ProcHostTest {

    private static final ProcHost PROC = new ProcHost();
    private static final OshiHost OSHI = new OshiHost(new SystemInfo());

    @Test
    void isAvailableOnThisLinuxMachine() {
        assertTrue(ProcHost.available());
    }

    @Test
    void readsTheSameMemoryAndSwapTotalsAsOshi() {
        MemInfo proc = PROC.memory();
        MemInfo oshi = OSHI.memory();
        assertNotNull(proc);
        assertEquals(oshi.total(), proc.total());
        assertEquals(oshi.swapTotal(), proc.swapTotal());
        assertEquals(oshi.available(), proc.available(), 64 * 1024 * 1024.0);
    }

    @Test
    void readsTheSameUptimeAndLoadAverageAsOshi() {
        assertEquals(OSHI.uptimeSeconds(), PROC.uptimeSeconds(), 2);
        assertEquals(OSHI.loadAverage1(), PROC.loadAverage1(), 0.5);
    }

    @Test
    void measuresTheSameCpuLoadAsOshiOverTheSameTicks() throws InterruptedException {
        long[] procBefore = PROC.cpuTicks();
        long[] oshiBefore = OSHI.cpuTicks();
        Thread.sleep(500);
        long[] procAfter = PROC.cpuTicks();
        long[] oshiAfter = OSHI.cpuTicks();
        double proc = PROC.cpuLoadBetween(procBefore, procAfter);
        double oshi = OSHI.cpuLoadBetween(oshiBefore, oshiAfter);
        assertTrue(proc >= 0 && proc <= 1, "cpu load " + proc);
        assertEquals(oshi, proc, 0.15);
    }

    @Test
    void judgesTheSameFileSystemsWithTheSameSpaceAsOshi() {
        CheckSpec.Host spec = new CheckSpec.Host(100, 100, 100, 100, 100, 100, 0, 0, 0, 0, List.of(), List.of(),
                Duration.ofSeconds(10));
        List<String> proc = new HostCheck(spec, PROC).fileStores().stream().map(FileSystemEntry::mount).toList();
        List<String> oshi = new HostCheck(spec, OSHI).fileStores().stream().map(FileSystemEntry::mount).toList();
        assertFalse(proc.isEmpty());
        assertEquals(oshi, proc);

        FileSystemEntry root = OSHI.fileSystems().stream().filter(f -> f.mount().equals("/")).findFirst()
                .orElseThrow();
        Space procRoot = PROC.spaces(List.of(root)).get(0);
        Space oshiRoot = OSHI.spaces(List.of(root)).get(0);
        assertEquals(oshiRoot.total(), procRoot.total());
        assertEquals(oshiRoot.inodes(), procRoot.inodes());
        assertEquals(oshiRoot.inodesFree(), procRoot.inodesFree(), 10_000);
        assertEquals(oshiRoot.usable(), procRoot.usable(), 256 * 1024 * 1024.0);
    }

    @Test
    void readsTheInodesAgainOnlyAfterTheRefreshTimeOrForOtherFileSystems() {
        long[] now = {0};
        ProcHost host = new ProcHost(() -> now[0]);
        List<FileSystemEntry> all = host.fileSystems();
        FileSystemEntry root = all.stream().filter(f -> f.mount().equals("/")).findFirst().orElseThrow();
        Space first = host.spaces(List.of(root)).get(0);
        assertEquals(1, host.dfRuns);
        assertTrue(first.inodes() > 0, "the root file system's inodes are read");

        now[0] += ProcHost.INODE_REFRESH.toNanos() - 1;
        Space again = host.spaces(List.of(root)).get(0);
        assertEquals(1, host.dfRuns, "within the refresh time the last reading is used");
        assertEquals(first.inodes(), again.inodes());
        assertEquals(first.total(), again.total(), "sizes are read every time");

        host.spaces(all);
        assertEquals(2, host.dfRuns, "other file systems are read at once");
        now[0] += ProcHost.INODE_REFRESH.toNanos();
        host.spaces(all);
        assertEquals(3, host.dfRuns, "after the refresh time they are read again");
    }

    @Test
    void readsInodeCountsFromDfLines() {
        Map<String, long[]> inodes = new HashMap<>();
        ProcHost.parseDfLine("Inodes IFree Mounted on", inodes);
        ProcHost.parseDfLine("16777216 16353160 /", inodes);
        ProcHost.parseDfLine("3085446  3085441 /media/my disk", inodes);
        ProcHost.parseDfLine("- - /boot/efi", inodes);
        assertEquals(2, inodes.size());
        assertEquals(16353160, inodes.get("/")[1]);
        assertEquals(3085446, inodes.get("/media/my disk")[0]);
    }

    @Test
    void undoesTheOctalEscapesOfMountPoints() {
        assertEquals("/media/my disk", ProcHost.unescape("/media/my\\040disk"));
        assertEquals("/plain", ProcHost.unescape("/plain"));
    }
}
