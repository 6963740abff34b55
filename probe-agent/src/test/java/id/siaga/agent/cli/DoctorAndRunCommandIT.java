package id.siaga.agent.cli;

import id.siaga.agent.TestMariaDb;
import id.siaga.agent.TestPostgres;
import id.siaga.agent.support.TicketServiceProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code doctor} and {@code run --once} against the real ticket service. */
class DoctorAndRunCommandIT {

    private static TicketServiceProcess service;
    private static TicketServiceProcess.Server server;

    @TempDir
    Path dir;

    private CliFixture fixture;

    @BeforeAll
    static void service() throws Exception {
        service = TicketServiceProcess.shared();
        server = service.register("cli-doctor", "OTHER");
    }

    @BeforeEach
    void setUp() throws IOException {
        fixture = new CliFixture(dir);
    }

    @AfterEach
    void tearDown() throws IOException {
        fixture.close();
    }

    @Test
    void doctorPassesWhenTheServiceAnswersAndAcceptsTheToken() throws Exception {
        Path config = fixture.reportingConfig(server.id(), service.url(), server.token(), fixture.portOpen());
        long before = stored();
        CliFixture.Result result = CliFixture.execute("doctor", "-c", config.toString());
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("[ ok ] configuration " + config), result.out());
        assertTrue(result.out().contains("[ ok ] service reachable (GET " + service.url() + "/q/health)"), result.out());
        assertTrue(result.out().contains("[ ok ] token accepted (POST [] to " + service.url() + "/api/v1/findings)"),
                result.out());
        assertTrue(result.out().contains("all steps passed"), result.out());
        assertEquals(before, stored(), "the empty batch stores nothing");
    }

    @Test
    void doctorFailsWithAHintWhenTheTokenIsRefused() throws IOException {
        Path config = fixture.reportingConfig(server.id(), service.url(), "siaga_wrong", fixture.portOpen());
        CliFixture.Result result = CliFixture.execute("doctor", "-c", config.toString());
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.out().contains("[FAIL] token accepted"), result.out());
        assertTrue(result.out().contains("HTTP 401: the service refused the token"), result.out());
        assertTrue(result.out().contains("hint: put this server's agent token"), result.out());
    }

    @Test
    void doctorFailsWhenTheServiceCannotBeReached() throws IOException {
        Path config = fixture.reportingConfig("http://127.0.0.1:" + fixture.closedPort, "t", fixture.portOpen());
        CliFixture.Result result = CliFixture.execute("doctor", "-c", config.toString());
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.out().contains("[FAIL] service reachable"), result.out());
        assertTrue(result.out().contains("[skip] token accepted"), result.out());
    }

    @Test
    void doctorFailsOnAnInvalidConfiguration() throws IOException {
        Path config = Files.writeString(dir.resolve("bad.yaml"), "server:\n  id: 1\n");
        CliFixture.Result result = CliFixture.execute("doctor", "-c", config.toString());
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.out().contains("[FAIL] configuration " + config + ": server.name: missing"), result.out());
    }

    @Test
    void runOnceSendsOneCycleAndExitsZeroWhenAcknowledged() throws Exception {
        long before = stored();
        Path config = fixture.reportingConfig(server.id(), service.url(), server.token(), fixture.portOpen(),
                fixture.portClosed());
        CliFixture.Result result = CliFixture.execute("run", "--once", "-c", config.toString());
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(before + 3, stored(), "two checks and the heartbeat");
    }

    @Test
    void runOnceExitsOneAndKeepsTheFindingsWhenTheServiceIsDown() throws IOException {
        Path config = fixture.reportingConfig(server.id(), "http://127.0.0.1:" + fixture.closedPort, server.token(),
                fixture.portOpen());
        CliFixture.Result result = CliFixture.execute("run", "--once", "-c", config.toString());
        assertEquals(1, result.exitCode(), result::toString);
        try (var files = Files.list(dir.resolve("outbox"))) {
            assertEquals(2, files.filter(f -> f.getFileName().toString().startsWith("f-")).count());
        }
    }

    @Test
    void runRequiresTheToken() throws IOException {
        CliFixture.Result result = CliFixture.execute("run", "--once", "-c", fixture.config(fixture.portOpen()).toString());
        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("service.token: environment variable SIAGA_TEST_TOKEN_NOT_SET is not set"),
                result.err());
    }

    @Test
    void doctorPassesWhenEachDatabaseAccountOnlyReads() throws Exception {
        Path config = fixture.reportingConfig(server.id(), service.url(), server.token(),
                jdbc("pg-ro", TestPostgres.siakUrl(), TestPostgres.READ_ONLY_USER, "x"),
                jdbc("mariadb-ro", TestMariaDb.url(), TestMariaDb.READ_ONLY_USER, TestMariaDb.PASSWORD));
        CliFixture.Result result = CliFixture.execute("doctor", "-c", config.toString());
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("[ ok ] database account of check pg-ro (siaga_ro at " + TestPostgres.siakUrl()
                + "): reads only: no right to write, to act on other sessions or to reach outside the check's "
                + "transaction found"), result.out());
        assertTrue(result.out().contains("[ ok ] database account of check mariadb-ro (siaga_ro at " + TestMariaDb.url()
                + "): reads only"), result.out());
        assertTrue(result.out().contains("all steps passed"), result.out());
    }

    @Test
    void doctorFailsAndNamesTheRightsOfAPostgresqlSuperuserAccount() throws Exception {
        Path config = fixture.reportingConfig(server.id(), service.url(), server.token(),
                jdbc("pg-owner", TestPostgres.siakUrl(), "postgres", "x"));
        CliFixture.Result result = CliFixture.execute("doctor", "-c", config.toString());
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.out().contains("[FAIL] database account of check pg-owner (postgres at "
                + TestPostgres.siakUrl() + "): the account can do more than read:\n"
                + "       - it is a superuser (SUPERUSER): it may read and change everything, files and programs on "
                + "the server included\n"
                + "       hint: the agent never writes, and its account should not be able to either"), result.out());
    }

    @Test
    void doctorFailsAndNamesTheRightsOfAMariaDbAccountGrantedAll() throws Exception {
        Path config = fixture.reportingConfig(server.id(), service.url(), server.token(),
                jdbc("mariadb-all", TestMariaDb.url(), TestMariaDb.ALL_USER, TestMariaDb.PASSWORD));
        CliFixture.Result result = CliFixture.execute("doctor", "-c", config.toString());
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.out().contains("[FAIL] database account of check mariadb-all (siaga_all at "
                + TestMariaDb.url() + "): the account can do more than read:\n"
                + "       - it holds FILE on *.*\n"
                + "       - it holds ALL PRIVILEGES on `siak`.*\n"), result.out());
        assertTrue(result.out().contains("some steps failed"), result.out());
    }

    private static String jdbc(String key, String url, String user, String password) {
        return """
                  - key: %s
                    kind: jdbc
                    url: %s
                    user: %s
                    password: %s
                    query: select 1
                """.formatted(key, url, user, password);
    }

    private static long stored() throws Exception {
        return service.count("select count(*) from finding where server_id = " + server.id());
    }
}
