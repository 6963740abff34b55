package id.siaga.ticket.knowledge;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The knowledge migration on its own: as a database owner that is no superuser it creates pg_trgm (a trusted
 * extension) and records the tickets closed before it, with their latest conclusion and repair, and nothing for
 * open or cancelled tickets; a role that may not create the extension gets a clear message naming the statement an
 * administrator runs first.
 */
class KnowledgeMigrationTest {

    private static Flyway flyway(String url, String user, String target) {
        var config = Flyway.configure().dataSource(url, user, "pw").locations("classpath:db/migration")
                .placeholders(Map.of("siaga_runtime_role", ""));
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    @Test
    void anOwnerWithoutSuperuserMigratesAndTheClosedTicketsBeforeAreRecorded() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            execute(postgres.getPostgresDatabase(), "create role kn_owner login password 'pw' nosuperuser");
            execute(postgres.getPostgresDatabase(), "create database kn_db owner kn_owner");
            String url = postgres.getJdbcUrl("kn_owner", "kn_db");
            flyway(url, "kn_owner", "9").migrate();
            DataSource db = postgres.getDatabase("kn_owner", "kn_db");
            execute(db, """
                    insert into sop_version (version, number, title, definition, created_by)
                        values (1, '800/488', 'SOP', '{}', 'test');
                    insert into ticket (number, sop_version_id, source, application, title, description, severity, step,
                        state, step_started_at, created_at, created_by, updated_at, closed_at, round, decision)
                    values ('T-1', 1, 'PHONE', 'SIAK', 'SIAK tidak bisa login', 'Login gagal', 'HIGH', 'CLOSED', 'CLOSED',
                            now(), now() - interval '2 hours', 'adb', now(), now(), 2, 'YES'),
                           ('T-2', 1, 'PHONE', 'SIAK', 'SIAK masih dikerjakan', 'Login gagal', 'HIGH', 'REPAIR', 'OPEN',
                            now(), now(), 'adb', now(), null, 1, null),
                           ('T-3', 1, 'PHONE', 'SIAK', 'SIAK tiket ganda', 'Login gagal', 'HIGH', 'CANCELLED', 'CANCELLED',
                            now(), now(), 'adb', now(), now(), 1, null);
                    insert into ticket_step (ticket_id, seq, code, started_at, output)
                    select t.id, s.seq, s.code, now(), s.output from ticket t, (values
                        (4, 'ANALYSIS', 'Kesimpulan pertama'), (5, 'REPAIR', 'Perbaikan pertama'),
                        (9, 'ANALYSIS', 'Listener Oracle mati'), (10, 'REPAIR', 'Listener diperbaiki, dinyalakan ulang')) s(seq, code, output);
                    """);
            flyway(url, "kn_owner", null).migrate();
            assertEquals(1, count(db, "select count(*) from pg_extension where extname = 'pg_trgm'"));
            assertEquals(1, count(db, "select count(*) from repair_knowledge"), "only the closed ticket");
            assertEquals(1, count(db, "select count(*) from repair_knowledge where ticket_number = 'T-1'"
                    + " and conclusion = 'Listener Oracle mati' and repair = 'Listener diperbaiki, dinyalakan ulang' and rounds = 2"
                    + " and worked and duration_seconds between 7100 and 7300"));
            assertEquals(1, count(db, "select count(*) from repair_knowledge"
                    + " where document @@ websearch_to_tsquery('indonesian', 'perbaikan listener')"));
            assertEquals(1, count(db, "select count(*) from repair_knowledge_word where word % 'lisener' and word = 'listener'"));
        }
    }

    @Test
    void aRoleThatMayNotCreateTheExtensionIsToldWhatTheAdministratorRuns() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            execute(postgres.getPostgresDatabase(), "create role kn_limited login password 'pw' nosuperuser");
            execute(postgres.getPostgresDatabase(), "create database kn_lim");
            execute(postgres.getDatabase("postgres", "kn_lim"), "revoke create on database kn_lim from public;"
                    + "grant connect on database kn_lim to kn_limited; grant all on schema public to kn_limited");
            FlywayException e = assertThrows(FlywayException.class,
                    () -> flyway(postgres.getJdbcUrl("kn_limited", "kn_lim"), "kn_limited", null).migrate());
            String message = String.valueOf(e.getMessage()) + " " + e.getCause();
            assertTrue(message.contains("SIAGA needs the PostgreSQL extension pg_trgm"), message);
            assertTrue(message.contains("CREATE EXTENSION IF NOT EXISTS pg_trgm"), message);
            assertEquals(0, count(postgres.getDatabase("postgres", "kn_lim"),
                    "select count(*) from pg_tables where tablename = 'repair_knowledge'"));

            execute(postgres.getDatabase("postgres", "kn_lim"), "create extension if not exists pg_trgm");
            flyway(postgres.getJdbcUrl("kn_limited", "kn_lim"), "kn_limited", null).repair();
            flyway(postgres.getJdbcUrl("kn_limited", "kn_lim"), "kn_limited", null).migrate();
            assertEquals(1, count(postgres.getDatabase("postgres", "kn_lim"),
                    "select count(*) from pg_tables where tablename = 'repair_knowledge'"));
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
