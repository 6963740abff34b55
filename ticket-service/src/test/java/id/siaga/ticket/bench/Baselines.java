package id.siaga.ticket.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database baselines the speed goals are stated against, measured with {@code pgbench} (8 clients) on the PostgreSQL the service
 * uses, in a table {@code f} of their own:
 * <ul>
 * <li>B1: one transaction = one single-row INSERT of a uuid key and four text columns;</li>
 * <li>B1×100: one transaction = one 100-row INSERT of the same rows (figure in rows per second).</li>
 * </ul>
 */
final class Baselines {

    private static final String PGBENCH = System.getProperty("siaga.bench.pgbench", "/usr/lib/postgresql/15/bin/pgbench");
    private static final String ROW = "(gen_random_uuid(), :server, 'check-' || :chk, 'OK', 'port open in 1 ms')";

    private final EmbeddedPostgres postgres;

    Baselines(EmbeddedPostgres postgres) throws Exception {
        this.postgres = postgres;
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table if not exists f (id uuid primary key, server int, chk text, status text, msg text, "
                    + "observed timestamptz default now())");
        }
    }

    /** @return B1 in transactions (= rows) per second */
    double b1(int seconds) throws Exception {
        return pgbench(seconds, "insert into f (id, server, chk, status, msg) values " + ROW + ";\n");
    }

    /** @return B1×100 in rows per second */
    double b1x100(int seconds) throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            rows.append(i == 0 ? "" : ",\n    ").append(ROW);
        }
        return 100 * pgbench(seconds, "insert into f (id, server, chk, status, msg) values\n    " + rows + ";\n");
    }

    /** @return the machine's load averages (1, 5, 15 minutes) as /proc/loadavg gives them */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** @return the 1-minute load average, or NaN */
    static double loadAverage1() {
        try {
            return Double.parseDouble(loadAverage().split(" ")[0]);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private double pgbench(int seconds, String transaction) throws IOException, InterruptedException, java.sql.SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("truncate f");
        }
        Path script = Files.createTempFile("b1-", ".sql");
        Files.writeString(script, "\\set server random(1, 2000)\n\\set chk random(1, 20)\n" + transaction);
        Process p = new ProcessBuilder(PGBENCH, "-h", "localhost", "-p", String.valueOf(postgres.getPort()), "-U",
                "postgres", "-n", "-c", "8", "-j", "2", "-T", String.valueOf(seconds), "-f", script.toString(), "postgres")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        Files.deleteIfExists(script);
        Matcher m = Pattern.compile("tps = ([0-9.]+)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("pgbench gave no tps:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }
}
