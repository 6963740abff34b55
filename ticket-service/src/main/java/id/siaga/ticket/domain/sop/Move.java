package id.siaga.ticket.domain.sop;

/**
 * What one move along an SOP means beyond changing the ticket's step, read from the SOP data: the transition's label
 * ({@code YES}/{@code NO}, {@code ANOTHER_ROUND}, {@code THIRD_PARTY}) and the end states. Made by
 * {@link SopStateMachine#move}.
 *
 * @param from                the step being completed
 * @param to                  the next step, or an end state
 * @param label               the transition's label, or null
 * @param leavesThirdParty    whether the step being completed is a third-party repair
 */
public record Move(String from, String to, String label, boolean leavesThirdParty) {

    /** @return the decision this move records (YES or NO), or null when it decides nothing */
    public String decision() {
        return StepCodes.YES.equals(label) || StepCodes.NO.equals(label) ? label : null;
    }

    /** @return whether the move records the decision that the software does not work well yet */
    public boolean decidesNo() {
        return StepCodes.NO.equals(label);
    }

    /** @return whether the move starts another round of analysis and repair */
    public boolean startsAnotherRound() {
        return StepCodes.ANOTHER_ROUND.equals(label);
    }

    /** @return whether the move hands the repair to a third party (who must be named; the Kabid approves) */
    public boolean entersThirdParty() {
        return StepCodes.THIRD_PARTY.equals(label);
    }

    /** @return whether the move cancels the ticket (a reason is required) */
    public boolean cancels() {
        return StepCodes.CANCELLED.equals(to);
    }

    /** @return whether the move closes the ticket as worked through the SOP */
    public boolean closes() {
        return StepCodes.CLOSED.equals(to);
    }

    /** @return whether the move ends the ticket, closed or cancelled */
    public boolean ends() {
        return StepCodes.isTerminal(to);
    }

    /** @return whether completing this step numbers the ticket in the agenda (SOP step 10, "catat di agenda") */
    public boolean assignsAgendaNumber() {
        return closes() && StepCodes.AGENDA.equals(from);
    }
}
