package id.siaga.agent.cli;

import id.siaga.agent.TestPostgres;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

/**
 * Real things for the command-line tests to check: an open and a closed local port, a backup folder with a
 * day-old file, and PostgreSQL; and configuration files made from check snippets.
 */
final class CliFixture implements AutoCloseable {

    final ServerSocket open;
    final int closedPort;
    final Path dir;

    CliFixture(Path dir) throws IOException {
        this.dir = dir;
        this.open = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = closed.getLocalPort();
        }
        Path backups = Files.createDirectories(dir.resolve("backup"));
        Path dump = Files.writeString(backups.resolve("siak-2026-11-24.dump.gz"), "dump");
        Files.setLastModifiedTime(dump, FileTime.from(Instant.now().minus(Duration.ofHours(25))));
    }

    String portOpen() {
        return """
                  - key: port-open
                    kind: tcp
                    host: 127.0.0.1
                    port: %d
                """.formatted(open.getLocalPort());
    }

    String portClosed() {
        return """
                  - key: port-closed
                    kind: tcp
                    host: 127.0.0.1
                    port: %d
                    timeoutMs: 1000
                """.formatted(closedPort);
    }

    String backupAging() {
        return """
                  - key: backup
                    kind: file-age
                    dir: %s
                    pattern: "siak-*.dump.gz"
                    warnAgeHours: 24
                    maxAgeHours: 48
                """.formatted(dir.resolve("backup"));
    }

    String queryNotANumber() {
        return """
                  - key: db-query
                    kind: jdbc
                    url: %s
                    user: postgres
                    query: select 'not a number'
                    warnAbove: 1
                    timeoutSeconds: 5
                """.formatted(TestPostgres.url());
    }

    /** @return a configuration file with the given check snippets, reporting to {@code serviceUrl} */
    Path reportingConfig(String serviceUrl, String token, String... checks) throws IOException {
        return reportingConfig(9, serviceUrl, token, checks);
    }

    /** @return a configuration file for server {@code serverId} with the given checks, reporting to {@code serviceUrl} */
    Path reportingConfig(long serverId, String serviceUrl, String token, String... checks) throws IOException {
        String text = """
                server:
                  id: %d
                  name: cli-test
                service:
                  url: %s
                  token: %s
                outbox:
                  dir: %s
                checks:
                %s""".formatted(serverId, serviceUrl, token, dir.resolve("outbox"), String.join("", checks));
        return Files.writeString(Files.createTempFile(dir, "agent-", ".yaml"), text);
    }

    Path config(String... checks) throws IOException {
        return reportingConfig("http://127.0.0.1:9", "${SIAGA_TEST_TOKEN_NOT_SET}", checks);
    }

    @Override
    public void close() throws IOException {
        open.close();
    }

    /** Runs the command line in this JVM, capturing what it prints. */
    static Result execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AgentCommand.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    record Result(int exitCode, String out, String err) {
    }
}
