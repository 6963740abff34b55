package id.siaga.ticket.telegram;

import id.siaga.ticket.config.SiagaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * People's Telegram accounts: one-time codes made on {@code /profil/telegram}, redeemed when the person sends
 * {@code /hubungkan KODE} to the bot, and the link itself (the Telegram user who may press "Tanggapi" on their
 * behalf, and their private chat for their escalations). Only the SHA-256 of a code is stored.
 */
@ApplicationScoped
public class TelegramLinks {

    /** A person's link: the Telegram account's name as Telegram gave it, and since when. */
    public record Link(String telegramName, Instant linkedAt) {
    }

    /** A new code and when it lapses. */
    public record Code(String code, Instant expiresAt) {
    }

    /** Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L). */
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int CODE_LENGTH = 10;

    private final EntityManager entityManager;
    private final SiagaConfig config;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public TelegramLinks(EntityManager entityManager, SiagaConfig config, Clock clock) {
        this.clock = clock;
        this.entityManager = entityManager;
        this.config = config;
    }

    /** @return the person's link, if they linked an account */
    @Transactional
    public Optional<Link> linkOf(String username) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select telegram_name, linked_at from telegram_link where username = ?1")
                .setParameter(1, username).getResultList();
        return rows.stream().findFirst().map(r -> new Link((String) r[0], toInstant(r[1])));
    }

    /** Makes a new one-time code for the person; their earlier unused codes stop working. */
    @Transactional
    public Code newCode(String username) {
        Instant now = clock.instant();
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        Instant expires = now.plus(config.notices().telegram().codeValidity());
        entityManager.createNativeQuery("delete from telegram_link_code where username = ?1 and used_at is null")
                .setParameter(1, username).executeUpdate();
        entityManager.createNativeQuery("""
                insert into telegram_link_code (code_hash, username, created_at, expires_at) values (?1, ?2, ?3, ?4)""")
                .setParameter(1, hash(code.toString())).setParameter(2, username).setParameter(3, now)
                .setParameter(4, expires).executeUpdate();
        return new Code(code.toString(), expires);
    }

    /**
     * Uses up a code: whatever the outcome, it cannot be used again.
     *
     * @return the user name it was made for, when it is known, unused and not expired
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> redeem(String typed) {
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                update telegram_link_code set used_at = ?1 where code_hash = ?2 and used_at is null
                returning username, expires_at""")
                .setParameter(1, now).setParameter(2, hash(code)).getResultList();
        return rows.stream().filter(r -> toInstant(r[1]).isAfter(now)).map(r -> (String) r[0]).findFirst();
    }

    /** Links the Telegram account to the person, replacing any earlier link of either. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void link(String username, long telegramUserId, long chatId, String telegramName) {
        entityManager.createNativeQuery("delete from telegram_link where username = ?1 or telegram_user_id = ?2")
                .setParameter(1, username).setParameter(2, telegramUserId).executeUpdate();
        entityManager.createNativeQuery("""
                insert into telegram_link (username, telegram_user_id, chat_id, telegram_name, linked_at)
                values (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, username).setParameter(2, telegramUserId).setParameter(3, chatId)
                .setParameter(4, telegramName == null || telegramName.length() <= 200 ? telegramName
                        : telegramName.substring(0, 200))
                .setParameter(5, clock.instant()).executeUpdate();
    }

    /** @return the SIAGA user linked to the Telegram user */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> userOf(long telegramUserId) {
        @SuppressWarnings("unchecked")
        List<String> rows = entityManager.createNativeQuery(
                "select username from telegram_link where telegram_user_id = ?1")
                .setParameter(1, telegramUserId).getResultList();
        return rows.stream().findFirst();
    }

    /** @return whether there was a link to remove */
    @Transactional
    public boolean unlink(String username) {
        return entityManager.createNativeQuery("delete from telegram_link where username = ?1")
                .setParameter(1, username).executeUpdate() > 0;
    }

    static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
