package id.siaga.agent.report;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/**
 * New finding ids: random (version 4) UUIDs, as {@link UUID#randomUUID()} makes them, from the kernel's
 * {@code /dev/urandom} (where that method's default generator takes its bytes on Linux) read directly, so the
 * agent loads none of the security providers; {@link UUID#randomUUID()} itself where the file cannot be read.
 */
public final class FindingId {

    private static InputStream urandom;
    private static boolean unavailable;

    private FindingId() {
    }

    /** @return a new random UUID */
    public static synchronized UUID next() {
        byte[] bytes = new byte[16];
        if (!unavailable) {
            try {
                if (urandom == null) {
                    urandom = new FileInputStream("/dev/urandom");
                }
                if (urandom.readNBytes(bytes, 0, 16) == 16) {
                    return fromRandomBytes(bytes);
                }
            } catch (IOException | SecurityException e) {
                // falls back below, for good
            }
            unavailable = true;
        }
        return UUID.randomUUID();
    }

    /** @return the version 4, IETF variant UUID of 16 random bytes */
    static UUID fromRandomBytes(byte[] bytes) {
        bytes[6] = (byte) (bytes[6] & 0x0f | 0x40);
        bytes[8] = (byte) (bytes[8] & 0x3f | 0x80);
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = most << 8 | bytes[i] & 0xff;
            least = least << 8 | bytes[i + 8] & 0xff;
        }
        return new UUID(most, least);
    }
}
