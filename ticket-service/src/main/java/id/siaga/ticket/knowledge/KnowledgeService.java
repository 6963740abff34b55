package id.siaga.ticket.knowledge;

import id.siaga.ticket.domain.Application;
import id.siaga.ticket.domain.InvalidRequestException;
import id.siaga.ticket.domain.NotPermittedException;
import id.siaga.ticket.domain.ResourceNotFoundException;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.domain.Ticket;
import id.siaga.ticket.domain.TicketEvent;
import id.siaga.ticket.domain.TicketEventType;
import id.siaga.ticket.domain.sop.StepCodes;
import id.siaga.ticket.repository.ServerRepository;
import id.siaga.ticket.repository.TicketEventRepository;
import id.siaga.ticket.service.Caller;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The knowledge of past repairs: one record per finished repair (a CLOSED ticket) in {@code repair_knowledge},
 * written in the transaction that closes the ticket; full-text search with PostgreSQL's {@code indonesian}
 * configuration plus {@code pg_trgm} for misspellings; suggestions for a ticket being worked; curation by the
 * Kasi or Kabid.
 */
@ApplicationScoped
public class KnowledgeService {

    /** Longest search text accepted. */
    public static final int MAX_QUERY = 200;
    /** Words of a query looked at; the rest is searched as typed (websearch syntax) only. */
    static final int MAX_WORDS = 8;
    /** Recorded words a query word may stand for (misspellings, the rest of a partial word). */
    static final int LOOK_ALIKES = 4;
    /** Suggestions shown with a ticket. */
    public static final int SUGGESTIONS = 5;
    /** Steps at which a ticket shows suggestions: analysis, repair, software check. */
    public static final Set<String> SUGGESTING_STEPS = Set.of(StepCodes.ANALYSIS, StepCodes.REPAIR, StepCodes.SOFTWARE_CHECK);
    /** The text-similar suggestions are ranked among at most this many matching records. */
    static final int SIMILAR_CANDIDATES = 2000;

    /** How a record was curated. */
    public enum Mark {
        NONE, RECOMMENDED, WRONG
    }

    /** Why a record is suggested. */
    public enum Match {
        /** a repair of the same check on the same server */
        SAME_CHECK,
        /** a repair of the same check on another server of the same role */
        SAME_CHECK_SAME_ROLE,
        /** a repair of a fault described in similar words */
        SIMILAR_TEXT
    }

    /** Search filters; a null field does not filter. */
    public record Query(String text, Application application, Long serverId, String check) {
    }

    /** One finished repair as found by a search. */
    public record Hit(long ticketId, String ticketNumber, String title, String conclusion, String repair, boolean worked,
            String decision, int rounds, Instant closedAt, Application application, Long serverId, String serverName,
            String serverRole, String checkKey, String thirdParty, long durationSeconds, Mark curation,
            String curationReason, String curatedBy, Instant curatedAt, double score, String snippet) {

        /** @return whether the Kasi or Kabid marked this repair as wrong */
        public boolean warning() {
            return curation == Mark.WRONG;
        }
    }

    /** One page of hits and how many match in all. */
    public record Page(List<Hit> items, long total) {
    }

    /** One past repair suggested for a ticket. */
    public record Suggestion(long ticketId, String ticketNumber, String title, String conclusion, String repair,
            boolean worked, Instant closedAt, Match match, boolean recommended) {
    }

    /** What a suggestion is looked up for: a ticket being worked, or a complaint being typed. */
    public record Subject(Long excludeTicketId, Long serverId, String checkKey, String title, String description) {

        public static Subject of(Ticket t) {
            return new Subject(t.id, t.serverId, t.checkKey, t.title, t.description);
        }
    }

    private static final String COLUMNS = "k.ticket_id, k.ticket_number, k.title, k.conclusion, k.repair, k.worked, "
            + "k.decision, k.rounds, k.closed_at, k.application, k.server_id, k.server_name, k.server_role, k.check_key, "
            + "k.third_party_name, k.duration_seconds, k.curation, k.curation_reason, k.curated_by, k.curated_at";

    /** The text the snippet marks: title, conclusion and repair, HTML-escaped before the marks are added. */
    private static final String SNIPPET_TEXT = "siaga_html_escape(k.title || ' — ' || coalesce(k.conclusion, '') || ' — '"
            + " || coalesce(k.repair, ''))";
    private static final String HEADLINE_OPTIONS = "StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=12, "
            + "MaxFragments=2, FragmentDelimiter=\" … \"";

    private final AgroalDataSource dataSource;
    private final ServerRepository servers;
    private final TicketEventRepository events;

    public KnowledgeService(AgroalDataSource dataSource, ServerRepository servers, TicketEventRepository events) {
        this.dataSource = dataSource;
        this.servers = servers;
        this.events = events;
    }

    /**
     * Writes (or rewrites) the record of a ticket that has just closed, in the caller's transaction; the ticket's
     * changes must have been flushed. A ticket that is not CLOSED gets no record.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordClosed(long ticketId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select siaga_upsert_repair_knowledge(?)")) {
            s.setLong(1, ticketId);
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the repair of ticket " + ticketId, e);
        }
    }

    /** Searches the finished repairs, most relevant (and recent) first; recommended ones first. */
    public Page search(Query query, int page, int size) {
        String text = normalize(query.text());
        StringBuilder filters = new StringBuilder();
        List<Object> filterParams = new ArrayList<>();
        if (query.application() != null) {
            filters.append(" and k.application = ?");
            filterParams.add(query.application().name());
        }
        if (query.serverId() != null) {
            filters.append(" and k.server_id = ?");
            filterParams.add(query.serverId());
        }
        if (query.check() != null) {
            filters.append(" and k.check_key = ?");
            filterParams.add(query.check());
        }
        try (Connection c = dataSource.getConnection()) {
            String with = "";
            List<Object> withParams = new ArrayList<>();
            String where = " where true" + filters;
            String sql;
            if (text == null) {
                // without words the newest come straight from the index; the total is counted on its own
                sql = "select " + COLUMNS + ", 0::float8 as score, left(" + SNIPPET_TEXT + ", 400) as snippet,"
                        + " -1::bigint as total_ from repair_knowledge k" + where
                        + " order by (k.curation = 'RECOMMENDED') desc, k.closed_at desc, k.ticket_id desc limit ? offset ?";
            } else {
                // the query as typed (websearch syntax, stemmed) or with each word widened to its look-alikes
                with = "with q as (select websearch_to_tsquery('indonesian', ?) || " + fuzzyQuery(c, text, withParams)
                        + " as any) ";
                withParams.add(0, text);
                where = ", q where k.document @@ q.any" + filters;
                sql = with + "select h.*, ts_headline('indonesian', " + SNIPPET_TEXT.replace("k.", "h.")
                        + ", q.any, '" + HEADLINE_OPTIONS + "') as snippet from (select " + COLUMNS + ","
                        + " ts_rank(k.document, q.any) / (1.0 + extract(epoch from (now() - k.closed_at)) / 31536000.0) as score,"
                        + " count(*) over () as total_ from repair_knowledge k" + where
                        + " order by (k.curation = 'RECOMMENDED') desc, score desc, k.closed_at desc, k.ticket_id desc"
                        + " limit ? offset ?) h, q"
                        + " order by (h.curation = 'RECOMMENDED') desc, h.score desc, h.closed_at desc, h.ticket_id desc";
            }
            List<Object> params = new ArrayList<>(withParams);
            params.addAll(filterParams);
            List<Object> pageParams = new ArrayList<>(params);
            pageParams.add(size);
            pageParams.add((long) page * size);
            List<Hit> hits = new ArrayList<>();
            long total = -1;
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(s, pageParams);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        hits.add(hit(rs));
                        total = rs.getLong("total_");
                    }
                }
            }
            if (total < 0 && (page > 0 || text == null)) {
                // no words, or a page past the end: count on its own
                try (PreparedStatement s = c.prepareStatement(with + "select count(*) from repair_knowledge k" + where)) {
                    bind(s, params);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        total = rs.getLong(1);
                    }
                }
            }
            total = Math.max(total, 0);
            return new Page(hits, total);
        } catch (SQLException e) {
            throw new IllegalStateException("could not search the repair knowledge", e);
        }
    }

    /**
     * The query with each word widened to the recorded words it resembles (pg_trgm similarity on the small table of
     * recorded words, or words it begins): "lisener" becomes listener, "listen" becomes listener; every word must
     * match (as itself or one of its look-alikes).
     *
     * @return a tsquery expression; its parameters are added to {@code params}
     */
    private static String fuzzyQuery(Connection c, String text, List<Object> params) throws SQLException {
        List<String> words = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_-]+")) {
            if (!w.isBlank() && words.size() < MAX_WORDS && !words.contains(w)) {
                words.add(w);
            }
        }
        if (words.isEmpty()) {
            params.add(text);
            return "plainto_tsquery('indonesian', ?)";
        }
        StringBuilder all = new StringBuilder("(");
        try (PreparedStatement s = c.prepareStatement("select word from repair_knowledge_word"
                + " where (word % ? or word like ? escape '\\') and word <> ? order by similarity(word, ?) desc, word limit "
                + LOOK_ALIKES)) {
            for (String w : words) {
                StringBuilder any = new StringBuilder("(plainto_tsquery('indonesian', ?)");
                params.add(w);
                if (w.length() >= 3) {
                    s.setString(1, w);
                    s.setString(2, w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                    s.setString(3, w);
                    s.setString(4, w);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            any.append(" || plainto_tsquery('indonesian', ?)");
                            params.add(rs.getString(1));
                        }
                    }
                }
                all.append(all.length() > 1 ? " && " : "").append(any).append(')');
            }
        }
        return all.append(')').toString();
    }

    /** @return the suggestions for a ticket: empty unless it is at analysis, repair or software check */
    public List<Suggestion> suggestionsFor(Ticket ticket) {
        if (!ticket.isOpen() || !SUGGESTING_STEPS.contains(ticket.step)) {
            return List.of();
        }
        return suggestions(Subject.of(ticket));
    }

    /**
     * The five most relevant past repairs, leaving out those marked wrong: first those of the same (server, check),
     * then of the same check on servers of the same role, then those described in similar words (title and the
     * start of the description); within each group the recommended ones first.
     */
    public List<Suggestion> suggestions(Subject subject) {
        Map<Long, Suggestion> found = new LinkedHashMap<>();
        long exclude = subject.excludeTicketId() == null ? -1 : subject.excludeTicketId();
        try (Connection c = dataSource.getConnection()) {
            if (subject.serverId() != null && subject.checkKey() != null) {
                collect(c, found, Match.SAME_CHECK, "select " + COLUMNS + " from repair_knowledge k"
                        + " where k.server_id = ? and k.check_key = ? and k.curation <> 'WRONG' and k.ticket_id <> ?"
                        + " order by (k.curation = 'RECOMMENDED') desc, k.worked desc, k.closed_at desc limit ?",
                        List.of(subject.serverId(), subject.checkKey(), exclude, SUGGESTIONS));
                String role = servers.findByIdOptional(subject.serverId()).map(s -> s.role == null ? null : s.role.name())
                        .orElse(null);
                if (role != null && found.size() < SUGGESTIONS) {
                    collect(c, found, Match.SAME_CHECK_SAME_ROLE, "select " + COLUMNS + " from repair_knowledge k"
                            + " where k.check_key = ? and k.server_role = ? and k.server_id <> ? and k.curation <> 'WRONG'"
                            + " and k.ticket_id <> ?"
                            + " order by (k.curation = 'RECOMMENDED') desc, k.worked desc, k.closed_at desc limit ?",
                            List.of(subject.checkKey(), role, subject.serverId(), exclude, SUGGESTIONS));
                }
            }
            String words = similarWords(subject);
            if (words != null && found.size() < SUGGESTIONS) {
                collect(c, found, Match.SIMILAR_TEXT, "select " + COLUMNS + " from (select k.*,"
                        + " ts_rank(k.document, siaga_any_words(?)) as rank from (select * from repair_knowledge k"
                        + " where k.document @@ siaga_any_words(?) and k.curation <> 'WRONG' and k.ticket_id <> ?"
                        + " limit " + SIMILAR_CANDIDATES + ") k) k"
                        + " order by (k.curation = 'RECOMMENDED') desc, k.rank desc, k.closed_at desc limit ?",
                        List.of(words, words, exclude, SUGGESTIONS + found.size()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up suggestions", e);
        }
        return found.values().stream().limit(SUGGESTIONS).toList();
    }

    /**
     * The Kasi or Kabid marks a finished repair as recommended or wrong (or takes the mark away); the mark is written
     * to the ticket's audit trail.
     *
     * @return the record after the change
     */
    @Transactional
    public Hit curate(long ticketId, Mark mark, String reason, Caller caller) {
        if (caller.roles().stream().noneMatch(r -> r == Role.KASI || r == Role.KABID)) {
            throw new NotPermittedException("Only the Kasi or the Kabid may curate past repairs.");
        }
        String why = reason == null || reason.isBlank() ? null : reason.trim();
        if (mark == Mark.WRONG && why == null) {
            throw new InvalidRequestException("reason", "is required when marking a repair as WRONG");
        }
        if (why != null && why.length() > 2000) {
            throw new InvalidRequestException("reason", "must be at most 2000 characters");
        }
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("update repair_knowledge set curation = ?, curation_reason = ?,"
                    + " curated_by = ?, curated_at = ? where ticket_id = ?")) {
                s.setString(1, mark.name());
                s.setString(2, why);
                s.setString(3, caller.username());
                s.setTimestamp(4, Timestamp.from(now));
                s.setLong(5, ticketId);
                if (s.executeUpdate() == 0) {
                    throw new ResourceNotFoundException("Ticket " + ticketId + " is not a finished repair (a closed ticket).");
                }
            }
            TicketEvent event = new TicketEvent();
            event.ticketId = ticketId;
            event.at = now;
            event.actor = caller.username();
            event.type = TicketEventType.KNOWLEDGE_CURATED;
            event.fromStep = StepCodes.CLOSED;
            event.toStep = StepCodes.CLOSED;
            event.note = "Pengetahuan perbaikan ditandai " + mark.name() + (why == null ? "" : ": " + why);
            events.persist(event);
            return get(c, ticketId);
        } catch (SQLException e) {
            throw new IllegalStateException("could not curate the repair of ticket " + ticketId, e);
        }
    }

    /** @return the record of a finished repair */
    public Hit get(long ticketId) {
        try (Connection c = dataSource.getConnection()) {
            return get(c, ticketId);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the repair of ticket " + ticketId, e);
        }
    }

    private Hit get(Connection c, long ticketId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + ", 0::float8 as score, "
                + SNIPPET_TEXT + " as snippet from repair_knowledge k where k.ticket_id = ?")) {
            s.setLong(1, ticketId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new ResourceNotFoundException("Ticket " + ticketId + " is not a finished repair (a closed ticket).");
                }
                return hit(rs);
            }
        }
    }

    /** @return the words of a subject to look for: the title and the start of the description, or null */
    private static String similarWords(Subject subject) {
        StringBuilder text = new StringBuilder();
        if (subject.title() != null) {
            text.append(subject.title());
        }
        if (subject.description() != null) {
            String d = subject.description();
            text.append(' ').append(d, 0, Math.min(d.length(), 300));
        }
        String t = normalize(text.toString());
        return t == null ? null : t.substring(0, Math.min(t.length(), 500));
    }

    private void collect(Connection c, Map<Long, Suggestion> found, Match match, String sql, List<Object> params)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next() && found.size() < SUGGESTIONS) {
                    long id = rs.getLong("ticket_id");
                    found.putIfAbsent(id, new Suggestion(id, rs.getString("ticket_number"), rs.getString("title"),
                            rs.getString("conclusion"), rs.getString("repair"), rs.getBoolean("worked"),
                            rs.getTimestamp("closed_at").toInstant(), match, "RECOMMENDED".equals(rs.getString("curation"))));
                }
            }
        }
    }

    private static Hit hit(ResultSet rs) throws SQLException {
        long serverId = rs.getLong("server_id");
        Long server = rs.wasNull() ? null : serverId;
        Timestamp curatedAt = rs.getTimestamp("curated_at");
        return new Hit(rs.getLong("ticket_id"), rs.getString("ticket_number"), rs.getString("title"),
                rs.getString("conclusion"), rs.getString("repair"), rs.getBoolean("worked"), rs.getString("decision"),
                rs.getInt("rounds"), rs.getTimestamp("closed_at").toInstant(), Application.valueOf(rs.getString("application")),
                server, rs.getString("server_name"), rs.getString("server_role"), rs.getString("check_key"),
                rs.getString("third_party_name"), rs.getLong("duration_seconds"), Mark.valueOf(rs.getString("curation")),
                rs.getString("curation_reason"), rs.getString("curated_by"), curatedAt == null ? null : curatedAt.toInstant(),
                Math.round(rs.getDouble("score") * 10000) / 10000.0, rs.getString("snippet"));
    }

    private static void bind(PreparedStatement s, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof Integer n) {
                s.setInt(i + 1, n);
            } else if (p instanceof Long n) {
                s.setLong(i + 1, n);
            } else {
                s.setString(i + 1, (String) p);
            }
        }
    }

    /** @return the text trimmed with runs of white space made one space, or null when blank */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().replaceAll("\\s+", " ");
        return t.isEmpty() ? null : t;
    }
}
