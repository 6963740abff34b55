package id.siaga.agent.report;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FindingIdTest {

    @Test
    void makesDistinctVersion7UuidsThatCarryTheTimeOfTheirMaking() {
        Set<UUID> ids = new HashSet<>();
        long before = System.currentTimeMillis();
        for (int i = 0; i < 10_000; i++) {
            UUID id = FindingId.next();
            assertEquals(7, id.version(), id::toString);
            assertEquals(2, id.variant(), id::toString);
            assertEquals(id, UUID.fromString(id.toString()));
            ids.add(id);
        }
        assertEquals(10_000, ids.size());
        UUID last = FindingId.next();
        long millis = last.getMostSignificantBits() >>> 16;
        assertTrue(millis >= before && millis <= System.currentTimeMillis(), last::toString);
    }

    @Test
    void idsMadeLaterSortAfterInPostgreSqlsOrderOfUuids() {
        // PostgreSQL orders uuids by their bytes, first to last, as unsigned numbers: the text form's order
        UUID earlier = FindingId.fromTimeAndRandomBytes(1_700_000_000_000L, filled(0xff));
        UUID later = FindingId.fromTimeAndRandomBytes(1_700_000_000_001L, new byte[16]);
        assertTrue(earlier.toString().compareTo(later.toString()) < 0, earlier + " " + later);
    }

    @Test
    void putsTheTimeFirstThenTheVersionAndVariantBits() {
        assertEquals("018bcfe5-6800-7fff-bfff-ffffffffffff",
                FindingId.fromTimeAndRandomBytes(1_700_000_000_000L, filled(0xff)).toString());
        assertEquals("018bcfe5-6800-7000-8000-000000000000",
                FindingId.fromTimeAndRandomBytes(1_700_000_000_000L, new byte[16]).toString());
    }

    private static byte[] filled(int value) {
        byte[] bytes = new byte[16];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
