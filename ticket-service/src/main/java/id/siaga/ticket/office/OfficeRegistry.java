package id.siaga.ticket.office;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.siaga.ticket.config.SiagaConfig;
import id.siaga.ticket.domain.ConflictException;
import id.siaga.ticket.domain.InvalidRequestException;
import id.siaga.ticket.domain.NotPermittedException;
import id.siaga.ticket.domain.ResourceNotFoundException;
import id.siaga.ticket.security.OfficeTokenAuthenticationRequest;
import id.siaga.ticket.security.Tokens;
import id.siaga.ticket.service.AdminAudit;
import id.siaga.ticket.service.StatusMetrics;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The upstream's side: registers the offices reporting here (each with a token of its own, stored as its SHA-256),
 * stores their summaries once each (by summary id) with each office's latest figures and a row per day for the
 * trend, and reads them back. A summary carrying other offices' summaries (a chained upstream forwarding what its
 * offices sent) stores those too, under offices relayed "via" the sender. Each summary is stored without the
 * summaries it carried (those are stored on their own); when this instance has an upstream itself, each new summary
 * is also queued in {@code office_forward} for {@link UpstreamSender} to forward.
 */
@ApplicationScoped
public class OfficeRegistry {

    private static final Logger LOG = Logger.getLogger(OfficeRegistry.class);
    private static final String STORE = """
            with ins as (
                insert into office_summary (id, office_code, generated_at, received_at, body) values (?, ?, ?, ?, ?)
                on conflict (id) do nothing returning id),
            latest as (
                update office o set last_summary_id = ?, last_summary_at = ?, last_received_at = ?, last_summary = ?,
                    state = ?, open_faults = ?, overdue_steps = ?, open_escalations = ?, compliance = ?
                where o.code = ? and exists (select 1 from ins) and (o.last_summary_at is null or o.last_summary_at <= ?)
                returning 1),
            day as (
                insert into office_day (office_code, day, open_faults, overdue_steps, open_escalations, compliance)
                select ?, ?, ?, ?, ?, ? where exists (select 1 from ins)
                on conflict (office_code, day) do update set
                    open_faults = greatest(office_day.open_faults, excluded.open_faults),
                    overdue_steps = greatest(office_day.overdue_steps, excluded.overdue_steps),
                    open_escalations = greatest(office_day.open_escalations, excluded.open_escalations),
                    compliance = coalesce(excluded.compliance, office_day.compliance)
                returning 1),
            forward as (
                insert into office_forward (summary_id, office_code, generated_at)
                select id, ?, ? from ins where ?
                returning 1)
            select (select count(*) from ins), (select count(*) from latest), (select count(*) from day),
                   (select count(*) from forward)""";

    /** A registered office and its token, which is shown once. */
    public record Registered(String code, String name, String token) {
    }

    /**
     * An office as the roll-up shows it.
     *
     * @param via           the office it is relayed through, or null when it reports here directly
     * @param lastSummaryAt when its latest summary was made, or null
     * @param state         worst server status of its latest summary, SILENT when it sent nothing for
     *                      {@code silent-after}, null before its first summary
     * @param compliance    share of step visits within the standard this month, between 0 and 1, or null
     * @param summaryJson   its latest summary as received, or null
     */
    public record OfficeRow(String code, String name, String via, Instant lastSummaryAt, String state, long openFaults,
            long overdueSteps, long openEscalations, Double compliance, String summaryJson) {
    }

    /** One day of an office's trend: the day's highest counts and the month's compliance at its end. */
    public record Day(LocalDate day, long openFaults, long overdueSteps, long openEscalations, Double compliance) {
    }

    /** The offices' trends read last, with when (System.nanoTime). */
    private record Trends(LocalDate from, long readAt, Map<String, List<Day>> days) {
    }

    /** How long the trends read are reused. */
    static final Duration TRENDS_FOR = Duration.ofSeconds(30);

    private volatile Trends trends;
    private final AgroalDataSource dataSource;
    private final SiagaConfig config;
    private final ObjectMapper json;
    private final AdminAudit audit;
    private final SummaryOutbox outbox;
    private final Clock clock;
    private final OfficeTokenIdentityProvider tokens;

    public OfficeRegistry(AgroalDataSource dataSource, SiagaConfig config, ObjectMapper json, AdminAudit audit,
            SummaryOutbox outbox, Clock clock, OfficeTokenIdentityProvider tokens) {
        this.clock = clock;
        this.tokens = tokens;
        this.dataSource = dataSource;
        this.config = config;
        this.json = json;
        this.audit = audit;
        this.outbox = outbox;
    }

    /**
     * Registers an office and records it in the administrative trail (who, which code and name; never the token).
     *
     * @throws ConflictException when the code is registered already
     */
    @Transactional
    public Registered register(String code, String name, String by) {
        String token = Tokens.newToken(OfficeTokenAuthenticationRequest.PREFIX);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                insert into office (code, name, token_hash, created_at, created_by) values (?, ?, ?, ?, ?)
                on conflict (code) do nothing""")) {
            s.setString(1, code.trim());
            s.setString(2, name.trim());
            s.setBytes(3, Tokens.hash(token));
            s.setTimestamp(4, Timestamp.from(clock.instant()));
            s.setString(5, by);
            if (s.executeUpdate() == 0) {
                throw new ConflictException("An office with code " + code.trim() + " is registered already.");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not register an office", e);
        }
        audit.record(by, AdminAudit.OFFICE_REGISTERED, "office:" + code.trim(), "name " + name.trim());
        LOG.infof("Registered office %s (%s) by %s", code.trim(), name.trim(), by);
        return new Registered(code.trim(), name.trim(), token);
    }

    /**
     * Replaces an office's token (lost, or known to someone it should not be); the old one stops working at once here
     * and within {@code siaga.findings.token-cache} on other instances. Recorded in the administrative trail.
     *
     * @throws ResourceNotFoundException when no office has the code
     * @throws ConflictException         when the office reports through another office and so has no token here
     */
    @Transactional
    public Registered renewToken(String code, String by) {
        String token = Tokens.newToken(OfficeTokenAuthenticationRequest.PREFIX);
        String name;
        String via;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                with renewed as (update office set token_hash = ? where code = ? and via is null returning code)
                select o.name, o.via, exists (select 1 from renewed) from office o where o.code = ?""")) {
            s.setBytes(1, Tokens.hash(token));
            s.setString(2, code);
            s.setString(3, code);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new ResourceNotFoundException("There is no office with code " + code + ".");
                }
                name = rs.getString(1);
                via = rs.getString(2);
                if (!rs.getBoolean(3)) {
                    throw new ConflictException("Office " + code + " reports through office " + via
                            + " and has no token here; its summaries come with that office's.");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not renew an office token", e);
        }
        tokens.forget(code);
        audit.record(by, AdminAudit.OFFICE_TOKEN_ISSUED, "office:" + code, "the previous token stopped working");
        LOG.infof("Renewed the token of office %s by %s", code, by);
        return new Registered(code, name, token);
    }

    /**
     * Stores a summary posted by an office, and the summaries it relays.
     *
     * @param pathCode   the office named in the path
     * @param callerCode the office whose token was presented
     * @return true when it was new, false when it was stored before
     * @throws NotPermittedException   when the token belongs to another office
     * @throws InvalidRequestException when the summary names another office or is from the future
     */
    public boolean receive(String pathCode, String callerCode, OfficeSummary summary) {
        if (!pathCode.equals(callerCode)) {
            throw new NotPermittedException("This token belongs to office " + callerCode
                    + "; it cannot post summaries for office " + pathCode + ".");
        }
        check(summary, pathCode, "");
        try (Connection c = dataSource.getConnection()) {
            boolean stored = store(c, summary);
            relay(c, pathCode, summary);
            return stored;
        } catch (SQLException e) {
            throw new IllegalStateException("could not store a summary", e);
        }
    }

    private void check(OfficeSummary summary, String code, String field) {
        if (!summary.office().code().equals(code)) {
            throw new InvalidRequestException(field + "office.code", "must be " + code + ", the office posting it");
        }
        Instant latest = clock.instant().plus(config.findings().maxClockSkew());
        if (summary.generatedAt().isAfter(latest)) {
            throw new InvalidRequestException(field + "generatedAt", "is in the future");
        }
        if (summary.offices() != null) {
            for (int i = 0; i < summary.offices().size(); i++) {
                OfficeSummary relayed = summary.offices().get(i);
                if (relayed.office().code().equals(code)) {
                    throw new InvalidRequestException(field + "offices[" + i + "].office.code", "must not be the sender");
                }
                check(relayed, relayed.office().code(), field + "offices[" + i + "].");
            }
        }
    }

    private void relay(Connection c, String via, OfficeSummary summary) throws SQLException {
        if (summary.offices() == null) {
            return;
        }
        for (OfficeSummary relayed : summary.offices()) {
            String code = relayed.office().code();
            try (PreparedStatement s = c.prepareStatement("""
                    insert into office (code, name, via, created_at, created_by) values (?, ?, ?, ?, ?)
                    on conflict (code) do update set name = excluded.name where office.via = excluded.via""")) {
                s.setString(1, code);
                s.setString(2, relayed.office().name());
                s.setString(3, via);
                s.setTimestamp(4, Timestamp.from(clock.instant()));
                s.setString(5, "relay:" + via);
                s.executeUpdate();
            }
            if (via.equals(viaOf(c, code))) {
                store(c, relayed);
                relay(c, code, relayed);
            }
        }
    }

    private static String viaOf(Connection c, String code) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("select via from office where code = ?")) {
            q.setString(1, code);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private boolean store(Connection c, OfficeSummary summary) throws SQLException {
        String body;
        try {
            body = json.writeValueAsString(summary.withoutOffices());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a summary cannot be written as JSON", e);
        }
        String code = summary.office().code();
        Timestamp generated = Timestamp.from(summary.generatedAt());
        Timestamp now = Timestamp.from(clock.instant());
        Double compliance = summary.compliance().withinShare();
        try (PreparedStatement s = c.prepareStatement(STORE)) {
            int i = 0;
            s.setObject(++i, summary.summaryId());
            s.setString(++i, code);
            s.setTimestamp(++i, generated);
            s.setTimestamp(++i, now);
            s.setString(++i, body);
            s.setObject(++i, summary.summaryId());
            s.setTimestamp(++i, generated);
            s.setTimestamp(++i, now);
            s.setString(++i, body);
            s.setString(++i, summary.worstStatus());
            s.setLong(++i, summary.openFaults());
            s.setLong(++i, summary.overdueSteps());
            s.setLong(++i, summary.openEscalations());
            setDouble(s, ++i, compliance);
            s.setString(++i, code);
            s.setTimestamp(++i, generated);
            s.setString(++i, code);
            s.setDate(++i, Date.valueOf(LocalDate.ofInstant(summary.generatedAt(), config.zone())));
            s.setLong(++i, summary.openFaults());
            s.setLong(++i, summary.overdueSteps());
            s.setLong(++i, summary.openEscalations());
            setDouble(s, ++i, compliance);
            s.setString(++i, code);
            s.setTimestamp(++i, generated);
            s.setBoolean(++i, outbox.enabled());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        }
    }

    private static void setDouble(PreparedStatement s, int index, Double value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.DOUBLE);
        } else {
            s.setDouble(index, value);
        }
    }

    /**
     * @param withSummaries whether to read each office's latest summary too (else {@link OfficeRow#summaryJson} is null)
     * @return every office with its latest figures, by code; state SILENT when silent at {@code now}
     */
    public List<OfficeRow> offices(Instant now, boolean withSummaries) {
        Instant silentBefore = now.minus(config.upstream().silentAfter());
        List<OfficeRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("""
                select code, name, via, last_summary_at, state, open_faults, overdue_steps, open_escalations, compliance,
                       """ + (withSummaries ? "last_summary" : "null") + """
                , created_at from office order by code""");
                ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                Timestamp last = rs.getTimestamp(4);
                Instant lastAt = last == null ? null : last.toInstant();
                Instant since = lastAt == null ? rs.getTimestamp(11).toInstant() : lastAt;
                String state = since.isBefore(silentBefore) ? "SILENT" : rs.getString(5);
                double compliance = rs.getDouble(9);
                rows.add(new OfficeRow(rs.getString(1), rs.getString(2), rs.getString(3), lastAt, state, rs.getLong(6),
                        rs.getLong(7), rs.getLong(8), rs.wasNull() ? null : compliance, rs.getString(10)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the offices", e);
        }
        return rows;
    }

    /**
     * @return each office's worst server status per application in its latest summary, keyed by office code and
     *         application, as {@link StatusMetrics#statusNumber} numbers them
     */
    public Map<List<String>, Long> applicationStatuses() {
        Map<List<String>, Long> statuses = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("""
                select o.code, g ->> 'application', g ->> 'worstStatus' from office o
                cross join lateral jsonb_array_elements(cast(o.last_summary as jsonb) -> 'servers') g
                where o.last_summary is not null and g ->> 'worstStatus' is not null""");
                ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                statuses.merge(List.of(rs.getString(1), rs.getString(2)), StatusMetrics.statusNumber(rs.getString(3)),
                        OfficeRegistry::worse);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the offices' application statuses", e);
        }
        return statuses;
    }

    /** @return the worse of two status numbers: CRIT (2), then UNKNOWN (3), then WARN (1), then OK (0) */
    static long worse(long a, long b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(long number) {
        return number == 2 ? 3 : number == 3 ? 2 : (int) number;
    }

    /**
     * @return each office's days from {@code from} on, in day order; read at most every {@link #TRENDS_FOR} (the
     *         page shows days, and today's figures change slowly)
     */
    public Map<String, List<Day>> trends(LocalDate from) {
        Trends cached = trends;
        long nanos = System.nanoTime();
        if (cached != null && cached.from().equals(from) && nanos - cached.readAt() < TRENDS_FOR.toNanos()) {
            return cached.days();
        }
        Map<String, List<Day>> read = readTrends(from);
        trends = new Trends(from, nanos, read);
        return read;
    }

    private Map<String, List<Day>> readTrends(LocalDate from) {
        Map<String, List<Day>> trends = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("""
                select office_code, day, open_faults, overdue_steps, open_escalations, compliance from office_day
                where day >= ? order by office_code, day""")) {
            q.setDate(1, Date.valueOf(from));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    double compliance = rs.getDouble(6);
                    Double share = rs.wasNull() ? null : compliance;
                    trends.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Day(rs.getDate(2).toLocalDate(),
                            rs.getLong(3), rs.getLong(4), rs.getLong(5), share));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the offices' trends", e);
        }
        return Collections.unmodifiableMap(trends);
    }

    /** @return a stored summary read back */
    public OfficeSummary parse(String body) {
        try {
            return json.readValue(body, OfficeSummary.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored summary cannot be read", e);
        }
    }

    /** Drops received summaries older than {@code siaga.upstream.keep}, and their days. */
    public void expire(Instant now) {
        Duration keep = config.upstream().keep();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("delete from office_summary where generated_at < ?");
                PreparedStatement d = c.prepareStatement("delete from office_day where day < ?")) {
            s.setTimestamp(1, Timestamp.from(now.minus(keep)));
            s.executeUpdate();
            d.setDate(1, Date.valueOf(LocalDate.ofInstant(now.minus(keep), config.zone())));
            d.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("Old office summaries not dropped yet: %s", e.getMessage());
        }
    }
}
