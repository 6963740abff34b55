package id.siaga.ticket.ingest;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Upgrading a database that holds findings from before ids were remembered: every stored id is remembered once
 * (the first observation of an id stored twice), and findings from the far future no longer hold their check.
 */
class FindingDedupMigrationTest {

    private static final String ID = "0b5c1f4e-6d3a-4c39-9a57-2f1e3b4d5c6a";

    @Test
    void remembersTheStoredIdsAndReleasesChecksHeldByFutureFindings() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource db = postgres.getPostgresDatabase();
            Flyway.configure().dataSource(db).locations("classpath:db/migration").target("6").load().migrate();
            execute(db, """
                    insert into server (name, role, agent_token_hash) values ('siak-db', 'SIAK_DB', '\\x01');
                    insert into finding (id, observed_at, server_id, check_key, kind, status)
                    select '%1$s'::uuid, now() - interval '2 hours', id, 'oracle', 'jdbc', 'CRIT' from server
                    union all select '%1$s'::uuid, now() - interval '1 hour', id, 'oracle', 'jdbc', 'CRIT' from server
                    union all select gen_random_uuid(), now() - interval '30 minutes', id, 'oracle', 'jdbc', 'OK' from server
                    union all select gen_random_uuid(), '9999-01-01T00:00:00Z', id, 'oracle', 'jdbc', 'OK' from server;
                    insert into check_state (server_id, check_key, kind, status, observed_at, last_ok_at, updated_at)
                    select id, 'oracle', 'jdbc', 'OK', '9999-01-01T00:00:00Z', '9999-01-01T00:00:00Z', now() from server;
                    """.formatted(ID));

            Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();

            assertEquals(2, count(db, "select count(*) from finding_seen"), "the two ids stored in the present");
            assertEquals(1, count(db, "select count(*) from finding_seen where id = '" + ID
                    + "' and observed_at < now() - interval '90 minutes'"), "an id stored twice keeps its first time");
            assertEquals(0, count(db, "select count(*) from finding where observed_at > now() + interval '1 day'"));
            assertEquals(1, count(db, "select count(*) from check_state where observed_at <= now() and last_ok_at <= now()"
                    + " and failing_since is null"), "the check takes findings of today again");
            assertTrue(count(db, "select count(*) from pg_indexes where tablename = 'finding_seen'"
                    + " and indexdef like '%(observed_at)%'") == 1, "expiry by observed_at has an index");
        }
    }

    private static void execute(DataSource db, String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(DataSource db, String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
