package id.siaga.agent.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckCommandTest {

    @TempDir
    Path dir;

    private CliFixture fixture;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new CliFixture(dir);
    }

    @AfterEach
    void tearDown() throws IOException {
        fixture.close();
    }

    @Test
    void printsATableAndExitsZeroWhenAllIsWell() throws IOException {
        CliFixture.Result result = CliFixture.execute("check", "-c", fixture.config(fixture.portOpen()).toString());
        assertEquals(0, result.exitCode(), result::toString);
        String[] lines = result.out().split("\\R");
        assertTrue(lines[0].matches("CHECK\\s+KIND\\s+STATUS\\s+MESSAGE\\s+TIME \\(ms\\)"), lines[0]);
        assertTrue(lines[1].matches("port-open\\s+tcp\\s+OK\\s+port \\d+ on 127\\.0\\.0\\.1 open; connected in "
                + "[\\d.]+ ms\\s+\\d+"), lines[1]);
        assertTrue(result.out().contains("worst: OK (exit 0); 1 OK"), result.out());
    }

    @Test
    void exitsOneWhenTheWorstIsAWarning() throws IOException {
        CliFixture.Result result = CliFixture.execute("check", "--config",
                fixture.config(fixture.portOpen(), fixture.backupAging()).toString());
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.out().matches("(?s).*backup\\s+file-age\\s+WARN\\s+newest siak-2026-11-24\\.dump\\.gz is "
                + "25\\.0 h old \\(warn > 24 h, crit > 48 h\\).*"), result.out());
    }

    @Test
    void exitsTwoWhenAnyCheckIsCritical() throws IOException {
        CliFixture.Result result = CliFixture.execute("check", "-c",
                fixture.config(fixture.portOpen(), fixture.backupAging(), fixture.portClosed()).toString());
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.out().matches("(?s).*port-closed\\s+tcp\\s+CRIT\\s+port \\d+ on 127\\.0\\.0\\.1: "
                + "connection refused \\(nothing listening\\).*"), result.out());
        assertTrue(result.out().contains("worst: CRIT (exit 2); 1 OK, 1 WARN, 1 CRIT"), result.out());
    }

    @Test
    void exitsThreeWhenTheWorstIsUnknown() throws IOException {
        CliFixture.Result result = CliFixture.execute("check", "-c",
                fixture.config(fixture.backupAging(), fixture.queryNotANumber()).toString());
        assertEquals(3, result.exitCode(), result::toString);
        assertTrue(result.out().matches("(?s).*db-query\\s+jdbc\\s+UNKNOWN\\s+1 row in [\\d.]+ ms; value 'not a "
                + "number' is not a number.*"), result.out());
    }

    @Test
    void ranksCriticalAboveUnknown() throws IOException {
        CliFixture.Result result = CliFixture.execute("check", "-c",
                fixture.config(fixture.queryNotANumber(), fixture.portClosed()).toString());
        assertEquals(2, result.exitCode(), result::toString);
    }

    @Test
    void runsOnlyTheChecksAskedFor() throws IOException {
        CliFixture.Result result = CliFixture.execute("check", "-c",
                fixture.config(fixture.portOpen(), fixture.portClosed()).toString(), "--only", "port-open");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(!result.out().contains("port-closed"), result.out());
    }

    @Test
    void exitsOneNamingThePathOfABadSetting() throws IOException {
        CliFixture.Result result = CliFixture.execute("check", "-c", fixture.config("""
                  - key: web
                    kind: htp
                    url: http://localhost/
                  - key: db
                    kind: jdbc
                    url: jdbc:postgresql://localhost/siak
                    query: delete from biodata
                """).toString());
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.err().contains("checks[0].kind: unknown kind 'htp' (known: http, tcp, jdbc, host, "
                + "process, file-age, reachability)"), result.err());
        assertEquals("", result.out());
    }

    @Test
    void refusesAWritingQueryBeforeRunningAnything() throws IOException {
        CliFixture.Result result = CliFixture.execute("check", "-c", fixture.config("""
                  - key: db
                    kind: jdbc
                    url: jdbc:postgresql://localhost/siak
                    query: select 1; delete from biodata
                """).toString());
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.err().contains("checks[0].query: refused: several statements"), result.err());
    }

    @Test
    void explainsItselfWithHelp() {
        for (String command : new String[] {"check", "run", "doctor"}) {
            CliFixture.Result result = CliFixture.execute(command, "--help");
            assertEquals(0, result.exitCode(), command);
            assertTrue(result.out().contains("Usage: siaga-agent " + command), result.out());
            assertTrue(result.out().contains("-c, --config=FILE"), result.out());
            assertTrue(result.out().contains("/etc/siaga/agent.yaml"), result.out());
        }
        CliFixture.Result top = CliFixture.execute("--help");
        assertEquals(0, top.exitCode());
        assertTrue(top.out().contains("check") && top.out().contains("doctor"), top.out());
    }

    @Test
    void exitsWithAUsageCodeOnAnUnknownOption() {
        CliFixture.Result result = CliFixture.execute("check", "--colour");
        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().contains("Unknown option"), result.err());
    }
}
