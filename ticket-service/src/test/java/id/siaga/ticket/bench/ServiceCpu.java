package id.siaga.ticket.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A process's CPU time as /proc counts it, all of it and its JIT compiler threads' part, so that a benchmark can
 * print how much of a measured run's CPU went to compiling rather than to the work (the compiler keeps busy for
 * minutes under a new load).
 */
record ServiceCpu(long ticks, long compilerTicks, long nanos) {

    /** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
    static final long TICKS_PER_SECOND = 100;

    /** @return the process's CPU time now (zeros when it is gone or /proc cannot be read) */
    static ServiceCpu of(long pid) {
        long now = System.nanoTime();
        long compiler = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path thread : threads) {
                String name = Files.readString(thread.resolve("comm")).trim();
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    compiler += ticks(Files.readString(thread.resolve("stat")));
                }
            }
            return new ServiceCpu(ticks(pid), compiler, now);
        } catch (IOException | RuntimeException gone) {
            return new ServiceCpu(0, 0, now);
        }
    }

    /** @return user and system CPU time of a process, in clock ticks (0 when it is gone) */
    static long ticks(long pid) {
        try {
            return ticks(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** @return "0.81 (JIT 0.30)": the cores the process, and of them its JIT compiler, used until a later sample */
    String until(ServiceCpu later) {
        return String.format(Locale.ROOT, "%.2f (JIT %.2f)", cores(later.ticks - ticks, later),
                compilerCoresUntil(later));
    }

    /** @return the cores the process's JIT compiler used between this sample and a later one */
    double compilerCoresUntil(ServiceCpu later) {
        return cores(later.compilerTicks - compilerTicks, later);
    }

    private double cores(long ticksBetween, ServiceCpu later) {
        double seconds = (later.nanos - nanos) / 1e9;
        return seconds <= 0 ? 0 : ticksBetween / (double) TICKS_PER_SECOND / seconds;
    }

    /** @return utime + stime of a /proc stat line (its fields after the command name, which may hold spaces) */
    private static long ticks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
