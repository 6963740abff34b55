package id.siaga.ticket.bench;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Posts findings to the service from many threads, each over its own kept-alive connection ({@link RawHttpClient}),
 * closed loop (each thread sends its next post when the last is answered: the most the service takes) or open loop
 * (post {@code k} is due at {@code start + k / rate}, whatever the answers so far). In the open loop a post's latency
 * runs from the moment it was due, not from when a thread got round to sending it, so a slow service cannot hide its
 * queue by slowing the generator down (no coordinated omission). A refused or failed post counts as an error.
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

    private LoadGenerator() {
    }

    /** Each of {@code clients} threads posts as fast as the service answers, for {@code duration}. */
    static Run closed(URI service, int clients, Duration duration, Posts posts) throws InterruptedException {
        return run(service, clients, duration, 0, posts);
    }

    /** Posts at {@code postsPerSecond} in all for {@code duration}, spread over {@code clients} threads. */
    static Run open(URI service, int clients, Duration duration, double postsPerSecond, Posts posts)
            throws InterruptedException {
        return run(service, clients, duration, postsPerSecond, posts);
    }

    /** The worst moments of a run are told in windows of this length (of the posts' due times). */
    private static final long MOMENT_NANOS = 100_000_000L;

    /**
     * @return the three windows of 100 ms whose posts waited longest, e.g. "+4.2 s 250 ms (310 posts)": one stall
     * shows as neighbouring windows, a latency spread evenly as windows all over the run
     */
    private static String worstMoments(List<Recorder> recorders) {
        Map<Long, long[]> windows = new TreeMap<>();
        for (Recorder r : recorders) {
            for (int i = 0; i < r.n; i++) {
                long[] w = windows.computeIfAbsent(r.moments[i], k -> new long[2]);
                w[0] = Math.max(w[0], r.micros[i]);
                w[1]++;
            }
        }
        return windows.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<Long, long[]> e) -> e.getValue()[0]).reversed()).limit(3)
                .map(e -> String.format(Locale.ROOT, "+%.1f s %.0f ms (%d posts)", e.getKey() * MOMENT_NANOS / 1e9,
                        e.getValue()[0] / 1000.0, e.getValue()[1]))
                .collect(Collectors.joining(", "));
    }

    /** One thread's latencies, in microseconds, and the 100 ms window of each post. */
    private static final class Recorder {
        long[] micros = new long[1024];
        long[] moments = new long[1024];
        int n;

        /** @param moment the window of the post's due time (or of its send, closed loop) */
        void add(long value, long moment) {
            if (n == micros.length) {
                micros = Arrays.copyOf(micros, n * 2);
                moments = Arrays.copyOf(moments, n * 2);
            }
            micros[n] = value;
            moments[n++] = moment;
        }
    }

    private static Run run(URI service, int clients, Duration duration, double rate, Posts posts)
            throws InterruptedException {
        AtomicLong findings = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<String> firstError = new ArrayList<>();
        List<Recorder> recorders = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        // every client connects first, and the clock starts when all have: with many connections their set-up would
        // otherwise make the first posts late
        CountDownLatch connected = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        long[] clock = new long[2];
        for (int c = 0; c < clients; c++) {
            int client = c;
            Recorder recorder = new Recorder();
            recorders.add(recorder);
            threads.add(new Thread(() -> {
                RawHttpClient http = new RawHttpClient(service.getHost(), service.getPort());
                try {
                    try {
                        http.connect();
                    } catch (IOException e) {
                        note(firstError, e.toString());
                    } finally {
                        connected.countDown();
                    }
                    go.await();
                    long start = clock[0];
                    long end = clock[1];
                    for (long j = 0; ; j++) {
                        long k = client + j * clients;
                        long due = rate > 0 ? start + (long) (k * 1e9 / rate) : 0;
                        if (rate > 0 ? due >= end : System.nanoTime() >= end) {
                            break;
                        }
                        Post post = posts.next(k);
                        if (rate > 0) {
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            }
                        } else {
                            due = System.nanoTime();
                        }
                        boolean ok;
                        try {
                            RawHttpClient.Answer answer = http.post("/api/v1/findings", "Bearer " + post.token(), post.body());
                            ok = answer.status() == 200;
                            if (!ok) {
                                note(firstError, "HTTP " + answer.status() + ": " + answer.body());
                            }
                        } catch (IOException e) {
                            ok = false;
                            note(firstError, e.toString());
                            closeQuietly(http);
                            http = new RawHttpClient(service.getHost(), service.getPort());
                        }
                        recorder.add((System.nanoTime() - due) / 1000, (due - start) / MOMENT_NANOS);
                        if (ok) {
                            findings.addAndGet(post.findings());
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    note(firstError, e.toString());
                } finally {
                    closeQuietly(http);
                }
            }, "load-" + c));
        }
        threads.forEach(Thread::start);
        connected.await();
        long start = System.nanoTime() + 20_000_000L;
        clock[0] = start;
        clock[1] = start + duration.toNanos();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        // served per second over the time until the last answer came (open loop: at least the run's length)
        double seconds = Math.max(rate > 0 ? duration.toNanos() : 0, System.nanoTime() - start) / 1e9;
        long[] all = new long[recorders.stream().mapToInt(r -> r.n).sum()];
        int i = 0;
        for (Recorder r : recorders) {
            System.arraycopy(r.micros, 0, all, i, r.n);
            i += r.n;
        }
        Arrays.sort(all);
        return new Run(seconds, all.length - errors.get(), findings.get(), errors.get(), all,
                firstError.isEmpty() ? null : firstError.get(0), worstMoments(recorders));
    }

    private static void closeQuietly(RawHttpClient http) {
        try {
            http.close();
        } catch (IOException ignored) {
            // a broken connection: a new one follows
        }
    }

    private static void note(List<String> firstError, String error) {
        synchronized (firstError) {
            if (firstError.isEmpty()) {
                firstError.add(error.length() > 300 ? error.substring(0, 300) : error);
            }
        }
    }
}
