package id.siaga.ticket.escalation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.siaga.ticket.config.SiagaConfig;
import id.siaga.ticket.domain.AppUser;
import id.siaga.ticket.repository.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Queues the notices of an escalation in the database, in the escalation's own transaction, so that a
 * notice goes out if and only if the escalation was made: an e-mail to every user holding the recipient
 * role (who has an address), the JSON payload to every configured webhook, and one Telegram message per chat
 * ({@link ChatNotices}), edited as the escalation changes ({@link #queueChange}). {@link NoticeSender} sends
 * them.
 */
@ApplicationScoped
public class NoticeService {

    static final String EMAIL = "EMAIL";
    static final String WEBHOOK = "WEBHOOK";
    static final String TELEGRAM = "TELEGRAM";
    /** A Telegram notice's body: its text is made from the escalation when it is sent. */
    private static final String TELEGRAM_BODY = "(the escalation's message as it is when sent)";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private final EntityManager entityManager;
    private final UserRepository users;
    private final SiagaConfig config;
    private final ObjectMapper json;
    private final ChatNotices telegram;
    private final Clock clock;

    public NoticeService(EntityManager entityManager, UserRepository users, SiagaConfig config, ObjectMapper json,
            ChatNotices telegram, Clock clock) {
        this.clock = clock;
        this.entityManager = entityManager;
        this.users = users;
        this.config = config;
        this.json = json;
        this.telegram = telegram;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void queue(Escalation e) {
        queueAll(List.of(e));
    }

    /** Queues the notices of several escalations, looking up each recipient role's users once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queueAll(List<Escalation> made) {
        Instant now = clock.instant();
        Map<String, List<AppUser>> recipients = new HashMap<>();
        for (Escalation e : made) {
            if (config.notices().email()) {
                for (AppUser user : recipients.computeIfAbsent(e.recipientRole, users::findByRole)) {
                    if (user.email != null) {
                        insert(e.id, null, EMAIL, user.email, subject(e), emailBody(e, user), now);
                    }
                }
            }
            String payload = webhookPayload(e);
            for (String url : config.notices().webhookUrls().orElse(List.of())) {
                insert(e.id, null, WEBHOOK, url.trim(), "escalation", payload, now);
            }
            for (long chat : telegram.newMessageChats(e)) {
                insert(e.id, null, TELEGRAM, String.valueOf(chat), "escalation", TELEGRAM_BODY, now);
            }
        }
    }

    /**
     * Queues the edit of the escalation's chat messages after it changed (moved up, acknowledged, resolved); the
     * text is made when the notice is sent, from the escalation as it is then.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queueChange(Escalation e) {
        Instant now = clock.instant();
        for (long chat : telegram.messageChats(e.id)) {
            insert(e.id, null, TELEGRAM, String.valueOf(chat), "change", TELEGRAM_BODY, now);
        }
    }

    /**
     * Queues one digest e-mail per Kabid with an address for the day, unless queued before (several
     * instances may run the digest job).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int queueDigest(String day, List<Escalation> open, List<AppUser> kabids) {
        Instant now = clock.instant();
        int queued = 0;
        for (AppUser kabid : kabids) {
            if (kabid.email == null) {
                continue;
            }
            StringBuilder body = new StringBuilder("Yth. ").append(kabid.fullName).append(",\n\n")
                    .append("Eskalasi SIAGA yang belum ditanggapi per ").append(day).append(": ").append(open.size())
                    .append("\n\n");
            for (Escalation e : open) {
                body.append("- [").append(e.reason).append(", tingkat ").append(e.level).append(", untuk ")
                        .append(e.recipientRole).append("] ").append(e.message).append(" (sejak ")
                        .append(local(e.createdAt)).append(")\n");
            }
            body.append("\nDaftar lengkap: ").append(config.notices().baseUrl()).append("/eskalasi\n");
            queued += insert(null, "DIGEST:" + day + ":" + kabid.email, EMAIL, kabid.email,
                    "[SIAGA] Ringkasan eskalasi " + day + " (" + open.size() + " terbuka)", body.toString(), now);
        }
        return queued;
    }

    private int insert(Long escalationId, String dedupKey, String channel, String target, String subject, String body,
            Instant now) {
        return entityManager.createNativeQuery("""
                insert into notice (escalation_id, dedup_key, channel, target, subject, body, next_attempt_at, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)
                on conflict (dedup_key) do nothing""")
                .setParameter(1, escalationId)
                .setParameter(2, dedupKey)
                .setParameter(3, channel)
                .setParameter(4, target)
                .setParameter(5, subject)
                .setParameter(6, body)
                .setParameter(7, now)
                .executeUpdate();
    }

    private String subject(Escalation e) {
        return "[SIAGA] Eskalasi " + reasonId(e) + ": " + e.message;
    }

    private String emailBody(Escalation e, AppUser user) {
        return "Yth. " + user.fullName + ",\n\n"
                + "SIAGA meneruskan eskalasi kepada " + e.recipientRole + " (tingkat " + e.level + "):\n\n"
                + e.message + "\n\n"
                + "Alasan: " + reasonId(e) + "\n"
                + "Waktu: " + local(e.createdAt) + "\n"
                + (e.ticketId == null ? "" : "Tiket: " + config.notices().baseUrl() + "/tiket/" + e.ticketId + "\n")
                + "Tanggapi (acknowledge) di: " + config.notices().baseUrl() + "/eskalasi\n\n"
                + "-- SIAGA, Disdukcapil Kabupaten Pesisir Selatan\n";
    }

    private String webhookPayload(Escalation e) {
        Map<String, Object> escalation = new LinkedHashMap<>();
        escalation.put("id", e.id);
        escalation.put("reason", e.reason.name());
        escalation.put("level", e.level);
        escalation.put("recipient", e.recipientRole);
        escalation.put("ticketId", e.ticketId);
        escalation.put("serverId", e.serverId);
        escalation.put("step", e.stepCode);
        escalation.put("message", e.message);
        escalation.put("createdAt", e.createdAt.toString());
        escalation.put("url", config.notices().baseUrl() + "/api/v1/escalations/" + e.id);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("event", "escalation.created");
        payload.put("escalation", escalation);
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String reasonId(Escalation e) {
        return e.reason.inWords();
    }

    private String local(Instant at) {
        return TIME.format(at.atZone(config.zone()));
    }
}
