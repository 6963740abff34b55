package id.siaga.ticket.service.command;

/**
 * Completes a ticket's current step and moves it on.
 *
 * @param to          the next step's code (or the SOP's end or cancellation step)
 * @param output      the output of the step being completed, or null
 * @param remark      the remark for the audit trail; the reason when cancelling
 * @param thirdParty  the third party, when the move enters or leaves the third-party repair step, or null
 * @param duplicateOf only when cancelling: the open ticket this one duplicates, or null
 */
public record TransitionCommand(String to, String output, String remark, ThirdPartyCommand thirdParty,
        Long duplicateOf) {
}
