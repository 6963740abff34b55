package id.siaga.ticket.domain.sop;

/**
 * Step codes and transition labels that carry behaviour beyond moving a ticket on. What a move means is read from
 * its label ({@link Move}); a step code counts only where the SOP names the step's meaning (the start, the agent's
 * checks, the agenda, the end states). An SOP revision may rename or add steps, but these codes keep their meaning
 * wherever they appear.
 */
public final class StepCodes {
    /** Step 1: the complaint has been taken. */
    public static final String COMPLAINT_RECEIVED = "COMPLAINT_RECEIVED";
    /** Step 2: "cek tampilan", the display check. */
    public static final String INSPECTION = "INSPECTION";
    /** Step 3: "cek fungsi", the function check. */
    public static final String FUNCTION_CHECK = "FUNCTION_CHECK";
    /** Step 4: analysis of the fault. */
    public static final String ANALYSIS = "ANALYSIS";
    /** Step 5: the repair of the software. */
    public static final String REPAIR = "REPAIR";
    /** Step 6: the software is checked after repair. */
    public static final String SOFTWARE_CHECK = "SOFTWARE_CHECK";
    /** Step 7: the Yes/No decision "does the software work well now?". */
    public static final String DECISION = "DECISION";
    /** Step 8: the No branch, report to the JF ADB. */
    public static final String REPORT_TO_JF_ADB = "REPORT_TO_JF_ADB";
    /** Step 9: the Yes branch, report to the Kabid. */
    public static final String REPORT_TO_KABID = "REPORT_TO_KABID";
    /** Step 10: record in the agenda; completing it assigns the agenda number. */
    public static final String AGENDA = "AGENDA";
    /** Step 11: repair by a third party; its clock is paused. */
    public static final String THIRD_PARTY_REPAIR = "THIRD_PARTY_REPAIR";
    /** End state of a ticket worked through the SOP. */
    public static final String CLOSED = "CLOSED";
    /** End state of a ticket cancelled by a Kasi or Kabid. */
    public static final String CANCELLED = "CANCELLED";

    /** Label of the decision step's Yes branch. */
    public static final String YES = "YES";
    /** Label of the decision step's No branch. */
    public static final String NO = "NO";
    /** Label of the move that starts another round of analysis and repair; the ticket's round goes up by one. */
    public static final String ANOTHER_ROUND = "ANOTHER_ROUND";
    /** Label of the move into repair by a third party, which the Kabid approves. */
    public static final String THIRD_PARTY = "THIRD_PARTY";

    private StepCodes() {
    }

    /** @return whether the code names an end state rather than a step */
    public static boolean isTerminal(String code) {
        return CLOSED.equals(code) || CANCELLED.equals(code);
    }
}
