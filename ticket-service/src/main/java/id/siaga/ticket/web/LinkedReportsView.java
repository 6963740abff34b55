package id.siaga.ticket.web;

import java.util.List;

/**
 * A ticket's linked reports (further complaints about its fault) and the form recording one; for a ticket cancelled as
 * a duplicate, the surviving ticket; for the cancellation form, the open tickets this one may duplicate.
 *
 * @param mayLink           whether the signed-in person may record a report here (ADB and up, open ticket)
 * @param duplicateOfNumber the surviving ticket's number, or null
 * @param duplicateChoices  the open tickets about the same server or application, for the cancellation form
 */
public record LinkedReportsView(List<Row> rows, boolean mayLink, List<Option> sources, LinkForm form, Long duplicateOf,
        String duplicateOfNumber, List<Option> duplicateChoices) {

    /**
     * One report.
     *
     * @param originId     the ticket it was first recorded on, when that is another ticket (a duplicate); else null
     * @param originNumber that ticket's number, or null
     */
    public record Row(long id, String received, String source, String reporter, String contact, String note,
            String recordedBy, Long originId, String originNumber) {
    }
}
