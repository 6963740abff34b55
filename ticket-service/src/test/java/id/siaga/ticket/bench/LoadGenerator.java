package id.siaga.ticket.bench;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

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
    record Run(double seconds, long posts, long findings, long errors, long[] latencyMicros, String firstError) {

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

    /** One thread's latencies, in microseconds. */
    private static final class Recorder {
        long[] micros = new long[1024];
        int n;

        void add(long value) {
            if (n == micros.length) {
                micros = Arrays.copyOf(micros, n * 2);
            }
            micros[n++] = value;
        }
    }

    private static Run run(URI service, int clients, Duration duration, double rate, Posts posts)
            throws InterruptedException {
        AtomicLong findings = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<String> firstError = new ArrayList<>();
        List<Recorder> recorders = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime() + 20_000_000L;
        long end = start + duration.toNanos();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Recorder recorder = new Recorder();
            recorders.add(recorder);
            threads.add(new Thread(() -> {
                RawHttpClient http = new RawHttpClient(service.getHost(), service.getPort());
                try {
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
                        recorder.add((System.nanoTime() - due) / 1000);
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
                firstError.isEmpty() ? null : firstError.get(0));
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
