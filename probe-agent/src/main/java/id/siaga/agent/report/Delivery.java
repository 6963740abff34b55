package id.siaga.agent.report;

import id.siaga.agent.Log;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Sends the outbox to the service, oldest first, in batches of at most {@link #MAX_BATCH}, and decides what each
 * answer means:
 * <ul>
 *   <li>200: the batch is deleted from the outbox; re-check requests in the answer are handed back;</li>
 *   <li>400, 422: the batch is invalid and would block the queue for ever, so it is moved to {@code rejected/}
 *       and counted;</li>
 *   <li>413: the batch is halved and sent again; a single finding that is still too large is rejected;</li>
 *   <li>401, 403: the token is wrong; logged loudly and retried only every {@link #AUTH_RETRY}, since an operator
 *       must fix it;</li>
 *   <li>anything else (5xx, 408, 429, other codes) and network errors: retried after an exponential backoff with
 *       full jitter (at least Retry-After when given); {@link #serviceReturned()} ends that wait early when
 *       the service's readiness check answers 200 again, so a backlog does not wait out a long backoff.</li>
 * </ul>
 */
public final class Delivery {

    /** Most findings in one post. */
    public static final int MAX_BATCH = 500;
    /** Wait between attempts while the service refuses the token. */
    public static final Duration AUTH_RETRY = Duration.ofMinutes(5);

    private static final Log LOG = Log.of(Delivery.class);

    private final Outbox outbox;
    private final TicketServiceClient client;
    private final Backoff backoff;
    private final LongSupplier nanoTime;
    private long notBefore;
    private boolean waiting;
    private boolean failing;
    private boolean tokenRefused;
    private int batchLimit = MAX_BATCH;

    /** @param nanoTime monotonic clock in nanoseconds, {@code System::nanoTime} outside tests */
    public Delivery(Outbox outbox, TicketServiceClient client, Backoff backoff, LongSupplier nanoTime) {
        this.outbox = outbox;
        this.client = client;
        this.backoff = backoff;
        this.nanoTime = nanoTime;
    }

    /** @return whether an attempt may be made now (no backoff or token wait in progress) */
    public boolean due() {
        return !waiting || nanoTime.getAsLong() - notBefore >= 0;
    }

    /** @return nanoseconds until an attempt may be made, 0 when due */
    public long nanosUntilDue() {
        return waiting ? Math.max(0, notBefore - nanoTime.getAsLong()) : 0;
    }

    /**
     * While a backoff after an unreachable or failing service is in progress, asks the service's readiness
     * check (one cheap GET, no token) whether it is back, and if so ends the wait. A wait for a refused token
     * is not ended: only an operator can fix that.
     *
     * @return whether the wait was ended, so a {@link #drain} may be made now
     */
    public boolean serviceReturned() throws InterruptedException {
        if (!waiting || tokenRefused || due()) {
            return false;
        }
        int status;
        try {
            status = client.ready().status();
        } catch (IOException e) {
            LOG.fine("service still unreachable: " + describe(e));
            return false;
        }
        if (status != 200) {
            LOG.fine("service not ready yet: HTTP " + status);
            return false;
        }
        LOG.info("service ready again; sending the backlog now instead of waiting out the backoff");
        waiting = false;
        return true;
    }

    /**
     * Sends batches until the outbox is empty or an answer says to wait.
     *
     * @param ignoreWait send even while a backoff is in progress (after new re-check findings, or in tests)
     * @return what was sent and any re-check requests the service made
     */
    public Result drain(boolean ignoreWait) throws InterruptedException {
        if (!ignoreWait && !due()) {
            return new Result(0, List.of(), false, "waiting before next attempt");
        }
        int sent = 0;
        List<RecheckRequest> rechecks = new ArrayList<>();
        while (true) {
            List<Outbox.Stored> batch;
            try {
                batch = outbox.oldest(batchLimit);
            } catch (IOException e) {
                return retryLater(sent, rechecks, "cannot read the outbox: " + e.getMessage());
            }
            if (batch.isEmpty()) {
                waiting = false;
                return new Result(sent, rechecks, true, null);
            }
            TicketServiceClient.Answer answer;
            try {
                List<byte[]> json = new ArrayList<>(batch.size());
                for (Outbox.Stored stored : batch) {
                    json.add(stored.json());
                }
                answer = client.postFindings(TicketServiceClient.jsonArray(json));
            } catch (IOException e) {
                return retryLater(sent, rechecks, "cannot reach the service: " + describe(e));
            }
            int status = answer.status();
            try {
                if (status >= 200 && status < 300) {
                    outbox.remove(batch);
                    sent += batch.size();
                    rechecks.addAll(ack(answer));
                    succeeded(batch.size());
                } else if ((status == 400 || status == 422) && batch.size() > 1) {
                    batchLimit = Math.max(1, batch.size() / 2);
                    LOG.info("service refused a batch of " + batch.size() + " as invalid (HTTP " + status
                            + "); sending " + batchLimit + " at a time to set aside only the invalid finding(s)");
                } else if (status == 400 || status == 422) {
                    outbox.reject(batch);
                    LOG.warning("service refused a finding as invalid (HTTP " + status + "); moved to "
                            + outbox.dir().resolve("rejected") + ": " + answer.shortBody());
                } else if (status == 413) {
                    if (batch.size() == 1) {
                        outbox.reject(batch);
                        LOG.warning("service refused a single finding as too large (HTTP 413); moved to rejected/");
                    } else {
                        batchLimit = Math.max(1, batch.size() / 2);
                        LOG.info("service found a batch of " + batch.size() + " too large (HTTP 413); sending "
                                + batchLimit + " at a time");
                    }
                } else if (status == 401 || status == 403) {
                    return waitForOperator(sent, rechecks, status);
                } else {
                    Duration wait = backoff.next();
                    if (answer.retryAfter().isPresent() && answer.retryAfter().get().compareTo(wait) > 0) {
                        wait = answer.retryAfter().get();
                    }
                    return retryLater(sent, rechecks, "service answered HTTP " + status + " "
                            + answer.shortBody(), wait);
                }
            } catch (IOException e) {
                return retryLater(sent, rechecks, "cannot update the outbox: " + e.getMessage());
            }
        }
    }

    /**
     * Posts findings that could not be stored in the outbox (the disk is full or read-only: exactly when the
     * service must hear of it), once and without retry.
     *
     * @return whether the service acknowledged them
     */
    public boolean sendUnstored(List<Finding> findings) throws InterruptedException {
        try {
            List<byte[]> json = new ArrayList<>(findings.size());
            for (Finding finding : findings) {
                json.add(Json.write(finding));
            }
            TicketServiceClient.Answer answer = client.postFindings(TicketServiceClient.jsonArray(json));
            if (answer.status() >= 200 && answer.status() < 300) {
                return true;
            }
            LOG.warning("service did not take " + findings.size() + " unstored finding(s): HTTP " + answer.status());
        } catch (IOException e) {
            LOG.warning("cannot send " + findings.size() + " unstored finding(s): " + describe(e));
        }
        return false;
    }

    private void succeeded(int count) {
        backoff.reset();
        waiting = false;
        tokenRefused = false;
        if (batchLimit < MAX_BATCH) {
            batchLimit = Math.min(MAX_BATCH, batchLimit * 2);
        }
        if (failing) {
            failing = false;
            LOG.info("service reachable again; sending the backlog (" + (outbox.size() + count) + " findings)");
        }
    }

    private List<RecheckRequest> ack(TicketServiceClient.Answer answer) {
        if (answer.body() == null || answer.body().isBlank()) {
            return List.of();
        }
        try {
            return Json.readAck(answer.body()).recheck();
        } catch (IOException e) {
            LOG.warning("service accepted the findings but its answer is not understood: " + answer.shortBody());
            return List.of();
        }
    }

    private Result retryLater(int sent, List<RecheckRequest> rechecks, String problem) {
        return retryLater(sent, rechecks, problem, backoff.next());
    }

    private Result retryLater(int sent, List<RecheckRequest> rechecks, String problem, Duration wait) {
        waiting = true;
        failing = true;
        tokenRefused = false;
        notBefore = nanoTime.getAsLong() + wait.toNanos();
        LOG.warning(problem + "; " + outbox.size() + " finding(s) kept in the outbox; attempt "
                + backoff.failures() + " failed, next in " + wait.toMillis() / 1000.0 + " s");
        return new Result(sent, rechecks, false, problem);
    }

    private Result waitForOperator(int sent, List<RecheckRequest> rechecks, int status) {
        waiting = true;
        failing = true;
        tokenRefused = true;
        notBefore = nanoTime.getAsLong() + AUTH_RETRY.toNanos();
        String problem = "service refused the agent token (HTTP " + status + ")";
        LOG.severe(problem + ": set service.token to this server's agent token from the SIAGA service; "
                + outbox.size() + " finding(s) kept in the outbox; next try in " + AUTH_RETRY.toMinutes() + " min");
        return new Result(sent, rechecks, false, problem);
    }

    private static String describe(IOException e) {
        if (LOG.isLoggable(Log.Level.FINE)) {
            LOG.log(Log.Level.FINE, "post failed", e);
        }
        Throwable cause = e;
        while (true) {
            if (cause instanceof ConnectException) {
                return "connection refused";
            }
            if (cause instanceof SocketTimeoutException) {
                return "no answer in time";
            }
            if (cause.getCause() == null || cause.getCause() == cause) {
                break;
            }
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /**
     * What a {@link #drain} did.
     *
     * @param sent      findings the service acknowledged
     * @param rechecks  re-check requests from the service's answers
     * @param delivered whether the outbox is now empty
     * @param problem   why sending stopped early, or {@code null}
     */
    public record Result(int sent, List<RecheckRequest> rechecks, boolean delivered, String problem) {
    }
}
