package id.siaga.ticket.ingest;

import id.siaga.ticket.domain.InvalidRequestException;
import id.siaga.ticket.domain.sop.FieldError;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The observation times the service accepts: from the retention ago (older findings would be expired at once,
 * and their ids are no longer remembered) to a small clock skew ahead (a finding from the future would hold its
 * check's state, which only ever moves forward in time, until that future arrives).
 *
 * @param maxSkew   how far ahead of the service's clock a finding may be observed
 * @param retention how long findings are kept
 */
public record ObservationWindow(Duration maxSkew, Duration retention) {

    /**
     * Refuses a batch with any finding observed outside the window, naming each one by its index in the batch,
     * so that nothing of the batch is written and an agent bisecting a refused batch sets aside only those.
     *
     * @throws InvalidRequestException (422) naming {@code [i].observedAt} of every finding outside the window
     */
    public void check(List<Finding> findings, Instant now) {
        List<FieldError> errors = outside(findings, now);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors.size() == 1
                    ? errors.get(0).field() + " " + errors.get(0).message()
                    : errors.size() + " findings are observed outside the accepted time: " + errors.get(0).field() + " "
                            + errors.get(0).message() + " (and others)", errors);
        }
    }

    /** @return one error for each finding observed later than {@code now + maxSkew} or before {@code now - retention} */
    List<FieldError> outside(List<Finding> findings, Instant now) {
        Instant latest = now.plus(maxSkew);
        Instant earliest = now.minus(retention);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            Instant at = findings.get(i).observedAt();
            if (at.isAfter(latest)) {
                errors.add(new FieldError("[" + i + "].observedAt", "must not be later than " + maxSkew
                        + " ahead of the service's clock (" + now + "); check the agent's clock"));
            } else if (at.isBefore(earliest)) {
                errors.add(new FieldError("[" + i + "].observedAt", "must not be older than the retention of "
                        + describe(retention) + " (" + earliest + ")"));
            }
        }
        return errors;
    }

    /** @return the duration as ISO-8601, in days when it is whole days ({@code P90D}, not {@code PT2160H}) */
    private static String describe(Duration duration) {
        return duration.toSeconds() % 86_400 == 0 ? "P" + duration.toDays() + "D" : duration.toString();
    }
}
