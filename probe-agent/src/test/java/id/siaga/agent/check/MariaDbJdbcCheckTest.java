package id.siaga.agent.check;

import id.siaga.agent.TestMariaDb;
import id.siaga.agent.config.CheckSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code jdbc} check against a real MariaDB server ({@link TestMariaDb}). */
class MariaDbJdbcCheckTest {

    @BeforeAll
    static void startMariaDb() {
        TestMariaDb.start();
    }

    @Test
    void runsAReadingQueryAsTheLeastPrivilegeAccount() throws Exception {
        CheckResult result = run(TestMariaDb.READ_ONLY_USER, "select count(*) as `Jumlah penduduk`, "
                + "'please delete nothing' as note, now() from penduduk", 5);
        assertEquals(Status.OK, result.status(), result.message());
        assertEquals(3.0, result.measurements().get("value"));
    }

    /** Shows the attack is real: sent by an account with the FILE right, INTO OUTFILE writes a file. */
    @Test
    void intoOutfileWritesAFileWhenSentWithoutTheAgent() throws Exception {
        Path file = TestMariaDb.fileDir().resolve("direct.txt");
        try (Connection c = TestMariaDb.root(); Statement s = c.createStatement()) {
            s.execute("select nik from siak.penduduk into outfile '" + file + "'");
        }
        assertTrue(Files.exists(file));
    }

    @Test
    void refusesIntoOutfileAndWritesNoFile() throws Exception {
        Path outfile = TestMariaDb.fileDir().resolve("outfile.txt");
        Path dumpfile = TestMariaDb.fileDir().resolve("dumpfile.bin");
        for (String query : new String[] {
            "select nik, nama from penduduk into outfile '" + outfile + "'",
            "select nama from penduduk limit 1 into dumpfile '" + dumpfile + "'",
            "select count(*) into @jumlah from penduduk"}) {
            CheckResult result = run(TestMariaDb.ALL_USER, query, 5);
            assertRefused(result, "contains INTO");
        }
        assertFalse(Files.exists(outfile), "no file written");
        assertFalse(Files.exists(dumpfile), "no file written");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "select sleep(5)",
        "select `SLEEP`(5)",
        "select benchmark(100000000, md5('x'))",
        "select load_file('/etc/passwd')",
        "select get_lock('siaga', 5)",
        "select * from penduduk for update",
        "select * from penduduk lock in share mode",
        "select 1; delete from penduduk",
        "select 1 /*! ; delete from penduduk */"
    })
    void refusesWaitsFilesLocksAndSecondStatementsWithoutConnecting(String query) throws Exception {
        long started = System.nanoTime();
        CheckResult result = run(TestMariaDb.ALL_USER, query, 5);
        assertRefused(result, "");
        assertTrue(System.nanoTime() - started < 1_000_000_000L, "refused at once, not run");
        assertEquals(3, rows());
    }

    @Test
    void runsInAReadOnlyTransactionSoAWritingStoredFunctionFails() throws Exception {
        try (Connection c = TestMariaDb.root(); Statement s = c.createStatement()) {
            s.execute("create or replace function siak.tambah() returns int modifies sql data "
                    + "begin insert into siak.penduduk values ('9', 'Mallory'); return 1; end");
        }
        CheckResult result = run(TestMariaDb.ALL_USER, "select tambah()", 5);
        assertEquals(Status.CRIT, result.status(), result.message());
        assertTrue(result.message().contains("READ ONLY"), result.message());
        assertEquals(3, rows());
    }

    @Test
    void cancelsAQueryThatRunsPastItsTimeout() throws Exception {
        long started = System.nanoTime();
        CheckResult result = run(TestMariaDb.ALL_USER, "select count(*) from information_schema.collations a, "
                + "information_schema.collations b, information_schema.collations c, information_schema.collations d", 1);
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(Status.CRIT, result.status(), result.message());
        assertEquals("query took longer than 1 s (cancelled)", result.message());
        assertTrue(tookMs < 4_000, "took " + tookMs + " ms");
    }

    private static void assertRefused(CheckResult result, String reasonPart) {
        assertEquals(Status.UNKNOWN, result.status(), result.message());
        assertTrue(result.message().startsWith("query refused, not run: "), result.message());
        assertTrue(result.message().contains(reasonPart), result.message());
        assertFalse(result.measurements().containsKey("connectMs"), "must not even connect");
    }

    private static int rows() throws SQLException {
        try (Connection c = TestMariaDb.root(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from siak.penduduk")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static CheckResult run(String user, String query, int timeoutSeconds) throws Exception {
        return new JdbcCheck(new CheckSpec.Jdbc(TestMariaDb.url(), user, TestMariaDb.PASSWORD, query, timeoutSeconds,
                null, null, null, null, null, null)).run();
    }
}
