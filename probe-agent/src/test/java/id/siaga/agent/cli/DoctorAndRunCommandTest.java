package id.siaga.agent.cli;

import id.siaga.agent.FakeTicketService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DoctorAndRunCommandTest {

    @TempDir
    Path dir;

    private CliFixture fixture;
    private FakeTicketService service;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new CliFixture(dir);
        service = new FakeTicketService();
    }

    @AfterEach
    void tearDown() throws IOException {
        service.close();
        fixture.close();
    }

    @Test
    void doctorPassesWhenTheServiceAnswersAndAcceptsTheToken() throws IOException {
        Path config = fixture.reportingConfig(service.url(), FakeTicketService.TOKEN, fixture.portOpen());
        CliFixture.Result result = CliFixture.execute("doctor", "-c", config.toString());
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("[ ok ] configuration " + config), result.out());
        assertTrue(result.out().contains("[ ok ] service reachable (GET " + service.url() + "/q/health)"), result.out());
        assertTrue(result.out().contains("[ ok ] token accepted (POST [] to " + service.url() + "/api/v1/findings)"),
                result.out());
        assertTrue(result.out().contains("all steps passed"), result.out());
        assertEquals(0, service.findings().size(), "the empty batch posts nothing");
    }

    @Test
    void doctorFailsWithAHintWhenTheTokenIsRefused() throws IOException {
        Path config = fixture.reportingConfig(service.url(), "wrong", fixture.portOpen());
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
    void runOnceSendsOneCycleAndExitsZeroWhenAcknowledged() throws IOException {
        Path config = fixture.reportingConfig(service.url(), FakeTicketService.TOKEN, fixture.portOpen(), fixture.portClosed());
        CliFixture.Result result = CliFixture.execute("run", "--once", "-c", config.toString());
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(1, service.posts().size());
        assertEquals(3, service.posts().get(0).body().size());
    }

    @Test
    void runOnceExitsOneAndKeepsTheFindingsWhenTheServiceFails() throws IOException {
        service.thenAnswer(500);
        Path config = fixture.reportingConfig(service.url(), FakeTicketService.TOKEN, fixture.portOpen());
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
}
