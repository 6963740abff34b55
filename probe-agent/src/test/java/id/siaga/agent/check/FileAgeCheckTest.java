package id.siaga.agent.check;

import id.siaga.agent.config.CheckSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileAgeCheckTest {

    @TempDir
    Path dir;

    private final Instant now = Instant.now();

    @Test
    void isOkWhenTheNewestMatchingFileIsRecent() throws IOException {
        file("siak-2026-11-23.dump.gz", 50, 1_000);
        file("siak-2026-11-24.dump.gz", 2, 2_048);
        file("notes.txt", 0, 10);
        CheckResult result = check("siak-*.dump.gz", 26, null, null);
        assertEquals(Status.OK, result.status(), result.message());
        assertEquals("newest siak-2026-11-24.dump.gz is 2.0 h old, 2.0 KB", result.message());
        assertEquals(2.0, result.measurements().get("ageHours"), 0.01);
        assertEquals(2048.0, result.measurements().get("sizeBytes"));
    }

    @Test
    void warnsPastTheWarnAgeAndIsCriticalPastTheMaxAge() throws IOException {
        file("siak.dump.gz", 25, 100);
        CheckResult warn = check("*.gz", 26, 24.0, null);
        assertEquals(Status.WARN, warn.status(), warn.message());
        assertTrue(warn.message().contains("25.0 h old (warn > 24 h, crit > 26 h)"), warn.message());

        CheckResult crit = check("*.gz", 12, null, null);
        assertEquals(Status.CRIT, crit.status(), crit.message());
    }

    @Test
    void isCriticalWhenNoFileMatches() throws IOException {
        file("other.txt", 1, 10);
        CheckResult result = check("*.dump.gz", 26, null, null);
        assertEquals(Status.CRIT, result.status());
        assertEquals("no file matching '*.dump.gz' in " + dir, result.message());
    }

    @Test
    void isCriticalWhenTheFolderIsMissing() throws IOException {
        CheckResult result = new FileAgeCheck(new CheckSpec.FileAge(dir.resolve("absent"), "*", 26, null, null,
                Duration.ofSeconds(5)), Clock.systemUTC()).run();
        assertEquals(Status.CRIT, result.status());
        assertTrue(result.message().endsWith("not found"), result.message());
    }

    @Test
    void isCriticalWhenTheNewestFileIsSmallerThanExpected() throws IOException {
        file("siak.dump.gz", 1, 0);
        CheckResult result = check("*.gz", 26, null, 1024L);
        assertEquals(Status.CRIT, result.status());
        assertTrue(result.message().contains("smaller than 1.0 KB"), result.message());
    }

    private CheckResult check(String pattern, double maxAgeHours, Double warnAgeHours, Long minSizeBytes)
            throws IOException {
        return new FileAgeCheck(new CheckSpec.FileAge(dir, pattern, maxAgeHours, warnAgeHours, minSizeBytes,
                Duration.ofSeconds(5)), Clock.fixed(now, ZoneOffset.UTC)).run();
    }

    private void file(String name, int hoursOld, int sizeBytes) throws IOException {
        Path file = Files.write(dir.resolve(name), new byte[sizeBytes]);
        Files.setLastModifiedTime(file, FileTime.from(now.minus(Duration.ofHours(hoursOld))));
    }
}
