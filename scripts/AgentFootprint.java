import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agent footprint benchmark's driver (run by scripts/agent-footprint.sh): a tiny ticket-service stand-in that
 * takes the agent's findings posts and answers its readiness checks, node_exporter scraped every interval like
 * Prometheus would, both processes started side by side, their RSS (VmRSS) and CPU (utime + stime, with the
 * cutime + cstime of the children they waited for) sampled from /proc every 5 s, and the comparison printed.
 *
 * Usage: java AgentFootprint.java WORK_DIR SECONDS INTERVAL_SECONDS CLK_TCK -- NODE_EXPORTER_CMD... -- AGENT_CMD...
 * The agent command is given the receiver's port in the environment (SIAGA_BENCH_PORT) and a configuration
 * ({@code WORK_DIR/agent.yaml}) written here.
 */
public final class AgentFootprint {

    private static final long SAMPLE_SECONDS = 5;
    /** Fewest CPU clock ticks (of 10 ms) each process must have used in the window for a CPU verdict. */
    private static final long MIN_TICKS = 10;

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        long seconds = Long.parseLong(args[1]);
        long interval = Long.parseLong(args[2]);
        double ticks = Double.parseDouble(args[3]);
        List<String> nodeCommand = new ArrayList<>();
        List<String> agentCommand = new ArrayList<>();
        int part = 0;
        for (int i = 4; i < args.length; i++) {
            if (args[i].equals("--")) {
                part++;
            } else if (part == 1) {
                nodeCommand.add(args[i]);
            } else if (part == 2) {
                agentCommand.add(args[i]);
            }
        }

        AtomicLong posts = new AtomicLong();
        AtomicLong findings = new AtomicLong();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        receiver.createContext("/", exchange -> answer(exchange, posts, findings));
        ExecutorService answering = Executors.newSingleThreadExecutor();
        receiver.setExecutor(answering);
        receiver.start();
        int port = receiver.getAddress().getPort();
        int nodePort = freePort();

        Files.writeString(work.resolve("agent.yaml"), """
                # The agent footprint benchmark: the host and a few HTTP and TCP checks, every %d s.
                server: {id: 1, name: footprint}
                service: {url: "http://127.0.0.1:%d", token: "${SIAGA_AGENT_TOKEN}"}
                interval: %ds
                outbox: {dir: "%s"}
                checks:
                  - {key: host, kind: host}
                  - {key: web, kind: http, url: "http://127.0.0.1:%d/", expectStatus: 200, expectText: UP}
                  - {key: ready, kind: http, url: "http://127.0.0.1:%d/q/health/ready", expectStatus: 200}
                  - {key: web-port, kind: tcp, host: 127.0.0.1, port: %d}
                  - {key: exporter-port, kind: tcp, host: 127.0.0.1, port: %d}
                """.formatted(interval, port, interval, work.resolve("outbox"), port, port, port, nodePort));

        nodeCommand.add("--web.listen-address=127.0.0.1:" + nodePort);
        Process node = new ProcessBuilder(nodeCommand).redirectErrorStream(true)
                .redirectOutput(work.resolve("node_exporter.log").toFile()).start();
        ProcessBuilder agentBuilder = new ProcessBuilder(agentCommand).redirectErrorStream(true)
                .redirectOutput(work.resolve("agent.log").toFile());
        agentBuilder.environment().put("SIAGA_BENCH_PORT", String.valueOf(port));
        Process agent = agentBuilder.start();
        long start = System.nanoTime();
        String loadBefore = load();

        HttpClient http = HttpClient.newHttpClient();
        AtomicLong scrapes = new AtomicLong();
        ScheduledExecutorService scraper = Executors.newSingleThreadScheduledExecutor();
        scraper.scheduleAtFixedRate(() -> {
            try {
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + nodePort + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() == 200) {
                    scrapes.incrementAndGet();
                }
            } catch (IOException | InterruptedException e) {
                // not listening yet: counted as a missed scrape
            }
        }, 1, interval, TimeUnit.SECONDS);

        List<long[]> samples = new ArrayList<>();
        try {
            for (long t = 0; t <= seconds; t += SAMPLE_SECONDS) {
                long wait = start + TimeUnit.SECONDS.toNanos(t) - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                if (!agent.isAlive() || !node.isAlive()) {
                    throw new IllegalStateException((agent.isAlive() ? "node_exporter" : "the agent")
                            + " exited; see " + work);
                }
                samples.add(new long[] {t, rssKb(agent.pid()), cpuTicks(agent.pid()), rssKb(node.pid()),
                        cpuTicks(node.pid())});
            }
        } finally {
            scraper.shutdownNow();
            agent.destroy();
            node.destroy();
            agent.waitFor(20, TimeUnit.SECONDS);
            node.waitFor(20, TimeUnit.SECONDS);
            receiver.stop(0);
            answering.shutdownNow();
        }
        report(samples, interval, ticks, posts.get(), findings.get(), scrapes.get(), loadBefore, load(), agentCommand);
    }

    /**
     * Prints RSS and CPU of both processes. The window starts in the first minute, half an interval before the
     * cycle at 60 s, and spans whole intervals, so both processes did the same number of cycles and scrapes in it.
     */
    private static void report(List<long[]> samples, long interval, double ticks, long posts, long findings,
                               long scrapes, String loadBefore, String loadAfter, List<String> agentCommand) {
        long from = Math.max(SAMPLE_SECONDS, 60 - interval / 2);
        long last = samples.get(samples.size() - 1)[0];
        long to = from + Math.max(1, (last - from) / interval) * interval;
        long[] first = at(samples, from);
        long[] end = at(samples, to);
        double hours = (end[0] - first[0]) / 3600.0;
        double agentCpu = (end[2] - first[2]) / ticks / hours;
        double nodeCpu = (end[4] - first[4]) / ticks / hours;
        long agentMax = 0;
        long nodeMax = 0;
        for (long[] s : samples) {
            if (s[0] >= from && s[0] <= to) {
                agentMax = Math.max(agentMax, s[1]);
                nodeMax = Math.max(nodeMax, s[3]);
            }
        }
        long[] minute = at(samples, 60);
        System.out.println();
        System.out.println("Agent footprint: the SIAGA agent beside node_exporter, " + last + " s, "
                + interval + " s interval; window " + first[0] + "-" + end[0] + " s (" + (end[0] - first[0]) / interval
                + " cycles)");
        System.out.println("  agent command: " + String.join(" ", agentCommand));
        System.out.println("  load average before: " + loadBefore + "; after: " + loadAfter);
        System.out.println("  agent posts received: " + posts + " (" + findings + " findings); node_exporter scrapes: "
                + scrapes);
        System.out.printf(Locale.ROOT, "  %-22s %12s %14s %12s%n", "", "agent", "node_exporter", "ratio");
        row("RSS at 60 s (MB)", minute[1] / 1024.0, minute[3] / 1024.0);
        row("RSS max in window (MB)", agentMax / 1024.0, nodeMax / 1024.0);
        row("RSS at end (MB)", end[1] / 1024.0, end[3] / 1024.0);
        row("CPU s per hour", agentCpu, nodeCpu);
        row("CPU ms per cycle", agentCpu * 1000 / (3600.0 / interval), nodeCpu * 1000 / (3600.0 / interval));
        row("CPU s to start (0-" + first[0] + " s)", first[2] / ticks, first[4] / ticks);
        double rssRatio = (double) agentMax / nodeMax;
        double cpuRatio = agentCpu / nodeCpu;
        long fewestTicks = Math.min(end[2] - first[2], end[4] - first[4]);
        String cpuVerdict = fewestTicks < MIN_TICKS
                ? String.format(Locale.ROOT, "not measured (%d clock ticks in the window, fewer than %d: run longer)",
                        fewestTicks, MIN_TICKS)
                : String.format(Locale.ROOT, "%.2fx %s", cpuRatio, cpuRatio <= 2 ? "met" : "MISSED");
        System.out.printf(Locale.ROOT, "  goal <= 2x node_exporter: RSS %.2fx %s, CPU %s%n", rssRatio,
                rssRatio <= 2 ? "met" : "MISSED", cpuVerdict);
    }

    private static void row(String name, double agent, double node) {
        System.out.printf(Locale.ROOT, "  %-22s %12.2f %14.2f %11.2fx%n", name, agent, node, agent / node);
    }

    private static long[] at(List<long[]> samples, long t) {
        long[] best = samples.get(0);
        for (long[] s : samples) {
            if (s[0] <= t) {
                best = s;
            }
        }
        return best;
    }

    private static void answer(HttpExchange exchange, AtomicLong posts, AtomicLong findings) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] request = in.readAllBytes();
            if (exchange.getRequestMethod().equals("POST")) {
                String text = new String(request, StandardCharsets.UTF_8);
                int count = 0;
                for (int at = text.indexOf("\"serverId\""); at >= 0; at = text.indexOf("\"serverId\"", at + 1)) {
                    count++;
                }
                posts.incrementAndGet();
                findings.addAndGet(count);
                body = "{\"accepted\":" + count + ",\"duplicates\":0,\"recheck\":[]}";
            } else {
                body = "{\"status\":\"UP\"}";
            }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14]);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
