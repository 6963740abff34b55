package id.siaga.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The append-only trail of administrative changes ({@code admin_event}): accounts, servers and their agent
 * tokens, offices registered here, the calendar's holidays. Each change is written in the transaction that makes it.
 */
@ApplicationScoped
public class AdminAudit {

    /** A user account was created. */
    public static final String USER_CREATED = "USER_CREATED";
    /** A user account was changed (name, e-mail, roles, password, active). */
    public static final String USER_CHANGED = "USER_CHANGED";
    /** A person changed their own profile (password, e-mail, language). */
    public static final String PROFILE_CHANGED = "PROFILE_CHANGED";
    /** A server was registered. */
    public static final String SERVER_REGISTERED = "SERVER_REGISTERED";
    /** A server's name, role, location or description changed. */
    public static final String SERVER_CHANGED = "SERVER_CHANGED";
    /** A server's agent got a new token. */
    public static final String AGENT_TOKEN_ISSUED = "AGENT_TOKEN_ISSUED";
    /** An office was registered as reporting here (the upstream role). */
    public static final String OFFICE_REGISTERED = "OFFICE_REGISTERED";
    /** An office reporting here got a new token. */
    public static final String OFFICE_TOKEN_ISSUED = "OFFICE_TOKEN_ISSUED";
    /** The calendar's holidays were replaced. */
    public static final String HOLIDAYS_CHANGED = "HOLIDAYS_CHANGED";

    private static final int NOTE_MAX = 4000;

    /** One recorded change. */
    public record Event(long id, Instant at, String actor, String type, String subject, String note) {
    }

    private final EntityManager entityManager;
    private final Clock clock;

    public AdminAudit(EntityManager entityManager, Clock clock) {
        this.clock = clock;
        this.entityManager = entityManager;
    }

    /**
     * @param actor   who made the change (a user name)
     * @param subject what was changed, e.g. {@code user:kasi.budi}, {@code server:12}, {@code calendar}
     * @param note    what changed, in words; never a password or token
     */
    public void record(String actor, String type, String subject, String note) {
        String text = note == null || note.length() <= NOTE_MAX ? note : note.substring(0, NOTE_MAX - 1) + "…";
        entityManager.createNativeQuery("""
                insert into admin_event (at, actor, type, subject, note) values (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, clock.instant())
                .setParameter(2, actor)
                .setParameter(3, type)
                .setParameter(4, subject)
                .setParameter(5, text)
                .executeUpdate();
    }

    /** @return the latest changes, newest first, at most {@code limit} */
    @SuppressWarnings("unchecked")
    public List<Event> latest(int limit) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select id, at, actor, type, subject, note from admin_event order by at desc, id desc limit ?1""")
                .setParameter(1, limit).getResultList();
        return rows.stream().map(r -> new Event(((Number) r[0]).longValue(), instant(r[1]), (String) r[2], (String) r[3],
                (String) r[4], (String) r[5])).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
