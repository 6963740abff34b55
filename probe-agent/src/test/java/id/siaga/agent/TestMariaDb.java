package id.siaga.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One real MariaDB server (Debian's {@code mariadb-server}) per test JVM, like {@link TestPostgres}: a throw-away
 * data folder made by {@code mariadb-install-db}, {@code mariadbd} on a free port of 127.0.0.1 and a unix socket in
 * the same temporary folder, started on first use and stopped at exit. Missing binaries fail the test: test.sh
 * installs them.
 *
 * <p>It holds a database {@code siak} with a table {@code penduduk} of three rows, a least-privilege account
 * {@code siaga_ro} (SELECT on that table, PROCESS, as the README says) and an account {@code siaga_all} granted
 * everything on {@code siak}. {@code SELECT … INTO OUTFILE} may write only into {@link #fileDir()}.
 */
public final class TestMariaDb {

    /** The least-privilege account's name and password. */
    public static final String READ_ONLY_USER = "siaga_ro";
    /** The password of both test accounts. */
    public static final String PASSWORD = "rahasia-uji";
    /** An account granted ALL on the database. */
    public static final String ALL_USER = "siaga_all";

    private static final List<Path> SERVERS = List.of(Path.of("/usr/sbin/mariadbd"), Path.of("/usr/sbin/mysqld"));
    private static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");

    private static Path dir;
    private static Process server;
    private static int port;

    private TestMariaDb() {
    }

    /** Starts the server if it is not running. */
    public static synchronized void start() {
        if (server != null) {
            return;
        }
        Path binary = SERVERS.stream().filter(Files::isExecutable).findFirst().orElseThrow(() -> new IllegalStateException(
                "MariaDB is not installed (no /usr/sbin/mariadbd): run ./test.sh, which installs it, or "
                        + "apt-get install mariadb-server"));
        if (!Files.isExecutable(INSTALL_DB)) {
            throw new IllegalStateException("mariadb-install-db is missing: apt-get install mariadb-server");
        }
        try {
            dir = Files.createTempDirectory("siaga-mariadb-");
            Files.createDirectories(dir.resolve("files"));
            Path data = dir.resolve("data");
            run(List.of(INSTALL_DB.toString(), "--no-defaults", "--datadir=" + data, "--user=root",
                    "--auth-root-authentication-method=normal", "--skip-test-db"), dir.resolve("install.log"));
            try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = free.getLocalPort();
            }
            server = new ProcessBuilder(binary.toString(), "--no-defaults", "--datadir=" + data,
                    "--socket=" + dir.resolve("mysqld.sock"), "--port=" + port, "--bind-address=127.0.0.1",
                    "--user=root", "--pid-file=" + dir.resolve("mysqld.pid"), "--log-error=" + dir.resolve("error.log"),
                    "--skip-log-bin", "--innodb-buffer-pool-size=16M", "--tmpdir=" + dir,
                    "--secure-file-priv=" + dir.resolve("files"))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("server.out").toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(TestMariaDb::stop));
            waitUntilReady();
            try (Connection c = connectAsRoot(); Statement s = c.createStatement()) {
                s.execute("create database siak");
                s.execute("create table siak.penduduk (nik varchar(16) primary key, nama text)");
                s.execute("insert into siak.penduduk values ('1301010101010001', 'Siti'), "
                        + "('1301010101010002', 'Budi'), ('1301010101010003', 'Rina')");
                s.execute("create user '" + READ_ONLY_USER + "'@'%' identified by '" + PASSWORD + "' "
                        + "with max_statement_time 30");
                s.execute("grant select on siak.penduduk to '" + READ_ONLY_USER + "'@'%'");
                s.execute("grant process on *.* to '" + READ_ONLY_USER + "'@'%'");
                s.execute("create user '" + ALL_USER + "'@'%' identified by '" + PASSWORD + "'");
                s.execute("grant all on siak.* to '" + ALL_USER + "'@'%'");
                s.execute("grant file on *.* to '" + ALL_USER + "'@'%'");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException("MariaDB did not start; see " + dir.resolve("error.log"), e);
        }
    }

    /** @return the JDBC URL of database {@code siak}, without user */
    public static String url() {
        start();
        return "jdbc:mariadb://127.0.0.1:" + port + "/siak";
    }

    /** @return a connection as root, the server's administrator */
    public static Connection root() throws SQLException {
        start();
        return connectAsRoot();
    }

    private static Connection connectAsRoot() throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
    }

    /** @return the only folder where the server may write files ({@code secure_file_priv}) */
    public static Path fileDir() {
        start();
        return dir.resolve("files");
    }

    private static void waitUntilReady() throws InterruptedException, SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Connection c = connectAsRoot()) {
                return;
            } catch (SQLException e) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed; see " + log);
        }
    }

    private static synchronized void stop() {
        if (server == null) {
            return;
        }
        server.destroy();
        try {
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            server.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
