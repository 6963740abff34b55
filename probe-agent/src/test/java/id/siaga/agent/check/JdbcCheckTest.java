package id.siaga.agent.check;

import id.siaga.agent.TestPostgres;
import id.siaga.agent.config.CheckSpec;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JdbcCheckTest {

    private static EmbeddedPostgres postgres;
    private static String url;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = TestPostgres.get();
        url = TestPostgres.url();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("drop table if exists penduduk; drop sequence if exists nomor");
            s.execute("create table penduduk (nik varchar(16) primary key, nama text)");
            s.execute("insert into penduduk values ('1301010101010001', 'Siti'), ('1301010101010002', 'Budi'),"
                    + " ('1301010101010003', 'Rina')");
            s.execute("create sequence nomor");
        }
    }

    @Test
    void isOkWhenTheFirstValueIsAsExpected() throws Exception {
        CheckResult result = run("select count(*) from penduduk", "3", null, null, null, null, null, 5);
        assertEquals(Status.OK, result.status(), result.message());
        assertTrue(result.message().matches("1 row in [\\d.]+ ms; value '3' as expected"), result.message());
        assertEquals(3.0, result.measurements().get("value"));
        assertEquals(1.0, result.measurements().get("rows"));
        assertTrue(result.measurements().containsKey("connectMs"));
        assertTrue(result.measurements().containsKey("queryMs"));
    }

    @Test
    void isCriticalWhenTheFirstValueDiffers() throws Exception {
        CheckResult result = run("select nama from penduduk order by nik", "Budi", null, null, null, null, null, 5);
        assertEquals(Status.CRIT, result.status());
        assertTrue(result.message().endsWith("value 'Siti' (expected 'Budi')"), result.message());
    }

    @Test
    void comparesTheFirstValueWithThresholds() throws Exception {
        CheckResult ok = run("select count(*) from penduduk", null, 5.0, 10.0, null, null, null, 5);
        assertEquals(Status.OK, ok.status(), ok.message());

        CheckResult warn = run("select count(*) from penduduk", null, 2.0, 10.0, null, null, null, 5);
        assertEquals(Status.WARN, warn.status(), warn.message());
        assertTrue(warn.message().endsWith("value 3 (warn > 2, crit > 10)"), warn.message());

        CheckResult crit = run("select count(*) from penduduk", null, null, null, 5.0, 4.0, null, 5);
        assertEquals(Status.CRIT, crit.status(), crit.message());
        assertTrue(crit.message().endsWith("value 3 (warn < 5, crit < 4)"), crit.message());
    }

    @Test
    void comparesTheRowCount() throws Exception {
        assertEquals(Status.OK, run("select nik from penduduk", null, null, null, null, null, 3, 5).status());
        CheckResult crit = run("select nik from penduduk where nama = 'Nobody'", null, null, null, null, null, 1, 5);
        assertEquals(Status.CRIT, crit.status());
        assertTrue(crit.message().startsWith("0 rows in "), crit.message());
        assertTrue(crit.message().contains("(expected 1)"), crit.message());
    }

    @Test
    void cancelsAQueryThatRunsPastItsTimeout() throws Exception {
        long started = System.nanoTime();
        CheckResult result = run("select pg_sleep(5)", null, null, null, null, null, null, 1);
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(Status.CRIT, result.status());
        assertEquals("query took longer than 1 s (cancelled)", result.message());
        assertTrue(tookMs < 4_000, "took " + tookMs + " ms");
    }

    @Test
    void isCriticalWhenTheDatabaseCannotBeReached() throws Exception {
        CheckResult result = new JdbcCheck(new CheckSpec.Jdbc("jdbc:postgresql://127.0.0.1:1/none", "postgres", null,
                "select 1", 2, null, null, null, null, null, null)).run();
        assertEquals(Status.CRIT, result.status());
        assertTrue(result.message().startsWith("cannot connect to database"), result.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "INSERT INTO penduduk VALUES ('9', 'Mallory')",
        "UPDATE penduduk SET nama = 'Mallory'",
        "DELETE FROM penduduk",
        "CREATE TABLE evil (x int)",
        "select 1; delete from penduduk",
        "with gone as (delete from penduduk returning *) select count(*) from gone",
        "select * into copy_of_penduduk from penduduk",
        "select nextval('nomor')"
    })
    void refusesStatementsThatWrite(String sql) throws Exception {
        CheckResult result = run(sql, null, null, null, null, null, null, 5);
        assertEquals(Status.UNKNOWN, result.status());
        assertTrue(result.message().startsWith("query refused, not run: "), result.message());
        assertFalse(result.measurements().containsKey("connectMs"), "must not even connect");
        assertUnchanged();
    }

    @Test
    void runsInAReadOnlyTransactionEvenIfAWritingFunctionSlipsThrough() throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create or replace function sneaky() returns int language sql as "
                    + "'insert into penduduk values (''9'', ''Mallory''); select 1'");
        }
        CheckResult result = run("select sneaky()", null, null, null, null, null, null, 5);
        assertEquals(Status.CRIT, result.status());
        assertTrue(result.message().contains("read-only transaction"), result.message());
        assertUnchanged();
    }

    private static void assertUnchanged() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("select string_agg(nik || ':' || nama, ',' order by nik) from penduduk")) {
                r.next();
                assertEquals("1301010101010001:Siti,1301010101010002:Budi,1301010101010003:Rina", r.getString(1));
            }
            try (ResultSet r = s.executeQuery("select count(*) from pg_tables where tablename in "
                    + "('evil', 'copy_of_penduduk')")) {
                r.next();
                assertEquals(0, r.getInt(1));
            }
            try (ResultSet r = s.executeQuery("select is_called from nomor")) {
                r.next();
                assertFalse(r.getBoolean(1), "the sequence must not have advanced");
            }
        }
    }

    private static CheckResult run(String query, String expectValue, Double warnAbove, Double critAbove,
                                   Double warnBelow, Double critBelow, Integer expectRows, int timeoutSeconds)
            throws Exception {
        return new JdbcCheck(new CheckSpec.Jdbc(url, "postgres", null, query, timeoutSeconds, expectValue,
                warnAbove, critAbove, warnBelow, critBelow, expectRows)).run();
    }
}
