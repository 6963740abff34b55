package id.siaga.ticket.escalation;

import id.siaga.ticket.config.SiagaConfig;
import id.siaga.ticket.http.OutboundHttp;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends queued notices: e-mail through the configured SMTP server, webhooks as signed JSON posts, Telegram
 * messages through the Bot API ({@link ChatNotices}). Each notice is locked by one instance
 * ({@code FOR UPDATE SKIP LOCKED}); a failure is retried with growing pauses (or after the pause Telegram asks
 * for) until {@code siaga.notify.max-attempts}.
 */
@ApplicationScoped
public class NoticeSender {

    /** Header carrying {@code sha256=<hex HMAC-SHA256 of the body>} when a webhook secret is set. */
    public static final String SIGNATURE_HEADER = "X-Siaga-Signature";

    private static final Logger LOG = Logger.getLogger(NoticeSender.class);
    private static final int BATCH = 20;
    /** How long a Telegram notice waits while another instance is sending to the same chat message. */
    private static final Duration BUSY = Duration.ofSeconds(2);

    private final EntityManager entityManager;
    private final Mailer mailer;
    private final SiagaConfig config;
    private final ChatNotices telegram;
    private final OutboundHttp http = new OutboundHttp(Duration.ofSeconds(5));
    private final Clock clock;

    public NoticeSender(EntityManager entityManager, Mailer mailer, SiagaConfig config, ChatNotices telegram, Clock clock) {
        this.clock = clock;
        this.entityManager = entityManager;
        this.mailer = mailer;
        this.config = config;
        this.telegram = telegram;
    }

    /**
     * Chats Telegram asked to leave alone (HTTP 429 with {@code retry_after}) until when, on this instance: notices
     * queued for them meanwhile wait too, also those of the same batch.
     */
    private final Map<String, Instant> pausedChats = new ConcurrentHashMap<>();

    /** Sends the notices that are due. */
    @Scheduled(every = "${siaga.notify.send-every}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void sendDue() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> due = entityManager.createNativeQuery("""
                select id, channel, target, subject, body, attempts, escalation_id from notice
                where sent_at is null and next_attempt_at <= ?1 and attempts < ?2
                order by id limit ?3 for update skip locked""")
                .setParameter(1, now)
                .setParameter(2, config.notices().maxAttempts())
                .setParameter(3, BATCH)
                .getResultList();
        for (Object[] row : due) {
            long id = ((Number) row[0]).longValue();
            String channel = (String) row[1];
            String target = (String) row[2];
            int attempts = ((Number) row[5]).intValue() + 1;
            Instant paused = pausedChats.get(channel + ":" + target);
            if (paused != null && paused.isAfter(clock.instant())) {
                entityManager.createNativeQuery("update notice set next_attempt_at = greatest(next_attempt_at, ?1) where id = ?2")
                        .setParameter(1, paused).setParameter(2, id).executeUpdate();
                continue;
            }
            try {
                if (NoticeService.EMAIL.equals(channel)) {
                    mailer.send(Mail.withText(target, (String) row[3], (String) row[4]));
                } else if (NoticeService.TELEGRAM.equals(channel)) {
                    if (!telegram.deliver(((Number) row[6]).longValue(), Long.parseLong(target))) {
                        entityManager.createNativeQuery("update notice set next_attempt_at = ?1 where id = ?2")
                                .setParameter(1, now.plus(BUSY)).setParameter(2, id).executeUpdate();
                        continue;
                    }
                } else {
                    post(target, (String) row[4]);
                }
                entityManager.createNativeQuery("update notice set sent_at = ?1, attempts = ?2, last_error = null where id = ?3")
                        .setParameter(1, clock.instant()).setParameter(2, attempts).setParameter(3, id).executeUpdate();
            } catch (Exception e) {
                Duration pause = e instanceof ChatRefusedException t && t.retryAfter().isPresent() ? t.retryAfter().get()
                        : Duration.ofSeconds(Math.min(3600, 5L << Math.min(attempts, 10)));
                String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                Instant failedAt = clock.instant();
                entityManager.createNativeQuery("""
                        update notice set attempts = ?1, next_attempt_at = ?2, last_error = ?3 where id = ?4""")
                        .setParameter(1, attempts).setParameter(2, failedAt.plus(pause))
                        .setParameter(3, error.length() > 2000 ? error.substring(0, 2000) : error).setParameter(4, id)
                        .executeUpdate();
                if (e instanceof ChatRefusedException t && t.retryAfter().isPresent()) {
                    pausedChats.put(channel + ":" + target, failedAt.plus(pause));
                    entityManager.createNativeQuery("""
                            update notice set next_attempt_at = greatest(next_attempt_at, ?1)
                            where sent_at is null and channel = ?2 and target = ?3""")
                            .setParameter(1, failedAt.plus(pause)).setParameter(2, channel).setParameter(3, target)
                            .executeUpdate();
                }
                if (attempts >= config.notices().maxAttempts()) {
                    LOG.warnf("Gave up sending %s notice %d to %s after %d attempts: %s", channel, id, target, attempts, error);
                } else {
                    LOG.debugf("Sending %s notice %d to %s failed (attempt %d): %s", channel, id, target, attempts, error);
                }
            }
        }
    }

    private void post(String url, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("User-Agent", "SIAGA-ticket-service")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        config.notices().webhookSecret().filter(s -> !s.isBlank())
                .ifPresent(secret -> request.header(SIGNATURE_HEADER, "sha256=" + sign(secret, body)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("webhook answered HTTP " + response.statusCode());
        }
    }

    /** @return the hex HMAC-SHA256 of the body under the secret */
    public static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
