package id.siaga.agent.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Memory and swap of a Linux host, in bytes, from one read of {@code /proc/meminfo}; what OSHI's
 * {@code GlobalMemory} and {@code VirtualMemory} report there, read once a run instead of twice and without a
 * regular expression per line.
 *
 * @param total     MemTotal
 * @param available MemAvailable, or on kernels without it MemFree + Active(file) + Inactive(file) + SReclaimable
 * @param swapTotal SwapTotal
 * @param swapFree  SwapFree
 */
record MemInfo(long total, long available, long swapTotal, long swapFree) {

    private static final Path FILE = Path.of("/proc/meminfo");

    /** @return this host's memory now, or {@code null} when {@code /proc/meminfo} cannot be read */
    static MemInfo read() {
        String text;
        try {
            text = new String(Files.readAllBytes(FILE), StandardCharsets.US_ASCII);
        } catch (IOException | SecurityException e) {
            return null;
        }
        return parse(text);
    }

    /** @return the figures of a {@code /proc/meminfo} text, or {@code null} when it has no MemTotal */
    static MemInfo parse(String text) {
        long total = -1;
        long available = -1;
        long free = 0;
        long activeFile = 0;
        long inactiveFile = 0;
        long reclaimable = 0;
        long swapTotal = 0;
        long swapFree = 0;
        int at = 0;
        while (at < text.length()) {
            int end = text.indexOf('\n', at);
            if (end < 0) {
                end = text.length();
            }
            int colon = text.indexOf(':', at);
            if (colon > at && colon < end) {
                String key = text.substring(at, colon);
                long bytes = bytes(text, colon + 1, end);
                switch (key) {
                    case "MemTotal" -> total = bytes;
                    case "MemAvailable" -> available = bytes;
                    case "MemFree" -> free = bytes;
                    case "Active(file)" -> activeFile = bytes;
                    case "Inactive(file)" -> inactiveFile = bytes;
                    case "SReclaimable" -> reclaimable = bytes;
                    case "SwapTotal" -> swapTotal = bytes;
                    case "SwapFree" -> swapFree = bytes;
                    default -> {
                    }
                }
            }
            at = end + 1;
        }
        if (total < 0) {
            return null;
        }
        if (available < 0) {
            available = free + activeFile + inactiveFile + reclaimable;
        }
        return new MemInfo(total, available, swapTotal, swapFree);
    }

    /** @return the number between {@code from} and {@code end}, times 1024 when followed by "kB" */
    private static long bytes(String text, int from, int end) {
        long value = 0;
        int i = from;
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        while (i < end && Character.isDigit(text.charAt(i))) {
            value = value * 10 + (text.charAt(i) - '0');
            i++;
        }
        return text.startsWith(" kB", i) ? value * 1024 : value;
    }
}
