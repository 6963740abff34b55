package id.siaga.agent;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UtcTimeTest {

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    @Test
    void writesWhatJavaTimeWrites() {
        SplittableRandom random = new SplittableRandom(7);
        long[] fixed = {0, 1, 999, 1000, -1, 951_782_400_000L, 4_102_444_800_000L, 1_795_608_000_123L,
            253_402_300_799_999L};
        for (long millis : fixed) {
            assertSame(millis);
        }
        for (int i = 0; i < 100_000; i++) {
            assertSame(random.nextLong(0, 253_402_300_800_000L));
        }
    }

    private static void assertSame(long millis) {
        Instant instant = Instant.ofEpochMilli(millis);
        assertEquals(instant.toString(), UtcTime.asInstant(millis), "millis " + millis);
        assertEquals(MILLIS.format(instant), UtcTime.withMillis(millis), "millis " + millis);
    }
}
