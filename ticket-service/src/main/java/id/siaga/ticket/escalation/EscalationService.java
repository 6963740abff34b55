package id.siaga.ticket.escalation;

import id.siaga.ticket.domain.ConflictException;
import id.siaga.ticket.domain.NotPermittedException;
import id.siaga.ticket.domain.ResourceNotFoundException;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.domain.TicketEvent;
import id.siaga.ticket.domain.TicketEventType;
import id.siaga.ticket.repository.TicketEventRepository;
import id.siaga.ticket.domain.Caller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Makes escalations — each exactly once, whichever instance of the service gets there first (the insert
 * skips a {@code dedupKey} already stored) — and records their acknowledgement. A made escalation queues
 * its notices in the same transaction.
 */
@Startup
@ApplicationScoped
public class EscalationService {

    private static final Logger LOG = Logger.getLogger(EscalationService.class);

    private final EntityManager entityManager;
    private final EscalationRepository escalations;
    private final NoticeService notices;
    private final TicketEventRepository events;
    private final MeterRegistry registry;
    private final Clock clock;

    public EscalationService(EntityManager entityManager, EscalationRepository escalations, NoticeService notices,
            TicketEventRepository events, MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.entityManager = entityManager;
        this.escalations = escalations;
        this.notices = notices;
        this.events = events;
        this.registry = registry;
    }

    /** What to escalate; {@code key} names the thing escalated (an {@link EscalationKey} subject). */
    public record Draft(String key, EscalationReason reason, int level, Role recipient, Long ticketId, Long serverId,
            String stepCode, Integer stepSeq, Long parentId, String message) {

        /** @return the escalation's de-duplication key */
        public String dedupKey() {
            return new EscalationKey(reason, key, level).format();
        }
    }

    /**
     * Makes the escalation unless it was made before.
     *
     * @return the new escalation, or empty when it existed already
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Escalation> raise(Draft draft) {
        String dedupKey = draft.dedupKey();
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        var ids = entityManager.createNativeQuery("""
                insert into escalation (dedup_key, reason, level, recipient_role, ticket_id, server_id, step_code, step_seq,
                                        parent_id, message, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                on conflict (dedup_key) do nothing returning id""")
                .setParameter(1, dedupKey)
                .setParameter(2, draft.reason().name())
                .setParameter(3, draft.level())
                .setParameter(4, draft.recipient().name())
                .setParameter(5, draft.ticketId())
                .setParameter(6, draft.serverId())
                .setParameter(7, draft.stepCode())
                .setParameter(8, draft.stepSeq())
                .setParameter(9, draft.parentId())
                .setParameter(10, cut(draft.message()))
                .setParameter(11, now)
                .getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        Escalation escalation = escalations.findById(((Number) ids.get(0)).longValue());
        Counter.builder("siaga.escalations.made").description("Escalations raised, by reason and level")
                .tag("reason", draft.reason().name()).tag("level", String.valueOf(draft.level()))
                .register(registry).increment();
        LOG.infof("Escalation %d to %s (%s, level %d): %s", escalation.id, escalation.recipientRole, escalation.reason,
                escalation.level, escalation.message);
        notices.queue(escalation);
        if (escalation.parentId != null) {
            notices.queueChange(get(escalation.parentId));
        }
        return Optional.of(escalation);
    }

    /**
     * Makes the escalations not made before, in one statement: for a sweep that finds many at once.
     *
     * @return the new escalations
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Escalation> raiseAll(List<Draft> drafts) {
        if (drafts.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<Long> ids = entityManager.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    insert into escalation (dedup_key, reason, level, recipient_role, ticket_id, server_id, step_code,
                                            step_seq, parent_id, message, created_at)
                    select d.*, ? from unnest(?::text[], ?::text[], ?::int[], ?::text[], ?::bigint[], ?::bigint[], ?::text[],
                                             ?::int[], ?::bigint[], ?::text[]) d
                    on conflict (dedup_key) do nothing returning id""")) {
                s.setTimestamp(1, Timestamp.from(now));
                s.setArray(2, c.createArrayOf("text", drafts.stream().map(Draft::dedupKey).toArray()));
                s.setArray(3, c.createArrayOf("text", drafts.stream().map(d -> d.reason().name()).toArray()));
                s.setArray(4, c.createArrayOf("integer", drafts.stream().map(Draft::level).toArray()));
                s.setArray(5, c.createArrayOf("text", drafts.stream().map(d -> d.recipient().name()).toArray()));
                s.setArray(6, c.createArrayOf("bigint", drafts.stream().map(Draft::ticketId).toArray()));
                s.setArray(7, c.createArrayOf("bigint", drafts.stream().map(Draft::serverId).toArray()));
                s.setArray(8, c.createArrayOf("text", drafts.stream().map(Draft::stepCode).toArray()));
                s.setArray(9, c.createArrayOf("integer", drafts.stream().map(Draft::stepSeq).toArray()));
                s.setArray(10, c.createArrayOf("bigint", drafts.stream().map(Draft::parentId).toArray()));
                s.setArray(11, c.createArrayOf("text", drafts.stream().map(d -> cut(d.message())).toArray()));
                List<Long> made = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        made.add(rs.getLong(1));
                    }
                }
                return made;
            }
        });
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Escalation> made = escalations.list("id in ?1 order by id", ids);
        for (Escalation escalation : made) {
            Counter.builder("siaga.escalations.made").description("Escalations raised, by reason and level")
                    .tag("reason", escalation.reason.name()).tag("level", String.valueOf(escalation.level))
                    .register(registry).increment();
            LOG.infof("Escalation %d to %s (%s, level %d): %s", escalation.id, escalation.recipientRole,
                    escalation.reason, escalation.level, escalation.message);
        }
        notices.queueAll(made);
        for (Escalation escalation : made) {
            if (escalation.parentId != null) {
                notices.queueChange(get(escalation.parentId));
            }
        }
        return made;
    }

    /**
     * Records that the recipient has seen the escalation (the chain stops there), in the audit trail with the
     * channel it came through, and queues the edit of its chat messages.
     *
     * @throws NotPermittedException when the caller holds neither the recipient role nor a higher one
     * @throws ConflictException     when it was acknowledged already
     */
    @Transactional
    public Escalation acknowledge(long id, Caller caller, AckChannel channel) {
        Escalation escalation = get(id);
        Role recipient = Role.valueOf(escalation.recipientRole);
        if (!mayAcknowledge(recipient, caller.roles())) {
            throw new NotPermittedException("This escalation is for the " + recipient + "; only that role (or a higher "
                    + "one) may acknowledge it.");
        }
        if (escalation.acknowledgedAt != null) {
            throw new ConflictException("Escalation " + id + " was already acknowledged by " + escalation.acknowledgedBy
                    + " at " + escalation.acknowledgedAt + ".");
        }
        escalation.acknowledgedAt = clock.instant();
        escalation.acknowledgedBy = caller.username();
        escalation.acknowledgedVia = channel.code();
        TicketEvent event = new TicketEvent();
        event.ticketId = escalation.ticketId;
        event.at = escalation.acknowledgedAt;
        event.actor = caller.username();
        event.type = TicketEventType.ESCALATION_ACKNOWLEDGED;
        event.note = "Escalation " + escalation.id + " (" + escalation.reason + ", level " + escalation.level + ", for "
                + escalation.recipientRole + ") acknowledged via " + channel.code();
        events.persist(event);
        notices.queueChange(escalation);
        Counter.builder("siaga.escalations.acknowledged").description("Escalations acknowledged, by reason and level")
                .tag("reason", escalation.reason.name()).tag("level", String.valueOf(escalation.level))
                .register(registry).increment();
        return escalation;
    }

    /**
     * Who may acknowledge an escalation: the recipient role, or a higher one on the SOP ladder
     * ({@code ADB < JF_ADB < KASI < KABID}). The pages ask it whether to offer the button.
     *
     * @param recipient the escalation's recipient role
     * @param roles     the roles the person holds
     */
    public static boolean mayAcknowledge(Role recipient, Collection<Role> roles) {
        return roles.contains(recipient) || recipient.worksTickets() && Role.highestRank(roles) >= recipient.rank();
    }

    /** Acknowledges, on the recipient's behalf, the open escalations of a ticket for that reason. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void acknowledgeForTicket(long ticketId, EscalationReason reason, String by) {
        Instant now = clock.instant();
        for (Escalation open : escalations.list("ticketId = ?1 and reason = ?2 and acknowledgedAt is null", ticketId,
                reason)) {
            open.acknowledgedAt = now;
            open.acknowledgedBy = by;
            notices.queueChange(open);
        }
    }

    public Escalation get(long id) {
        return escalations.findByIdOptional(id)
                .orElseThrow(() -> new ResourceNotFoundException("There is no escalation with id " + id + "."));
    }

    private static String cut(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }
}
