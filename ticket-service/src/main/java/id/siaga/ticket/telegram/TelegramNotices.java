package id.siaga.ticket.telegram;

import id.siaga.ticket.config.SiagaConfig;
import id.siaga.ticket.domain.AppUser;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.domain.Ticket;
import id.siaga.ticket.escalation.ChatNotices;
import id.siaga.ticket.escalation.Escalation;
import id.siaga.ticket.escalation.EscalationRepository;
import id.siaga.ticket.repository.TicketRepository;
import id.siaga.ticket.repository.UserRepository;
import id.siaga.ticket.i18n.Formats;
import id.siaga.ticket.i18n.Labels;
import id.siaga.ticket.i18n.Language;
import id.siaga.ticket.i18n.WebMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Telegram side of an escalation's notices: which chats get its message (the recipient role's chat and the
 * linked accounts of the people holding that role), the message itself in Indonesian (rendered when it is sent, so
 * that it always shows the escalation as it is now), and sending or editing it. Each escalation has one message per
 * chat ({@code telegram_message}), edited in place as it is moved up, acknowledged and resolved.
 */
@ApplicationScoped
public class TelegramNotices implements ChatNotices {

    /** Callback data of the "Tanggapi" button: this prefix and the escalation id. */
    static final String ACK = "ack:";

    private final EntityManager entityManager;
    private final TelegramClient client;
    private final TelegramChats chats;
    private final EscalationRepository escalations;
    private final TicketRepository tickets;
    private final UserRepository users;
    private final SiagaConfig config;
    private final Clock clock;

    public TelegramNotices(EntityManager entityManager, TelegramClient client, TelegramChats chats,
            EscalationRepository escalations, TicketRepository tickets, UserRepository users, SiagaConfig config, Clock clock) {
        this.clock = clock;
        this.entityManager = entityManager;
        this.client = client;
        this.chats = chats;
        this.escalations = escalations;
        this.tickets = tickets;
        this.users = users;
        this.config = config;
    }

    /**
     * Records the chats that get a new escalation's message.
     *
     * @return the chats to queue a notice for; none while Telegram is off
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<Long> newMessageChats(Escalation e) {
        Set<Long> targets = new LinkedHashSet<>();
        if (!client.enabled()) {
            return targets;
        }
        Role recipient = Role.valueOf(e.recipientRole);
        chats.of(recipient).ifPresent(targets::add);
        @SuppressWarnings("unchecked")
        List<Number> personal = entityManager.createNativeQuery("""
                select l.chat_id from telegram_link l join app_user u on u.username = l.username
                where concat(',', u.roles, ',') like ?1 order by l.username""")
                .setParameter(1, "%," + recipient.name() + ",%").getResultList();
        personal.forEach(chat -> targets.add(chat.longValue()));
        for (long chat : targets) {
            entityManager.createNativeQuery("""
                    insert into telegram_message (escalation_id, chat_id) values (?1, ?2) on conflict do nothing""")
                    .setParameter(1, e.id).setParameter(2, chat).executeUpdate();
        }
        return targets;
    }

    /** @return the chats that have (or are about to get) the escalation's message, to be edited after a change */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Long> messageChats(long escalationId) {
        @SuppressWarnings("unchecked")
        List<Number> rows = entityManager.createNativeQuery(
                "select chat_id from telegram_message where escalation_id = ?1 order by chat_id")
                .setParameter(1, escalationId).getResultList();
        return rows.stream().map(Number::longValue).toList();
    }

    /**
     * Sends the escalation's message to the chat, or edits the one sent before to read as the escalation is now.
     * The chat's row is locked for the call; when another instance holds it, nothing is sent.
     *
     * @return false when another instance is sending to that chat right now (try again shortly)
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean deliver(long escalationId, long chatId) throws TelegramException {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select escalation_id, message_id, last_text from telegram_message
                where escalation_id = ?1 and chat_id = ?2 for update skip locked""")
                .setParameter(1, escalationId).setParameter(2, chatId).getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        Escalation escalation = escalations.findById(escalationId);
        String text = render(escalation);
        List<TelegramClient.Button> buttons = escalation.acknowledgedAt == null
                ? List.of(new TelegramClient.Button("Tanggapi", ACK + escalation.id)) : List.of();
        Object messageId = rows.get(0)[1];
        if (messageId == null) {
            long sent = client.sendMessage(chatId, text, buttons);
            entityManager.createNativeQuery("""
                    update telegram_message set message_id = ?1, last_text = ?2, sent_at = ?3
                    where escalation_id = ?4 and chat_id = ?5""")
                    .setParameter(1, sent).setParameter(2, text).setParameter(3, clock.instant())
                    .setParameter(4, escalationId).setParameter(5, chatId).executeUpdate();
        } else if (!text.equals(rows.get(0)[2])) {
            client.editMessageText(chatId, ((Number) messageId).longValue(), text, buttons);
            entityManager.createNativeQuery(
                    "update telegram_message set last_text = ?1 where escalation_id = ?2 and chat_id = ?3")
                    .setParameter(1, text).setParameter(2, escalationId).setParameter(3, chatId).executeUpdate();
        }
        return true;
    }

    /** @return the message: who must hear, why in plain words, the ticket and a link, and where it stands */
    String render(Escalation e) {
        Labels labels = labels();
        Formats f = formats();
        String base = config.notices().baseUrl();
        StringBuilder text = new StringBuilder("SIAGA · Eskalasi untuk ").append(labels.role(e.recipientRole))
                .append(" (tingkat ").append(e.level).append(")\n");
        text.append("Alasan: ").append(e.reason.inWords()).append('\n');
        text.append(e.message).append('\n');
        Ticket ticket = e.ticketId == null ? null : tickets.findById(e.ticketId);
        if (ticket != null) {
            text.append("Tiket: ").append(ticket.number).append(" — ").append(ticket.title).append('\n');
        }
        text.append("Sejak: ").append(f.dateTime(e.createdAt)).append('\n');
        text.append("Buka: ").append(base).append(ticket != null ? "/tiket/" + ticket.id : "/eskalasi").append("\n\n");
        if (e.acknowledgedAt != null) {
            text.append("Ditanggapi oleh ").append(person(e.acknowledgedBy, labels)).append(" pada ")
                    .append(f.dateTime(e.acknowledgedAt));
            if ("telegram".equals(e.acknowledgedVia)) {
                text.append(" (lewat Telegram)");
            }
            text.append('\n');
        } else {
            Escalation next = escalations.find("parentId", e.id).firstResult();
            if (next != null) {
                text.append("Belum ditanggapi: dinaikkan ke ").append(labels.role(next.recipientRole)).append(" pada ")
                        .append(f.dateTime(next.createdAt)).append('\n');
            } else {
                text.append("Menunggu tanggapan ").append(labels.role(e.recipientRole)).append('\n');
            }
        }
        if (e.resolvedAt != null) {
            text.append("Penyebabnya sudah teratasi pada ").append(f.dateTime(e.resolvedAt)).append('\n');
        }
        return text.toString().strip();
    }

    /** @return the names of roles and the like in Indonesian, the bot's language */
    static Labels labels() {
        return new Labels(Language.ID.messages(), Language.ID);
    }

    /** @return times as the bot writes them, in the office's zone */
    Formats formats() {
        WebMessages msg = Language.ID.messages();
        return new Formats(Language.ID.locale(), config.zone(), msg);
    }

    /** @return e.g. "Kabid Budi Santoso (budi)": the person's highest role, name and user name */
    String person(String username, Labels labels) {
        AppUser user = username == null ? null : users.findByUsername(username).orElse(null);
        if (user == null) {
            return username;
        }
        Role highest = user.roleSet().stream().filter(Role::worksTickets).max((a, b) -> a.rank() - b.rank()).orElse(null);
        return (highest == null ? "" : labels.role(highest) + " ") + user.fullName + " (" + user.username + ")";
    }
}
