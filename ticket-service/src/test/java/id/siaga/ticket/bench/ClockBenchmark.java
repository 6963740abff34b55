package id.siaga.ticket.bench;

import id.siaga.ticket.it.ServiceProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Clocks at 10,000 (goal: escalation lateness p99 at most 1 s, the sweep at most 5 % of a core): 10,000 open tickets
 * whose current steps fall due over two minutes, on the packaged service with its escalation settings as shipped
 * (sweep every 30 s, the due-time timer polling at most every second, INFO logging of each escalation). The tickets are written with SQL as the
 * write path leaves them (ticket at its first step with the step's due time, the step record, the CREATED audit
 * event, the tally by its trigger). Prints the lateness of each step's first escalation (its created_at minus the
 * step's due time) as p50 / p99 / max, and the CPU time of the service's process and of PostgreSQL during the two
 * minutes, minus an idle baseline taken just before in the same run, as a share of one core. Run with
 * {@code scripts/benchmark.sh -Dit.test=ClockBenchmark}.
 */
class ClockBenchmark {

    private static final int TICKETS = 10_000;
    private static final Duration SPREAD = Duration.ofMinutes(2);
    private static final Duration BASELINE = Duration.ofSeconds(30);

    @Test
    void measuresEscalationLatenessAndSweepCpuAtTenThousandClocks() throws Exception {
        try (EmbeddedPostgres postgres = BenchDatabase.start()) {
            Map<String, String> env = BenchDatabase.serviceEnvironment(postgres, Map.of());
            try (ServiceProcess service = ServiceProcess.start("clock-bench", env);
                    Connection db = postgres.getDatabase("postgres", "siaga").getConnection()) {
                Instant first = Instant.now().plus(BASELINE).plusSeconds(25);
                long seeding = System.nanoTime();
                seed(db, first);
                System.err.printf("seeded %d open tickets in %d ms%n", TICKETS, (System.nanoTime() - seeding) / 1_000_000);
                sleepUntil(first.minus(BASELINE).minusSeconds(1));
                long[] idle = cpu(service, db);
                sleepUntil(first.minusSeconds(1));
                long[] atFirst = cpu(service, db);
                sleepUntil(first.plus(SPREAD).plusSeconds(2));
                long[] atLast = cpu(service, db);
                long window = SPREAD.plusSeconds(3).toMillis();
                long baseline = BASELINE.toMillis();
                double serviceShare = share(atLast[0] - atFirst[0], window) - share(atFirst[0] - idle[0], baseline);
                double databaseShare = share(atLast[1] - atFirst[1], window) - share(atFirst[1] - idle[1], baseline);
                double serviceIdle = share(atFirst[0] - idle[0], baseline);
                double[] lateness = lateness(db);
                report(lateness, serviceShare, serviceIdle, databaseShare);
                assertEquals(TICKETS, (long) lateness[3], "every step is escalated once");
            }
        }
    }

    /** Writes the open tickets, the first due at {@code first}, the last {@link #SPREAD} later. */
    private static void seed(Connection db, Instant first) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("insert into server (name, role, agent_token_hash) select 'clock-' || g, "
                    + "(array['SIAK_APP','SIAK_DB','KTPEL','NETWORK','OTHER'])[1 + g % 5], "
                    + "decode(md5(g::text) || md5(g::text), 'hex') from generate_series(1, 50) g");
        }
        String due = "cast(? as timestamptz) + make_interval(secs => (g - 1) * " + SPREAD.toMillis() / 1000.0 + " / " + TICKETS + ")";
        try (PreparedStatement s = db.prepareStatement("insert into ticket (number, sop_version_id, source, reporter_name,"
                + " server_id, application, title, description, severity, step, state, step_started_at, due_at, created_at,"
                + " created_by, updated_at, round)"
                + " select 'CLOCK-' || lpad(g::text, 6, '0'), (select max(id) from sop_version), 'PHONE', 'Operator', 1 + g % 50,"
                + " 'SIAK', 'SIAK tidak bisa login ' || g, 'Operator melapor SIAK tidak bisa login', 'MEDIUM',"
                + " 'COMPLAINT_RECEIVED', 'OPEN', now(), " + due + ", now(), 'adb', now(), 1"
                + " from generate_series(1, " + TICKETS + ") g")) {
            s.setTimestamp(1, Timestamp.from(first));
            s.executeUpdate();
        }
        try (Statement s = db.createStatement()) {
            s.execute("insert into ticket_step (ticket_id, seq, code, started_at, due_at)"
                    + " select id, 1, step, step_started_at, due_at from ticket where number like 'CLOCK-%'");
            s.execute("insert into ticket_event (ticket_id, at, actor, type, to_step, note)"
                    + " select id, created_at, created_by, 'CREATED', step, 'Complaint received by phone' from ticket"
                    + " where number like 'CLOCK-%' order by id");
            s.execute("vacuum analyze ticket");
            s.execute("vacuum analyze ticket_step");
        }
    }

    /** @return CPU ticks so far: of the service's process, and of PostgreSQL's processes (but this connection's) */
    private static long[] cpu(ServiceProcess service, Connection db) throws Exception {
        return new long[] {ServiceCpu.ticks(service.pid()), MachineCpu.postgresTicks(db)};
    }

    private static double share(long ticks, long millis) {
        return ticks * 1000.0 / ServiceCpu.TICKS_PER_SECOND / millis;
    }

    /** @return p50, p99 and max of the first escalations' lateness in seconds, and how many steps were escalated */
    private static double[] lateness(Connection db) throws Exception {
        List<Double> late = new ArrayList<>();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("select extract(epoch from e.created_at - st.due_at) from escalation e"
                        + " join ticket_step st on st.ticket_id = e.ticket_id and st.seq = e.step_seq"
                        + " where e.reason = 'STEP_OVERDUE' and e.level = 1 order by 1")) {
            while (rs.next()) {
                late.add(rs.getDouble(1));
            }
        }
        if (late.isEmpty()) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, 0};
        }
        return new double[] {late.get(late.size() / 2), late.get(Math.min(late.size() - 1, late.size() * 99 / 100)),
                late.get(late.size() - 1), late.size()};
    }

    private static void sleepUntil(Instant at) throws InterruptedException {
        long millis = Duration.between(Instant.now(), at).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private static void report(double[] lateness, double service, double serviceIdle, double database) {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        String text = String.format(Locale.ROOT, "%n==== SIAGA clocks: %d open tickets falling due over %d s"
                        + " (sweep 30 s, due timer; load average %.2f on %d cores) ====%n"
                        + "escalated %.0f of %d steps; lateness (escalation created_at - step due): p50 %.3f s, p99 %.3f s,"
                        + " max %.3f s (goal p99 <= 1 s)%n"
                        + "CPU while they fell due, minus the idle baseline: service %.1f %% of a core (idle %.1f %%),"
                        + " PostgreSQL %.1f %% (goal: sweep <= 5 %% of a core)%n",
                TICKETS, SPREAD.toSeconds(), load, Runtime.getRuntime().availableProcessors(), lateness[3], TICKETS,
                lateness[0], lateness[1], lateness[2], 100 * service, 100 * serviceIdle, 100 * database);
        System.out.println(text);
        TicketListBenchmark.write("clocks.txt", text);
    }
}
