package id.siaga.ticket.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the public status page shows at one moment, in no particular language: one line per application (SIAK,
 * KTP-el) and per public server, planned maintenance ahead, and the incidents that ended lately. Nothing internal is
 * in it: no server name unless the server is public, no address, check message, ticket title or person.
 *
 * @param computedAt when it was read from the database
 * @param lines      the lines, applications first, then public servers by name
 * @param planned    maintenance windows that have not started yet, soonest first
 * @param recent     incidents ended within the configured time, latest first
 */
public record StatusSnapshot(Instant computedAt, List<Line> lines, List<Planned> planned, List<Past> recent,
        Map<Object, Object> rendered) {

    /** The line key of an application or a public server ({@code server-7}) and what it shows. */
    public record Line(String key, String name, LineState state, Instant since, List<Incident> incidents, List<Day> days) {
    }

    /** An open incident: its ticket number, its public summary (or null), since when. */
    public record Incident(String ticketNumber, String summary, Instant since, boolean major) {
    }

    /**
     * One day of the strip.
     *
     * @param availability the share of the day (up to now) without a major incident, maintenance left out; null when
     *                     the whole day was maintenance
     * @param level        ok, partial, down or maintenance: the worst the day saw
     */
    public record Day(LocalDate date, Double availability, String level) {
    }

    /** A maintenance window ahead and the lines it concerns. */
    public record Planned(List<String> lines, Instant from, Instant to) {
    }

    /** An incident that ended: the lines it concerned, its public summary (or null), when it began and ended. */
    public record Past(String ticketNumber, List<String> lines, String summary, Instant openedAt, Instant closedAt) {
    }

    public StatusSnapshot(Instant computedAt, List<Line> lines, List<Planned> planned, List<Past> recent) {
        this(computedAt, lines, planned, recent, new ConcurrentHashMap<>());
    }
}
