package id.siaga.ticket.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import id.siaga.ticket.config.SiagaConfig;
import id.siaga.ticket.domain.AppUser;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.escalation.AckChannel;
import id.siaga.ticket.escalation.Escalation;
import id.siaga.ticket.escalation.EscalationService;
import id.siaga.ticket.repository.UserRepository;
import id.siaga.ticket.domain.Caller;
import id.siaga.ticket.i18n.Labels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Handles what people do in Telegram: a "Tanggapi" press acknowledges the escalation as the linked SIAGA user when
 * their role may ({@link EscalationService#mayAcknowledge}, as on the page and the API); {@code /hubungkan KODE}
 * links the account. Each update is handled once: the stored offset moves past it in the same transaction as its
 * effect, and only while this instance holds the poller's lease ({@code telegram_poll}).
 */
@ApplicationScoped
public class TelegramUpdates {

    private static final Logger LOG = Logger.getLogger(TelegramUpdates.class);
    private static final Pattern LINK = Pattern.compile("^/hubungkan(?:@\\S+)?(?:\\s+(.*))?$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final EntityManager entityManager;
    private final TelegramClient client;
    private final TelegramLinks links;
    private final TelegramNotices notices;
    private final EscalationService escalations;
    private final UserRepository users;
    private final SiagaConfig config;

    public TelegramUpdates(EntityManager entityManager, TelegramClient client, TelegramLinks links,
            TelegramNotices notices, EscalationService escalations, UserRepository users, SiagaConfig config) {
        this.entityManager = entityManager;
        this.client = client;
        this.links = links;
        this.notices = notices;
        this.escalations = escalations;
        this.users = users;
        this.config = config;
    }

    /**
     * Takes or renews the poller's lease (the database's clock decides when it ran out).
     *
     * @return the offset to poll from, or empty while another instance holds the lease
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Long> acquire(String me, Duration lease) {
        @SuppressWarnings("unchecked")
        List<Number> offset = entityManager.createNativeQuery("""
                update telegram_poll set leader = ?1, lease_until = now() + make_interval(secs => ?2)
                where singleton and (leader is null or leader = ?1 or lease_until < now())
                returning update_offset""")
                .setParameter(1, me).setParameter(2, (double) lease.toSeconds()).getResultList();
        return offset.stream().findFirst().map(Number::longValue);
    }

    /** Gives the lease up, so that another instance polls at once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String me) {
        entityManager.createNativeQuery("update telegram_poll set leader = null, lease_until = null where leader = ?1")
                .setParameter(1, me).executeUpdate();
    }

    /**
     * Moves the offset past an update without handling it.
     *
     * @return false when this instance no longer holds the lease
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean skip(long updateId, String me) {
        return entityManager.createNativeQuery("""
                update telegram_poll set update_offset = greatest(update_offset, ?1) where singleton and leader = ?2""")
                .setParameter(1, updateId + 1).setParameter(2, me).executeUpdate() > 0;
    }

    /**
     * What to say in the chat once an update's transaction committed: the answer to a button press, or a message.
     *
     * @param callbackQueryId the press answered, or null for a message
     * @param chatId          the chat written to, for a message
     */
    public record Answer(String callbackQueryId, long chatId, String text, boolean alert) {
    }

    /**
     * @param leader whether this instance still holds the lease (else stop handling)
     * @param answer what to say in the chat, or null
     */
    public record Handled(boolean leader, Answer answer) {
    }

    /**
     * Handles one update unless it was handled before. Nothing is said in the chat here: the caller sends the answer
     * after the commit, so that no row stays locked while Telegram is called.
     */
    @Transactional
    public Handled handle(JsonNode update, String me, Duration lease) {
        long updateId = update.path("update_id").asLong();
        int claimed = entityManager.createNativeQuery("""
                update telegram_poll set update_offset = ?1, lease_until = now() + make_interval(secs => ?2)
                where singleton and leader = ?3 and update_offset <= ?4""")
                .setParameter(1, updateId + 1).setParameter(2, (double) lease.toSeconds()).setParameter(3, me)
                .setParameter(4, updateId).executeUpdate();
        if (claimed == 0) {
            return new Handled(((Number) entityManager.createNativeQuery(
                    "select count(*) from telegram_poll where leader = ?1").setParameter(1, me).getSingleResult())
                    .longValue() > 0, null);
        }
        if (update.has("callback_query")) {
            return new Handled(true, pressed(update.path("callback_query")));
        } else if (update.path("message").path("text").isTextual()) {
            return new Handled(true, message(update.path("message")));
        }
        return new Handled(true, null);
    }

    /** Says the answer in the chat; a failure is logged (the update stays handled). */
    public void send(Answer answer) {
        try {
            if (answer.callbackQueryId() != null) {
                client.answerCallbackQuery(answer.callbackQueryId(), answer.text(), answer.alert());
            } else {
                client.sendMessage(answer.chatId(), answer.text(), List.of());
            }
        } catch (TelegramException e) {
            LOG.warnf("Could not answer in Telegram: %s", e.getMessage());
        }
    }

    private Answer pressed(JsonNode query) {
        String answer;
        boolean alert = true;
        String data = query.path("data").asText("");
        Optional<AppUser> user = links.userOf(query.path("from").path("id").asLong())
                .flatMap(users::findByUsername);
        Long id = data.startsWith(TelegramNotices.ACK) ? number(data.substring(TelegramNotices.ACK.length())) : null;
        Escalation e = id == null ? null : entityManager.find(Escalation.class, id, LockModeType.PESSIMISTIC_WRITE);
        Labels labels = TelegramNotices.labels();
        if (user.isEmpty()) {
            answer = "Akun Telegram Anda belum terhubung dengan SIAGA. Buat kode di " + profileUrl()
                    + " lalu kirim /hubungkan KODE ke bot ini.";
        } else if (!user.get().active) {
            answer = "Akun SIAGA Anda dinonaktifkan; Anda tidak dapat menanggapi eskalasi.";
        } else if (e == null) {
            answer = "Eskalasi ini tidak ada di SIAGA.";
        } else if (!EscalationService.mayAcknowledge(Role.valueOf(e.recipientRole), user.get().roleSet())) {
            answer = "Anda tidak berhak menanggapi eskalasi ini: eskalasi ini untuk " + labels.role(e.recipientRole)
                    + ", dan hanya " + labels.role(e.recipientRole) + " atau peran di atasnya yang boleh menanggapinya.";
        } else if (e.acknowledgedAt != null) {
            answer = "Eskalasi ini sudah ditanggapi oleh " + notices.person(e.acknowledgedBy, labels) + " pada "
                    + notices.formats().dateTime(e.acknowledgedAt) + ".";
        } else {
            AppUser person = user.get();
            escalations.acknowledge(e.id, Caller.person(person.username, person.roleSet()), AckChannel.TELEGRAM);
            answer = "Ditanggapi oleh " + notices.person(person.username, labels) + ".";
            alert = false;
            LOG.infof("Escalation %d acknowledged by %s through Telegram", e.id, person.username);
        }
        return new Answer(query.path("id").asText(), 0, answer, alert);
    }

    private Answer message(JsonNode message) {
        String text = message.path("text").asText().strip();
        long chat = message.path("chat").path("id").asLong();
        Matcher m = LINK.matcher(text);
        boolean privateChat = "private".equals(message.path("chat").path("type").asText());
        if (!m.matches()) {
            if (privateChat && text.startsWith("/")) {
                return reply(chat, "Ini bot SIAGA. Untuk menghubungkan akun SIAGA Anda, buat kode di " + profileUrl()
                        + " lalu kirim /hubungkan KODE di sini.");
            }
            return null;
        }
        String code = m.group(1) == null ? "" : m.group(1).strip();
        if (code.isEmpty()) {
            return reply(chat, "Tulis kodenya: /hubungkan KODE. Kode dibuat di " + profileUrl() + ".");
        }
        Optional<String> username = links.redeem(code);
        if (!privateChat) {
            return reply(chat, "Demi keamanan, kirim /hubungkan KODE di chat pribadi dengan bot ini, bukan di grup. "
                    + (username.isPresent() ? "Kode itu sekarang tidak berlaku; buat " : "Buat ") + "kode baru di "
                    + profileUrl() + ".");
        }
        if (username.isEmpty()) {
            return reply(chat, "Kode tidak dikenal, sudah kedaluwarsa atau sudah dipakai. Buat kode baru di "
                    + profileUrl() + ".");
        }
        JsonNode from = message.path("from");
        String name = (from.path("first_name").asText("") + " " + from.path("last_name").asText("")).strip();
        if (from.hasNonNull("username")) {
            name = (name + " @" + from.path("username").asText()).strip();
        }
        links.link(username.get(), from.path("id").asLong(), chat, name);
        Labels labels = TelegramNotices.labels();
        LOG.infof("Telegram account linked to %s", username.get());
        return reply(chat, "Akun Telegram ini sekarang terhubung dengan SIAGA sebagai "
                + notices.person(username.get(), labels) + ". Eskalasi untuk peran Anda dikirim ke chat ini, dan tombol \"Tanggapi\" berlaku atas nama Anda.");
    }

    private static Answer reply(long chat, String text) {
        return new Answer(null, chat, text, false);
    }

    private String profileUrl() {
        return config.notices().baseUrl() + "/profil/telegram";
    }

    private static Long number(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
