package id.siaga.ticket.domain.sop;

/**
 * An allowed move between steps.
 *
 * @param from  the step being completed
 * @param to    the next step, or {@code CLOSED}
 * @param label the branch label ({@code YES} / {@code NO} on the decision step), or null
 */
public record SopTransition(String from, String to, String label) {
}
