package id.siaga.agent.report;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * New finding ids: time-ordered (version 7, RFC 9562) UUIDs, the Unix time in milliseconds in the first 48 bits and
 * 74 random bits after it. The service keeps every id it was sent in a B-tree for years' worth of findings; ids that
 * grow with time land at the index's right edge, where a random (version 4) id lands on any page of it, dirtying a
 * page (and, after each checkpoint, writing that page whole to the WAL) for almost every finding. The random bits
 * come from the kernel's {@code /dev/urandom} read directly, so the agent loads none of the security providers
 * (from {@link SecureRandom} where the file cannot be read).
 */
public final class FindingId {

    private static InputStream urandom;
    private static SecureRandom fallback;

    private FindingId() {
    }

    /** @return a new time-ordered UUID */
    public static synchronized UUID next() {
        return fromTimeAndRandomBytes(System.currentTimeMillis(), randomBytes());
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        if (fallback == null) {
            try {
                if (urandom == null) {
                    urandom = new FileInputStream("/dev/urandom");
                }
                if (urandom.readNBytes(bytes, 0, 16) == 16) {
                    return bytes;
                }
            } catch (IOException | SecurityException e) {
                // falls back below, for good
            }
            fallback = new SecureRandom();
        }
        fallback.nextBytes(bytes);
        return bytes;
    }

    /**
     * @return the version 7, IETF variant UUID of the time and the random bytes: the time's low 48 bits first, then
     * the version, 12 random bits, the variant and 62 random bits (of the 16 bytes, the first 6 are not used)
     */
    static UUID fromTimeAndRandomBytes(long epochMillis, byte[] bytes) {
        long randomHigh = 0;
        long randomLow = 0;
        for (int i = 0; i < 8; i++) {
            randomHigh = randomHigh << 8 | bytes[i] & 0xff;
            randomLow = randomLow << 8 | bytes[i + 8] & 0xff;
        }
        long most = (epochMillis & 0xffff_ffff_ffffL) << 16 | 0x7000L | randomHigh & 0x0fffL;
        long least = randomLow & 0x3fff_ffff_ffff_ffffL | 0x8000_0000_0000_0000L;
        return new UUID(most, least);
    }
}
