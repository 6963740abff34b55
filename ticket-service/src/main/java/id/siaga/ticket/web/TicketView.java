package id.siaga.ticket.web;

import java.util.List;

/**
 * One ticket with its SOP timeline, agent evidence, escalations, audit trail, and the forms for the moves the
 * signed-in person may make now.
 */
public record TicketView(long id, String number, String title, String description, String source, String reporter,
        String reporterContact, String server, Long serverId, String application, String severity, String severityKey,
        String step, boolean open, String state, String created, String createdBy, String assignee, String sop,
        String decision, int round, String agendaNumber, String endState, String cancelReason, String closed,
        Clock clock, ThirdParty thirdParty, String checkKey, String checkStatus, String checkStatusLabel,
        List<StepRow> steps, List<EvidenceRow> evidence, List<EventRow> events, List<EscalationRow> escalations,
        Actions actions) {

    /**
     * The current step's clock against its standard.
     *
     * @param elapsed  time at the step so far
     * @param standard the step's time standard, e.g. "10 min – 30 min", or a dash
     * @param due      when it falls due, or a dash
     * @param overdue  whether it is past due
     * @param paused   whether the step has no clock (e.g. third-party repair)
     */
    public record Clock(String elapsed, String standard, String due, boolean overdue, boolean paused) {
    }

    /** The third-party repair record (SOP step 11). */
    public record ThirdParty(String name, String contact, String reference, String contactedAt, String repairedAt,
            String approvedBy, String approvedAt, boolean approved) {
    }

    /**
     * One visit to an SOP step.
     *
     * @param timing  on-time, late, running, or none (no standard)
     */
    public record StepRow(int seq, String code, String name, String role, String actor, String started, String ended, String output,
            String expectedOutput, String standard, String due, String took, String timing, boolean current) {
    }

    /** One piece of agent evidence. */
    public record EvidenceRow(String kind, String check, String status, String statusLabel, String message,
            String observedAt) {
    }

    /** One audit event. */
    public record EventRow(String at, String actor, String type, String from, String to, String note) {
    }

    /**
     * What the signed-in person may do with the ticket now; each flag is a form. The moves come from the
     * ticket's SOP state machine for the person's roles.
     *
     * @param moves        buttons of the main form (complete the step, choose the next); the decision's Yes and No
     * @param thirdParty   whether the form handing the repair to a third party is shown
     * @param cancel       whether the cancellation form is shown (KASI, KABID)
     * @param approve      whether the Kabid's approval of the third-party repair is shown
     * @param recheck      whether the re-check button is shown (tickets about a server)
     * @param atThirdParty whether the ticket is at third-party repair (the main form asks for the reference)
     * @param outputLabel  what the main form asks for: the output the SOP expects of the current step
     */
    public record Actions(List<Move> moves, boolean thirdParty, boolean cancel, boolean approve, boolean recheck,
            boolean atThirdParty, String outputLabel) {

        public boolean any() {
            return !moves.isEmpty() || thirdParty || cancel || approve || recheck;
        }
    }

    /**
     * One button of the main form.
     *
     * @param style yes, no or primary
     */
    public record Move(String to, String label, String style) {
    }
}
