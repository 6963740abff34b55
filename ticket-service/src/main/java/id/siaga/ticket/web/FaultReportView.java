package id.siaga.ticket.web;

/**
 * The "Laporan Kerusakan Software" of one ticket: the fault report that SOP steps 8 and 9 hand to the JF ADB
 * or the Kabid, with the findings of each step and room to sign.
 *
 * @param conclusion   the latest fault conclusion (output of the analysis step), or null
 * @param repair       the latest repair (output of the repair step), or null
 * @param softwareCheck the latest software check (output of step 6), or null
 * @param reportedTo   who the report goes to (the Kabid after "Yes", the JF ADB after "No"), or null before step 7
 * @param placeAndDate e.g. "Painan, 25 November 2026"
 */
public record FaultReportView(Letterhead head, TicketView ticket, String conclusion, String repair, String softwareCheck,
        String reportedTo, String placeAndDate, Signer reporter, Signer receiver) {

    /** A signature block: the role above, the name below the space to sign. */
    public record Signer(String role, String name) {
    }
}
