package id.siaga.agent.check;

import id.siaga.agent.TestPostgres;
import id.siaga.agent.config.CheckSpec;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

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
        CheckResult result = run("select count(*) from generate_series(1, 100000) a, generate_series(1, 100000) b",
                null, null, null, null, null, null, 1);
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
            s.execute("create or replace function writer() returns int language plpgsql volatile as "
                    + "$$ begin insert into penduduk values ('9', 'Mallory'); return 1; end $$");
            s.execute("create or replace function looks_harmless() returns int language plpgsql stable as "
                    + "$$ begin return writer(); end $$");
        }
        CheckResult result = run("select looks_harmless()", null, null, null, null, null, null, 5);
        assertEquals(Status.CRIT, result.status());
        assertTrue(result.message().contains("read-only transaction"), result.message());
        assertUnchanged();
    }

    @Test
    void refusesAVolatileFunctionThatIsNotBuiltInBeforeRunningIt() throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create or replace function sneaky() returns int language sql as "
                    + "'insert into penduduk values (''9'', ''Mallory''); select 1'");
        }
        CheckResult result = run("select count(*) from penduduk where sneaky() = 1", null, null, null, null, null,
                null, 5);
        assertEquals(Status.UNKNOWN, result.status());
        assertEquals("query refused, not run: calls public.sneaky(), a VOLATILE function that is not built in: it may "
                + "write or reach outside the check; only built-in functions and functions declared STABLE or "
                + "IMMUTABLE may be called", result.message());
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

    // --- issue 8: the attacks that passed the old filter, against a real database with dblink ----------------

    /** Shows the attack below is real: sent directly, in a read-only transaction, dblink_exec deletes a row. */
    @Test
    void theDblinkAttackDeletesARowWhenSentWithoutTheAgent() throws Exception {
        try (Connection c = siak("postgres")) {
            c.setReadOnly(true);
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT \"dblink_exec\"('" + dblinkTarget() + "', "
                        + "'delete from penduduk where nik = ''1301010101010002''')");
            }
            c.rollback();
            assertEquals(2, siakRows(), "dblink's own connection committed the delete");
        } finally {
            try (Connection c = siak("postgres"); Statement s = c.createStatement()) {
                s.execute("insert into penduduk values ('1301010101010002', 'Budi') on conflict do nothing");
            }
        }
        assertEquals(3, siakRows());
    }

    @Test
    void refusesAQuotedDblinkExecCallAndDeletesNothing() throws Exception {
        CheckResult result = runSiak("postgres", "SELECT \"dblink_exec\"('" + dblinkTarget() + "', "
                + "'delete from penduduk where nik = ''1301010101010002''')");
        assertRefusedByTheFilter(result, "calls dblink_exec(), which opens its own connection, outside the check's "
                + "read-only transaction");
        assertEquals(3, siakRows());
    }

    @Test
    void refusesAQuotedDblinkCallInFromAndInsertsNothing() throws Exception {
        CheckResult result = runSiak("postgres", "SELECT * FROM \"dblink\"('" + dblinkTarget() + "', "
                + "'insert into penduduk values (''9'', ''Mallory'') returning 1') AS r(x int)");
        assertRefusedByTheFilter(result, "calls dblink(), which opens its own connection");
        assertEquals(3, siakRows());
    }

    @Test
    void refusesAQuotedAndASchemaQualifiedTerminateBackendAndTheOtherSessionLives() throws Exception {
        Properties victimProperties = new Properties();
        victimProperties.setProperty("user", "postgres");
        victimProperties.setProperty("ApplicationName", "victim");
        try (Connection victim = DriverManager.getConnection(TestPostgres.siakUrl(), victimProperties)) {
            for (String query : new String[] {
                "SELECT \"pg_terminate_backend\"(pid) FROM pg_stat_activity WHERE application_name = 'victim'",
                "SELECT pg_catalog.pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'victim'",
                "SELECT \"pg_catalog\".\"pg_cancel_backend\"(pid) FROM pg_stat_activity"}) {
                CheckResult result = runSiak("postgres", query);
                assertRefusedByTheFilter(result, "which acts on other sessions of the database");
            }
            try (Statement s = victim.createStatement(); ResultSet r = s.executeQuery("select 1")) {
                assertTrue(r.next(), "the other session still answers");
            }
        }
    }

    @Test
    void refusesAUserFunctionThatCallsDblinkWhateverItsDeclaredVolatility() throws Exception {
        String target = dblinkTarget().replace("'", "''");
        try (Connection c = siak("postgres"); Statement s = c.createStatement()) {
            s.execute("create or replace function ask_remote() returns int language sql as $$ select 1 from "
                    + "dblink_exec('" + target + "', 'delete from penduduk where nik = ''1301010101010003''') $$");
            s.execute("create or replace function ask_remote_stable() returns int language plpgsql stable as $$ "
                    + "begin perform dblink_exec('" + target + "', "
                    + "'delete from penduduk where nik = ''1301010101010003'''); return 1; end $$");
            s.execute("grant execute on function ask_remote(), ask_remote_stable() to " + TestPostgres.READ_ONLY_USER);
        }
        CheckResult asOwner = runSiak("postgres", "select ask_remote()");
        assertEquals(Status.UNKNOWN, asOwner.status(), asOwner.message());
        assertTrue(asOwner.message().startsWith("query refused, not run: the account may call the dblink "
                + "functions dblink, dblink_connect, dblink_connect_u, dblink_exec, dblink_open, dblink_send_query, "
                + "which open their own connection outside the check's read-only transaction"),
                asOwner.message());

        CheckResult volatileOne = runSiak(TestPostgres.READ_ONLY_USER, "select ask_remote()");
        assertEquals("query refused, not run: calls public.ask_remote(), whose body uses dblink, which opens its own "
                + "connection outside the check's read-only transaction", volatileOne.message());
        CheckResult stableOne = runSiak(TestPostgres.READ_ONLY_USER, "select ask_remote_stable()");
        assertEquals("query refused, not run: calls public.ask_remote_stable(), whose body uses dblink, which opens "
                + "its own connection outside the check's read-only transaction", stableOne.message());
        assertEquals(3, siakRows());
    }

    @Test
    void runsHarmlessQueriesAsTheLeastPrivilegeAccount() throws Exception {
        CheckResult result = runSiak(TestPostgres.READ_ONLY_USER, "select count(*) as \"Jumlah penduduk\", "
                + "'please delete nothing' as note, now() is not null as clock from penduduk");
        assertEquals(Status.OK, result.status(), result.message());
        assertEquals(3.0, result.measurements().get("value"));
        CheckResult activity = runSiak(TestPostgres.READ_ONLY_USER,
                "select count(*) from pg_stat_activity where datname = current_database()");
        assertEquals(Status.OK, activity.status(), activity.message());
    }

    private static void assertRefusedByTheFilter(CheckResult result, String reasonPart) {
        assertEquals(Status.UNKNOWN, result.status(), result.message());
        assertTrue(result.message().startsWith("query refused, not run: "), result.message());
        assertTrue(result.message().contains(reasonPart), result.message());
        assertFalse(result.measurements().containsKey("connectMs"), "must not even connect");
    }

    private static String dblinkTarget() {
        return "host=localhost port=" + postgres.getPort() + " dbname=" + TestPostgres.SIAK + " user=postgres";
    }

    private static Connection siak(String user) throws SQLException {
        return DriverManager.getConnection(TestPostgres.siakUrl(), user, null);
    }

    private static int siakRows() throws SQLException {
        try (Connection c = siak("postgres"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from penduduk")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static CheckResult runSiak(String user, String query) throws Exception {
        return new JdbcCheck(new CheckSpec.Jdbc(TestPostgres.siakUrl(), user, null, query, 5, null, null, null, null,
                null, null)).run();
    }
}
