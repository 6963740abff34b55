package id.siaga.ticket.ingest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.siaga.ticket.rest.dto.CheckStateResponse;
import id.siaga.ticket.rest.dto.EvidenceResponse;
import id.siaga.ticket.rest.dto.FindingResponse;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads findings, check states and ticket evidence for people. */
@ApplicationScoped
public class FindingQuery {

    private static final TypeReference<Map<String, Double>> MEASUREMENTS = new TypeReference<>() {
    };

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public FindingQuery(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Filters of the findings list; a null field does not filter. */
    public record Filter(Long serverId, String check, CheckStatus status, Instant from, Instant to) {
    }

    /** One page of findings and how many match in all. */
    public record Page(List<FindingResponse> items, long total) {
    }

    public Page search(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (filter.serverId() != null) {
            where.append(" and server_id = ?");
            params.add(filter.serverId());
        }
        if (filter.check() != null) {
            where.append(" and check_key = ?");
            params.add(filter.check());
        }
        if (filter.status() != null) {
            where.append(" and status = ?");
            params.add(filter.status().name());
        }
        if (filter.from() != null) {
            where.append(" and observed_at >= ?");
            params.add(filter.from());
        }
        if (filter.to() != null) {
            where.append(" and observed_at < ?");
            params.add(filter.to());
        }
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement s = c.prepareStatement("select count(*) from finding" + where)) {
                bind(s, params);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<FindingResponse> items = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select * from finding" + where
                    + " order by observed_at desc, id desc limit ? offset ?")) {
                bind(s, params);
                s.setInt(params.size() + 1, size);
                s.setLong(params.size() + 2, (long) page * size);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        items.add(new FindingResponse(rs.getObject("id", UUID.class), rs.getLong("server_id"),
                                rs.getString("check_key"), rs.getString("kind"), rs.getString("status"),
                                rs.getString("message"), measurements(rs.getString("measurements")),
                                Jdbc.getInstant(rs, "observed_at"), Jdbc.getInstant(rs, "received_at"),
                                (Integer) rs.getObject("duration_ms"), rs.getObject("recheck_id", UUID.class)));
                    }
                }
            }
            return new Page(items, total);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read findings", e);
        }
    }

    /** @return the current state of every check of the server, by check key */
    public List<CheckStateResponse> checks(long serverId) {
        List<CheckStateResponse> checks = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        select cs.*, t.state as ticket_state from check_state cs
                        left join ticket t on t.id = cs.ticket_id
                        where cs.server_id = ? order by cs.check_key""")) {
            s.setLong(1, serverId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long ticketId = rs.getLong("ticket_id");
                    boolean open = !rs.wasNull() && "OPEN".equals(rs.getString("ticket_state"));
                    checks.add(new CheckStateResponse(rs.getString("check_key"), rs.getString("kind"),
                            rs.getString("status"), rs.getString("message"), Jdbc.getInstant(rs, "observed_at"),
                            Jdbc.getInstant(rs, "failing_since"), Jdbc.getInstant(rs, "last_ok_at"),
                            rs.getInt("consecutive_failures"), rs.getInt("consecutive_passes"), rs.getBoolean("flapping"),
                            rs.getString("depends_on"), open ? ticketId : null));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read check states", e);
        }
        return checks;
    }

    /** @return the ticket's agent evidence, newest first, at most {@code limit} */
    public List<EvidenceResponse> evidence(long ticketId, int limit) {
        List<EvidenceResponse> evidence = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select * from ticket_evidence where ticket_id = ? order by id desc limit ?")) {
            s.setLong(1, ticketId);
            s.setInt(2, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    evidence.add(new EvidenceResponse(rs.getLong("id"), rs.getString("kind"), rs.getString("check_key"),
                            rs.getString("status"), rs.getString("message"), Jdbc.getInstant(rs, "observed_at"),
                            rs.getObject("finding_id", UUID.class)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read evidence", e);
        }
        return evidence;
    }

    /** @return the current status of one check, or null when the agent never reported it */
    public String status(long serverId, String check) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select status from check_state where server_id = ? and check_key = ?")) {
            s.setLong(1, serverId);
            s.setString(2, check);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read a check state", e);
        }
    }

    private static void bind(PreparedStatement s, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof Instant instant) {
                Jdbc.setInstant(s, i + 1, instant);
            } else {
                s.setObject(i + 1, p);
            }
        }
    }

    private Map<String, Double> measurements(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            return json.readValue(text, MEASUREMENTS);
        } catch (IOException e) {
            return Map.of();
        }
    }
}
