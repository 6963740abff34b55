package id.siaga.agent.check;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MemInfoTest {

    @Test
    void readsMemoryAndSwapInBytes() {
        MemInfo mem = MemInfo.parse("""
                MemTotal:       24576000 kB
                MemFree:         1000000 kB
                MemAvailable:   12288000 kB
                Buffers:          200000 kB
                SwapTotal:       2097152 kB
                SwapFree:        1048576 kB
                HugePages_Total:       0
                """);
        assertEquals(new MemInfo(24_576_000L * 1024, 12_288_000L * 1024, 2_097_152L * 1024, 1_048_576L * 1024), mem);
    }

    @Test
    void estimatesAvailableMemoryOnKernelsWithoutMemAvailable() {
        MemInfo mem = MemInfo.parse("""
                MemTotal:        4000 kB
                MemFree:         1000 kB
                Active(file):     500 kB
                Inactive(file):   300 kB
                SReclaimable:     200 kB
                """);
        assertEquals(2000L * 1024, mem.available());
        assertEquals(0, mem.swapTotal());
    }

    @Test
    void isNullWithoutMemTotal() {
        assertNull(MemInfo.parse("nothing here\n"));
    }
}
