package id.siaga.ticket.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Posts findings to the service over many kept-alive connections, all driven by one thread with a selector (as wrk
 * and wrk2 do), closed loop (each connection sends its next post when the last is answered: the most the service
 * takes) or open loop (post {@code k} is due at {@code start + k / rate}, whatever the answers so far, and goes out
 * on connection {@code k mod clients} as soon as that connection's earlier posts are answered). In the open loop a
 * post's latency runs from the moment it was due, not from when it was sent, so a slow service cannot hide its queue
 * by slowing the generator down (no coordinated omission). A refused or failed post counts as an error.
 *
 * <p>One thread and non-blocking sockets keep the generator's own CPU small: it shares the two cores with the
 * service and PostgreSQL, and a thread per connection (2,000 in the headroom run) cost up to 0.4 of a core in
 * wake-ups alone. The selector wakes at millisecond granularity, so a post may go out up to about a millisecond
 * after it was due; that time counts in its latency.
 */
final class LoadGenerator {

    /** What to post as the {@code k}-th post of a run. */
    interface Posts {
        Post next(long k);
    }

    /** One post: the agent's token, the JSON body and how many findings it holds. */
    record Post(String token, String body, int findings) {
    }

    /** What one run did. */
    record Run(double seconds, long posts, long findings, long errors, long[] latencyMicros, String firstError,
            String worstMoments) {

        double postsPerSecond() {
            return posts / seconds;
        }

        double findingsPerSecond() {
            return findings / seconds;
        }

        /** @return the latency percentile, in milliseconds */
        double percentileMillis(double p) {
            if (latencyMicros.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(latencyMicros.length - 1, Math.ceil(p / 100.0 * latencyMicros.length) - 1);
            return latencyMicros[Math.max(0, index)] / 1000.0;
        }

        double maxMillis() {
            return latencyMicros.length == 0 ? Double.NaN : latencyMicros[latencyMicros.length - 1] / 1000.0;
        }
    }

    /** The worst moments of a run are told in windows of this length (of the posts' due times). */
    private static final long MOMENT_NANOS = 100_000_000L;

    /** Posts still unanswered this long after the run's end count as errors, and the run ends. */
    private static final long GIVE_UP_NANOS = 120_000_000_000L;

    private final URI service;
    private final int clients;
    private final double rate;
    private final Posts posts;
    private final Selector selector;
    private final Connection[] connections;
    private long start;
    private long end;
    private long findings;
    private long errors;
    private String firstError;
    private long[] micros = new long[1 << 16];
    private long[] moments = new long[1 << 16];
    private int answered;
    /** Posts due (open loop) or sent (closed loop) and not yet answered. */
    private long outstanding;

    private LoadGenerator(URI service, int clients, double rate, Posts posts) throws IOException {
        this.service = service;
        this.clients = clients;
        this.rate = rate;
        this.posts = posts;
        this.selector = Selector.open();
        this.connections = new Connection[clients];
    }

    /** Each of {@code clients} connections posts as fast as the service answers, for {@code duration}. */
    static Run closed(URI service, int clients, Duration duration, Posts posts) throws InterruptedException {
        return run(service, clients, duration, 0, posts);
    }

    /** Posts at {@code postsPerSecond} in all for {@code duration}, spread over {@code clients} connections. */
    static Run open(URI service, int clients, Duration duration, double postsPerSecond, Posts posts)
            throws InterruptedException {
        return run(service, clients, duration, postsPerSecond, posts);
    }

    private static Run run(URI service, int clients, Duration duration, double rate, Posts posts)
            throws InterruptedException {
        try {
            LoadGenerator generator = new LoadGenerator(service, clients, rate, posts);
            try {
                return generator.drive(duration);
            } finally {
                generator.closeAll();
            }
        } catch (IOException e) {
            throw new IllegalStateException("the load generator could not start: " + e, e);
        }
    }

    /**
     * One connection: its socket, the request being written, the answer being read, and (open loop) how many of its
     * posts are due: its {@code j}-th post is post {@code client + j * clients} of the run.
     */
    private final class Connection {
        final int client;
        SocketChannel channel;
        SelectionKey key;
        ByteBuffer out;
        byte[] in = new byte[8 * 1024];
        int inLength;
        /** The index {@code j} of the post in flight, or -1. */
        long inFlight = -1;
        long inFlightDue;
        int inFlightFindings;
        /** Posts of this connection due so far (open loop), and sent so far. */
        long due;
        long sent;

        Connection(int client) {
            this.client = client;
        }

        void connect() throws IOException {
            channel = SocketChannel.open(new InetSocketAddress(service.getHost(), service.getPort()));
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            key = channel.register(selector, SelectionKey.OP_READ, this);
            inLength = 0;
        }

        long dueTime(long j) {
            return start + (long) ((client + j * (double) clients) * 1e9 / rate);
        }

        /** Sends post {@code j} of this connection. */
        void send(long j, long dueAt) throws IOException {
            long k = client + j * clients;
            Post post = posts.next(k);
            byte[] body = post.body().getBytes(StandardCharsets.UTF_8);
            byte[] head = ("POST /api/v1/findings HTTP/1.1\r\nHost: " + service.getHost() + ":" + service.getPort()
                    + "\r\nAuthorization: Bearer " + post.token() + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            out = ByteBuffer.allocate(head.length + body.length).put(head).put(body).flip();
            inFlight = j;
            inFlightDue = dueAt;
            inFlightFindings = post.findings();
            sent = j + 1;
            write();
        }

        void write() throws IOException {
            channel.write(out);
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        /** Reads what arrived; @return the status of a complete answer, or 0 while it is incomplete */
        int read() throws IOException {
            while (true) {
                if (inLength == in.length) {
                    in = Arrays.copyOf(in, in.length * 2);
                }
                int n = channel.read(ByteBuffer.wrap(in, inLength, in.length - inLength));
                if (n < 0) {
                    throw new IOException("connection closed by the service");
                }
                inLength += n;
                if (n == 0 || inLength < in.length) {
                    break;
                }
            }
            int length = answerLength();
            if (length < 0) {
                return 0;
            }
            int status = (in[9] - '0') * 100 + (in[10] - '0') * 10 + (in[11] - '0');
            if (status != 200) {
                note("HTTP " + status + ": " + new String(in, 0, Math.min(length, 600), StandardCharsets.UTF_8));
            }
            System.arraycopy(in, length, in, 0, inLength - length);
            inLength -= length;
            return status;
        }

        /** @return the length of the complete answer at the start of the buffer, or -1 while it is incomplete */
        private int answerLength() throws IOException {
            int headEnd = indexOf(in, 0, inLength, "\r\n\r\n");
            if (headEnd < 0) {
                return -1;
            }
            String head = new String(in, 0, headEnd, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
            if (!head.startsWith("http/1.1 ")) {
                throw new IOException("not an HTTP/1.1 answer: " + head.substring(0, Math.min(head.length(), 80)));
            }
            int bodyStart = headEnd + 4;
            int contentLength = head.indexOf("\r\ncontent-length:");
            if (contentLength >= 0) {
                int lineEnd = head.indexOf("\r\n", contentLength + 2);
                int length = Integer.parseInt(head.substring(contentLength + 17, lineEnd < 0 ? head.length() : lineEnd).trim());
                return inLength >= bodyStart + length ? bodyStart + length : -1;
            }
            if (!head.contains("\r\ntransfer-encoding:") || !head.contains("chunked")) {
                return bodyStart;
            }
            int at = bodyStart;
            while (true) {
                int lineEnd = indexOf(in, at, inLength, "\r\n");
                if (lineEnd < 0) {
                    return -1;
                }
                String size = new String(in, at, lineEnd - at, StandardCharsets.US_ASCII);
                int semicolon = size.indexOf(';');
                int chunk = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                if (chunk == 0) {
                    int trailerEnd = indexOf(in, lineEnd, inLength, "\r\n\r\n");
                    return trailerEnd < 0 ? -1 : trailerEnd + 4;
                }
                at = lineEnd + 2 + chunk + 2;
                if (at > inLength) {
                    return -1;
                }
            }
        }

        void close() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }

    private static int indexOf(byte[] bytes, int from, int to, String what) {
        byte first = (byte) what.charAt(0);
        outer:
        for (int i = from; i <= to - what.length(); i++) {
            if (bytes[i] != first) {
                continue;
            }
            for (int j = 1; j < what.length(); j++) {
                if (bytes[i + j] != what.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private Run drive(Duration duration) throws IOException {
        // every connection is made before the clock starts: with many connections their set-up would otherwise make
        // the first posts late
        for (int c = 0; c < clients; c++) {
            connections[c] = new Connection(c);
            try {
                connections[c].connect();
            } catch (IOException e) {
                note(e.toString());
            }
        }
        start = System.nanoTime() + 20_000_000L;
        end = start + duration.toNanos();
        boolean open = rate > 0;
        long total = open ? (long) Math.ceil((end - start) * rate / 1e9) : Long.MAX_VALUE;
        long nextK = 0;
        if (!open) {
            for (Connection c : connections) {
                sendNext(c, System.nanoTime());
            }
        }
        while (true) {
            long now = System.nanoTime();
            if (open) {
                for (; nextK < total && dueTime(nextK) <= now; nextK++) {
                    Connection c = connections[(int) (nextK % clients)];
                    c.due++;
                    outstanding++;
                    if (c.inFlight < 0) {
                        sendNext(c, now);
                    }
                }
            }
            if (outstanding == 0 && (open ? nextK >= total : now >= end)) {
                break;
            }
            if (now - end > GIVE_UP_NANOS) {
                for (Connection c : connections) {
                    if (c.inFlight >= 0) {
                        fail(c, "no answer " + GIVE_UP_NANOS / 1_000_000_000L + " s after the run's end", now);
                    }
                }
                break;
            }
            long wait = open && nextK < total ? dueTime(nextK) - now : 100_000_000L;
            if (wait > 0) {
                selector.select(Math.max(1, wait / 1_000_000));
            } else {
                selector.selectNow();
            }
            long at = System.nanoTime();
            for (SelectionKey key : selector.selectedKeys()) {
                Connection c = (Connection) key.attachment();
                try {
                    if (key.isValid() && key.isWritable()) {
                        c.write();
                    }
                    if (key.isValid() && key.isReadable()) {
                        int status = c.read();
                        if (status != 0) {
                            record(c, status == 200, at);
                            sendNext(c, at);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    fail(c, e.toString(), at);
                }
            }
            selector.selectedKeys().clear();
        }
        // served per second over the time until the last answer came (open loop: at least the run's length)
        double seconds = Math.max(open ? duration.toNanos() : 0, System.nanoTime() - start) / 1e9;
        long[] all = Arrays.copyOf(micros, answered);
        String worst = worstMoments();
        Arrays.sort(all);
        return new Run(seconds, all.length - errors, findings, errors, all, firstError, worst);
    }

    private long dueTime(long k) {
        return start + (long) (k * 1e9 / rate);
    }

    /**
     * Sends the connection's next post if one is due (open loop) or the run goes on (closed loop). A connection that
     * could not be made anew is tried again; while it cannot be, its due posts count as errors.
     */
    private void sendNext(Connection c, long now) {
        c.inFlight = -1;
        boolean more = rate > 0 ? c.sent < c.due : now < end;
        if (!more) {
            return;
        }
        if (c.channel == null) {
            try {
                c.connect();
            } catch (IOException e) {
                note(e.toString());
                c.channel = null;
                while (rate > 0 && c.sent < c.due) {
                    c.inFlightDue = c.dueTime(c.sent++);
                    c.inFlightFindings = 0;
                    record(c, false, now);
                }
                return;
            }
        }
        try {
            if (rate > 0) {
                c.send(c.sent, c.dueTime(c.sent));
            } else {
                outstanding++;
                c.send(c.sent, now);
            }
        } catch (IOException e) {
            fail(c, e.toString(), System.nanoTime());
        }
    }

    /** The post in flight failed: it counts as an error, and the connection is made anew for the next. */
    private void fail(Connection c, String error, long now) {
        note(error);
        if (c.inFlight >= 0) {
            record(c, false, now);
        }
        c.close();
        c.channel = null;
        sendNext(c, now);
    }

    private void record(Connection c, boolean ok, long now) {
        if (answered == micros.length) {
            micros = Arrays.copyOf(micros, answered * 2);
            moments = Arrays.copyOf(moments, answered * 2);
        }
        micros[answered] = (now - c.inFlightDue) / 1000;
        moments[answered++] = (c.inFlightDue - start) / MOMENT_NANOS;
        if (ok) {
            findings += c.inFlightFindings;
        } else {
            errors++;
        }
        c.inFlight = -1;
        outstanding--;
    }

    /**
     * @return the three windows of 100 ms whose posts waited longest, e.g. "+4.2 s 250 ms (310 posts)": one stall
     * shows as neighbouring windows, a latency spread evenly as windows all over the run
     */
    private String worstMoments() {
        Map<Long, long[]> windows = new TreeMap<>();
        for (int i = 0; i < answered; i++) {
            long[] w = windows.computeIfAbsent(moments[i], k -> new long[2]);
            w[0] = Math.max(w[0], micros[i]);
            w[1]++;
        }
        return windows.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<Long, long[]> e) -> e.getValue()[0]).reversed()).limit(3)
                .map(e -> String.format(Locale.ROOT, "+%.1f s %.0f ms (%d posts)", e.getKey() * MOMENT_NANOS / 1e9,
                        e.getValue()[0] / 1000.0, e.getValue()[1]))
                .collect(Collectors.joining(", "));
    }

    private void note(String error) {
        if (firstError == null) {
            firstError = error.length() > 300 ? error.substring(0, 300) : error;
        }
    }

    private void closeAll() {
        for (Connection c : connections) {
            if (c != null) {
                c.close();
            }
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
