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
import id.siaga.ticket.domain.Caller;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The knowledge of past repairs: one record per finished repair (a CLOSED ticket) in {@code repair_knowledge},
 * written in the transaction that closes the ticket; full-text search with PostgreSQL's {@code indonesian}
 * configuration plus {@code pg_trgm} for misspellings; suggestions for a ticket being worked; curation by the
 * Kasi or Kabid.
 */
@ApplicationScoped
public class KnowledgeService {

    private static final Logger LOG = Logger.getLogger(KnowledgeService.class);

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
    /** The text-similar suggestions are ranked among the newest this many matching records. */
    static final int SIMILAR_CANDIDATES = 200;
    /** A search ranks the newest this many matches (and every recommended one) by relevance; older ones follow. */
    static final int RANKED = 200;
    /** Matches are looked for among this many newest records first. */
    static final int FIRST_WINDOW = 2000;
    /** Each further window of newest records is this many times larger than the one before. */
    static final int WINDOW_GROWTH = 10;
    /** How long the windows' boundaries are used before they are measured again. */
    static final Duration WINDOWS_FRESH = Duration.ofSeconds(30);

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

    /**
     * One page of hits and how many match in all.
     *
     * @param totalExact whether {@code total} was counted (every record looked at) or extrapolated from the newest ones
     */
    public record Page(List<Hit> items, long total, boolean totalExact) {
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
    private final Clock clock;
    private volatile Windows windows;
    private final AtomicBoolean measuring = new AtomicBoolean();

    public KnowledgeService(AgroalDataSource dataSource, ServerRepository servers, TicketEventRepository events, Clock clock) {
        this.clock = clock;
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

    /**
     * Searches the finished repairs: among the newest {@value #RANKED} matches (and every recommended one) the most
     * relevant first, weighed by recency; recommended ones first; older matches after them, newest first. The matches
     * are looked for among the newest {@value #FIRST_WINDOW} records first, then ten times as many, and so on, until
     * enough are found for the page, so a frequent word costs no more than a rare one. {@code total} is exact when
     * every record was looked at, else extrapolated from the records looked at ({@link Page#totalExact()} false).
     */
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
        int wanted = Math.max(RANKED, page * size + size);
        try (Connection c = dataSource.getConnection()) {
            Candidates found;
            if (text == null) {
                found = candidates(c, null, List.of(), filters.toString(), filterParams, wanted, 0);
            } else {
                // the query as typed (websearch syntax, stemmed), widened by look-alikes of the words never recorded
                List<Object> queryParams = new ArrayList<>();
                queryParams.add(text);
                String fuzzy = fuzzyQuery(c, text, queryParams);
                String tsquery = "websearch_to_tsquery('indonesian', ?)" + (fuzzy == null ? "" : " || " + fuzzy);
                found = candidates(c, tsquery, queryParams, filters.toString(), filterParams, wanted, 0);
            }
            List<Hit> hits = new ArrayList<>();
            if (!found.ids().isEmpty() && (long) page * size < found.ids().size()) {
                String order = " order by (c.rn <= " + RANKED + ") desc, (k.curation = 'RECOMMENDED') desc, score desc,"
                        + " k.closed_at desc, k.ticket_id desc limit ? offset ?";
                String from = " from unnest(?::bigint[]) with ordinality c(ticket_id, rn) join repair_knowledge k"
                        + " on k.ticket_id = c.ticket_id";
                String sql = text == null
                        ? "select " + COLUMNS + ", 0::float8 as score, left(" + SNIPPET_TEXT + ", 400) as snippet" + from
                                + order.replace("score desc,", "")
                        : "select h.*, ts_headline('indonesian', " + SNIPPET_TEXT.replace("k.", "h.") + ", ?::tsquery, '"
                                + HEADLINE_OPTIONS + "') as snippet from (select " + COLUMNS + ", c.rn, case when c.rn <= "
                                + RANKED + " then ts_rank(k.document, ?::tsquery) / (1.0 + extract(epoch from (now()"
                                + " - k.closed_at)) / 31536000.0) else 0 end as score" + from + order + ") h"
                                + " order by (h.rn <= " + RANKED + ") desc, (h.curation = 'RECOMMENDED') desc, h.score desc,"
                                + " h.closed_at desc, h.ticket_id desc";
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    int i = 1;
                    if (text != null) {
                        s.setString(i++, found.tsquery());
                        s.setString(i++, found.tsquery());
                    }
                    s.setArray(i++, c.createArrayOf("bigint", found.ids().toArray()));
                    s.setInt(i++, size);
                    s.setLong(i, (long) page * size);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            hits.add(hit(rs));
                        }
                    }
                }
            }
            return new Page(hits, found.total(), found.exact());
        } catch (SQLException e) {
            throw new IllegalStateException("could not search the repair knowledge", e);
        }
    }

    /** The newest matching records (recommended ones first), how many match and whether that count is exact. */
    private record Candidates(List<Long> ids, String tsquery, long total, boolean exact) {
    }

    /**
     * @param tsquery      the text query (an SQL expression), or null for every record
     * @param queryParams  its parameters
     * @param filters      further conditions on {@code repair_knowledge k}, each starting with {@code and}
     * @param filterParams their parameters
     * @param wanted       how many of the newest matches are needed
     * @param firstWindow  the first window to look in (0: the newest {@value #FIRST_WINDOW} records)
     * @return the newest matches, recommended ones first, from the smallest window of newest records holding enough
     */
    private Candidates candidates(Connection c, String tsquery, List<Object> queryParams, String filters,
            List<Object> filterParams, int wanted, int firstWindow) throws SQLException {
        Windows windows = windows(c);
        List<Object> params = new ArrayList<>(queryParams);
        params.addAll(filterParams);
        for (int w = firstWindow; ; w++) {
            boolean last = w >= windows.since().size();
            // the first window is read record by record (offset 0 keeps the text condition out of it, and the query is
            // made once, not for every record): reading the full-text index instead would read every record of the
            // table holding a frequent word
            String window = last ? "" : " and (k.closed_at >= ? or k.curation = 'RECOMMENDED')";
            boolean byRecord = w == 0 && !last && tsquery != null;
            String from = byRecord
                    ? "(select * from repair_knowledge k where true" + filters + window + " offset 0) k, q where true"
                    : "repair_knowledge k, q where true" + filters + window;
            String sql = (tsquery == null ? "with q as (select null::tsquery as any) " : "with q as "
                    + (byRecord ? "materialized " : "") + "(select " + tsquery + " as any) ") + "select k.ticket_id, count(*) over () as matched, q.any::text from " + from
                    + (tsquery == null ? "" : " and k.document @@ q.any")
                    + " order by (k.curation = 'RECOMMENDED') desc, k.closed_at desc, k.ticket_id desc limit ?";
            List<Long> ids = new ArrayList<>();
            long matched = 0;
            String text = null;
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(s, params);
                int i = params.size() + 1;
                if (!last) {
                    s.setTimestamp(i++, Timestamp.from(windows.since().get(w)));
                }
                s.setInt(i, wanted);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        matched = rs.getLong(2);
                        text = rs.getString(3);
                    }
                }
            }
            if (last) {
                return new Candidates(ids, text, matched, true);
            }
            if (ids.size() >= wanted) {
                // as many again in the records not looked at, in proportion
                long looked = windows.window(w);
                return new Candidates(ids, text, Math.max(matched, Math.round((double) matched * windows.records() / looked)),
                        false);
            }
        }
    }

    /**
     * Any of the words are usually in many records: the newest {@value #FIRST_WINDOW} records are read in order until
     * {@value #SIMILAR_CANDIDATES} match, rather than every record holding one of the words.
     *
     * @return the newest records holding any of the words; exact when every record was read
     */
    private Candidates newestOf(Connection c, String words, String filters, long exclude) throws SQLException {
        Windows windows = windows(c);
        List<Long> ids = new ArrayList<>();
        String text = null;
        try (PreparedStatement s = c.prepareStatement("with q as materialized (select siaga_any_words(?) as any)"
                + " select k.ticket_id, q.any::text from (select k.ticket_id, k.document from repair_knowledge k"
                + " where true" + filters + " order by (k.curation = 'RECOMMENDED') desc, k.closed_at desc, k.ticket_id desc"
                + " limit " + FIRST_WINDOW + ") k, q where k.document @@ q.any limit " + SIMILAR_CANDIDATES)) {
            s.setString(1, words);
            s.setLong(2, exclude);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    text = rs.getString(2);
                }
            }
        }
        return new Candidates(ids, text, ids.size(), windows.since().isEmpty());
    }

    /**
     * Windows of the newest records: {@link #FIRST_WINDOW} of them, then {@link #WINDOW_GROWTH} times as many each,
     * while fewer than all.
     *
     * @param at      when they were measured
     * @param records how many records there were
     * @param since   the closing time of the oldest record of each window
     */
    record Windows(Instant at, long records, List<Instant> since) {

        long window(int w) {
            return FIRST_WINDOW * (long) Math.pow(WINDOW_GROWTH, w);
        }
    }

    /**
     * @return the windows; when older than {@link #WINDOWS_FRESH} they are measured again in the background (counting
     *         every record is no work for a search to wait for) and used as they were meanwhile, which costs a search
     *         no more than looking at a few more records
     */
    private Windows windows(Connection c) throws SQLException {
        Windows known = windows;
        if (known == null) {
            return measureWindows(c);
        }
        if (known.at().plus(WINDOWS_FRESH).isBefore(clock.instant()) && measuring.compareAndSet(false, true)) {
            CompletableFuture.runAsync(() -> {
                try (Connection own = dataSource.getConnection()) {
                    measureWindows(own);
                } catch (SQLException | RuntimeException e) {
                    LOG.warnf(e, "could not measure the windows of the repair knowledge; the last ones stay in use");
                } finally {
                    measuring.set(false);
                }
            });
        }
        return known;
    }

    private Windows measureWindows(Connection c) throws SQLException {
        Instant now = clock.instant();
        long records;
        try (PreparedStatement s = c.prepareStatement("select count(*) from repair_knowledge");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            records = rs.getLong(1);
        }
        List<Instant> since = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select closed_at from repair_knowledge order by closed_at desc"
                + " offset ? limit 1")) {
            for (long size = FIRST_WINDOW; size < records; size *= WINDOW_GROWTH) {
                s.setLong(1, size - 1);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    since.add(rs.getTimestamp(1).toInstant());
                }
            }
        }
        Windows measured = new Windows(now, records, List.copyOf(since));
        windows = measured;
        return measured;
    }

    /**
     * The query with each word that was never recorded widened to the recorded words it resembles (pg_trgm similarity
     * on the small table of recorded words, or words it begins): "lisener" becomes listener, "listen" becomes
     * listener; every word must match (as itself or one of its look-alikes). A word recorded as typed is not widened.
     *
     * @return a tsquery expression, or null when no word needs widening; its parameters are added to {@code params}
     */
    private static String fuzzyQuery(Connection c, String text, List<Object> params) throws SQLException {
        List<String> words = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_-]+")) {
            if (!w.isBlank() && words.size() < MAX_WORDS && !words.contains(w)) {
                words.add(w);
            }
        }
        StringBuilder all = new StringBuilder("(");
        List<Object> allParams = new ArrayList<>();
        boolean widened = false;
        try (PreparedStatement s = c.prepareStatement("select word from repair_knowledge_word"
                + " where word % ? or word like ? escape '\\' order by word = ? desc, similarity(word, ?) desc, word limit "
                + (LOOK_ALIKES + 1))) {
            for (String w : words) {
                StringBuilder any = new StringBuilder("(plainto_tsquery('indonesian', ?)");
                allParams.add(w);
                if (w.length() >= 3) {
                    s.setString(1, w);
                    s.setString(2, w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                    s.setString(3, w);
                    s.setString(4, w);
                    List<String> alike = new ArrayList<>();
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            alike.add(rs.getString(1));
                        }
                    }
                    if (!alike.contains(w)) {
                        for (String a : alike.subList(0, Math.min(alike.size(), LOOK_ALIKES))) {
                            any.append(" || plainto_tsquery('indonesian', ?)");
                            allParams.add(a);
                            widened = true;
                        }
                    }
                }
                all.append(all.length() > 1 ? " && " : "").append(any).append(')');
            }
        }
        if (!widened) {
            return null;
        }
        params.addAll(allParams);
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
                String notWrong = " and k.curation <> 'WRONG' and k.ticket_id <> ?";
                Candidates near = newestOf(c, words, notWrong, exclude);
                if (near.ids().size() < SIMILAR_CANDIDATES && !near.exact()) {
                    // the newest FIRST_WINDOW records were read already
                    near = candidates(c, "siaga_any_words(?)", List.of(words), notWrong, List.of(exclude), SIMILAR_CANDIDATES,
                            1);
                }
                if (!near.ids().isEmpty()) {
                    collect(c, found, Match.SIMILAR_TEXT, "select " + COLUMNS + " from (select k.*, ts_rank(k.document,"
                            + " ?::tsquery) as rank from unnest(?::bigint[]) c(ticket_id) join repair_knowledge k"
                            + " on k.ticket_id = c.ticket_id) k"
                            + " order by (k.curation = 'RECOMMENDED') desc, k.rank desc, k.closed_at desc limit ?",
                            List.of(near.tsquery(), c.createArrayOf("bigint", near.ids().toArray()), SUGGESTIONS + found.size()));
                }
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
        Instant now = clock.instant();
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
            } else if (p instanceof Array a) {
                s.setArray(i + 1, a);
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
