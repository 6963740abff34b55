package id.siaga.ticket.web;

/**
 * One escalation as the pages show it.
 *
 * @param reason         why, in plain words
 * @param reasonKey      the reason's code, e.g. STEP_OVERDUE
 * @param level          1 for the first recipient, 2 when the chain moved up
 * @param levelLabel     the level in words, e.g. "Tingkat 2"
 * @param raised         whether it was passed up because the first recipient did not acknowledge it
 * @param recipient      the recipient role in words
 * @param ticketId       the ticket it is about, or null
 * @param ticketNumber   that ticket's number, or null
 * @param server         the server it is about in words, or null
 * @param step           the SOP step concerned (number and name), or a dash
 * @param made           when it was made, e.g. "25 Nov 2026 14:05"
 * @param ago            how long ago it was made, e.g. "5 mnt lalu"
 * @param acknowledged   who acknowledged it and when, or null while open
 * @param resolved       that its cause went away, and when, or null
 * @param mayAcknowledge whether the signed-in person may acknowledge it now (the button is shown)
 */
public record EscalationRow(long id, String reason, String reasonKey, int level, String levelLabel, boolean raised,
        String recipient, Long ticketId, String ticketNumber, String server, String step, String made, String ago,
        String acknowledged, String resolved, boolean mayAcknowledge) {

    public boolean open() {
        return acknowledged == null;
    }
}
