package id.siaga.ticket.ingest;

import id.siaga.ticket.domain.CheckStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds a check's results into its state, one result at a time, and says what follows for tickets:
 * <ul>
 * <li>no ticket yet and {@code openAfter} failing results in a row, or the check starts flapping: open one;</li>
 * <li>a ticket open: failing results become its evidence (repeats of the same result at most every
 * {@link #REPEAT_EVIDENCE}), and {@code recoverAfter} passing results in a row record a recovery, which
 * never closes the ticket;</li>
 * <li>the ticket ended (closed or cancelled) while the check still fails: nothing new opens until the check
 * has passed again, so a fault opens one ticket, not one per result or per flap.</li>
 * </ul>
 */
public final class StreakRules {

    /** Results kept for flap detection. */
    public static final int HISTORY = 20;
    /** A check is flapping when at least this share of its recent results changed state... */
    static final double FLAP_START = 0.5;
    /** ...and stops flapping below this share. */
    static final double FLAP_STOP = 0.25;
    /** Fewest results before flapping is judged. */
    static final int FLAP_MIN_RESULTS = 10;
    /** An unchanged failing result is added to the evidence again after this long. */
    static final Duration REPEAT_EVIDENCE = Duration.ofMinutes(15);

    /** What a result means for the check's ticket. */
    public enum Outcome {
        /** Open a ticket for this check. */
        OPEN_TICKET,
        /** Open a ticket because the check flaps. */
        OPEN_TICKET_FLAPPING,
        /** Add the failing result to the open ticket's evidence. */
        FAILURE_EVIDENCE,
        /** Record on the open ticket that the check passes again. */
        RECOVERY,
        /** Record on the open ticket that the check started flapping. */
        FLAPPING
    }

    private StreakRules() {
    }

    /**
     * Applies one result (not older than the state) to the state.
     *
     * @return what follows for tickets, in order; empty for heartbeats and quiet results
     */
    public static List<Outcome> apply(CheckState state, Finding finding, int openAfter, int recoverAfter) {
        List<Outcome> outcomes = new ArrayList<>(2);
        boolean failing = finding.status().isFailing();
        CheckStatus previous = state.status;
        String previousMessage = state.message;

        state.history = ((state.history << 1) | (failing ? 1 : 0)) & ((1 << HISTORY) - 1);
        state.historyLength = Math.min(state.historyLength + 1, HISTORY);
        if (failing) {
            state.consecutiveFailures++;
            state.consecutivePasses = 0;
            if (state.failingSince == null) {
                state.failingSince = finding.observedAt();
            }
        } else {
            state.consecutivePasses++;
            state.consecutiveFailures = 0;
            state.failingSince = null;
            state.lastOkAt = finding.observedAt();
        }
        state.kind = finding.kind();
        state.status = finding.status();
        state.message = finding.message();
        state.observedAt = finding.observedAt();
        state.dependsOn = finding.dependsOn();
        boolean wasFlapping = state.flapping;
        state.flapping = isFlapping(state.history, state.historyLength, wasFlapping);
        boolean startedFlapping = state.flapping && !wasFlapping;

        if (finding.isHeartbeat()) {
            return outcomes;
        }
        if (state.ticketId != null && !state.ticketOpen) {
            if (!failing) {
                state.ticketId = null;
            }
            return outcomes;
        }
        if (state.ticketId == null) {
            if (failing && state.consecutiveFailures >= openAfter) {
                outcomes.add(Outcome.OPEN_TICKET);
            } else if (startedFlapping) {
                outcomes.add(Outcome.OPEN_TICKET_FLAPPING);
            }
            return outcomes;
        }
        if (startedFlapping) {
            outcomes.add(Outcome.FLAPPING);
        }
        if (failing) {
            boolean changed = previous != finding.status() || !java.util.Objects.equals(previousMessage, finding.message());
            boolean stale = state.lastEvidenceAt == null
                    || Duration.between(state.lastEvidenceAt, finding.observedAt()).compareTo(REPEAT_EVIDENCE) >= 0;
            if (changed || stale) {
                outcomes.add(Outcome.FAILURE_EVIDENCE);
            }
        } else if (state.consecutivePasses == recoverAfter) {
            outcomes.add(Outcome.RECOVERY);
        }
        return outcomes;
    }

    /**
     * @param recoverAfter passing results in a row that record a recovery on the check's ticket
     * @return whether the check is steady: its last {@link #HISTORY} results all passed and it has no ticket, or its
     * open ticket has had its recovery recorded, so that a passing result changes nothing but its time, message and
     * pass count (which matters only once it fails)
     */
    static boolean isSteady(CheckState state, int recoverAfter) {
        return state.status == CheckStatus.OK && state.history == 0 && state.historyLength == HISTORY
                && !state.flapping && state.consecutiveFailures == 0
                && (state.ticketId == null || state.ticketOpen && state.consecutivePasses > recoverAfter);
    }

    /** @return whether the recent results change state often enough to call the check flapping */
    static boolean isFlapping(int history, int length, boolean wasFlapping) {
        if (length < FLAP_MIN_RESULTS) {
            return false;
        }
        int changes = Integer.bitCount((history ^ (history >>> 1)) & ((1 << (length - 1)) - 1));
        double share = (double) changes / (length - 1);
        return wasFlapping ? share >= FLAP_STOP : share >= FLAP_START;
    }
}
