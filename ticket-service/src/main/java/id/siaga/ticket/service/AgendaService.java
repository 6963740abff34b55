package id.siaga.ticket.service;

import id.siaga.ticket.config.SiagaConfig;
import id.siaga.ticket.domain.sop.StepCodes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** Reads the agenda register (SOP step 10): the tickets numbered in the office's agenda in a year. */
@ApplicationScoped
public class AgendaService {

    /**
     * One line of the register.
     *
     * @param ticketId     the ticket's id
     * @param ticketNumber e.g. SIAGA-2026-000001
     * @param agendaNumber e.g. 001/PIAK/2026
     * @param recordedAt   when the agenda entry was made (the ticket was closed)
     * @param title        the ticket's title
     * @param serverName   the server it was about, or null
     * @param recordedBy   user name of who made the entry
     * @param recordedByName full name of who made the entry, or null when the account is gone
     */
    public record Entry(long ticketId, String ticketNumber, String agendaNumber, Instant recordedAt, String title,
            String serverName, String recordedBy, String recordedByName) {
    }

    private final EntityManager entityManager;
    private final SiagaConfig config;

    public AgendaService(EntityManager entityManager, SiagaConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    /** @return the year's register in agenda-number order */
    public List<Entry> register(int year) {
        ZoneId zone = config.zone();
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select t.id, t.number, t.agenda_number, t.closed_at, t.title, s.name, a.actor, u.full_name
                from ticket t
                left join server s on s.id = t.server_id
                left join lateral (select st.actor from ticket_step st
                                   where st.ticket_id = t.id and st.code = ?3 and st.ended_at is not null
                                   order by st.seq desc limit 1) a on true
                left join app_user u on u.username = a.actor
                where t.agenda_number is not null and t.closed_at >= ?1 and t.closed_at < ?2
                order by t.closed_at, t.id""")
                .setParameter(1, from)
                .setParameter(2, to)
                .setParameter(3, StepCodes.AGENDA)
                .getResultList();
        return rows.stream().map(r -> new Entry(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                instant(r[3]), (String) r[4], (String) r[5], (String) r[6], (String) r[7])).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value);
    }
}
