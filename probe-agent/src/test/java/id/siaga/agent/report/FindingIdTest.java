package id.siaga.agent.report;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FindingIdTest {

    @Test
    void makesDistinctRandomVersion4Uuids() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            UUID id = FindingId.next();
            assertEquals(4, id.version(), id::toString);
            assertEquals(2, id.variant(), id::toString);
            assertEquals(id, UUID.fromString(id.toString()));
            ids.add(id);
        }
        assertEquals(10_000, ids.size());
    }

    @Test
    void setsTheVersionAndVariantBitsAsUuidRandomUuidDoes() {
        byte[] ones = new byte[16];
        Arrays.fill(ones, (byte) 0xff);
        UUID id = FindingId.fromRandomBytes(ones);
        assertEquals("ffffffff-ffff-4fff-bfff-ffffffffffff", id.toString());
        assertEquals("00000000-0000-4000-8000-000000000000", FindingId.fromRandomBytes(new byte[16]).toString());
    }
}
