package id.siaga.ticket.security;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads the web pages' session cookie as Quarkus form authentication writes it (PersistentLoginManager:
 * AES-GCM under the SHA-256 of the configured key, holding {@code expiry-millis:user}), to learn when it was
 * issued: its expiry less the session timeout.
 */
final class SessionCookie {

    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final Duration timeout;

    SessionCookie(String encryptionKey, Duration timeout) {
        try {
            this.key = new SecretKeySpec(MessageDigest.getInstance("SHA-256")
                    .digest(encryptionKey.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.timeout = timeout;
    }

    /** @return when the cookie was issued, or empty when it cannot be read (then Quarkus refuses it too) */
    Optional<Instant> issuedAt(String value) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(Base64.getDecoder().decode(value.getBytes(StandardCharsets.UTF_8)));
            byte[] iv = new byte[buffer.get()];
            buffer.get(iv);
            byte[] encrypted = new byte[buffer.remaining()];
            buffer.get(encrypted);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            String content = new String(cipher.doFinal(encrypted), StandardCharsets.UTF_8);
            int sep = content.indexOf(':');
            if (sep < 0) {
                return Optional.empty();
            }
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(content.substring(0, sep))).minus(timeout));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
