package id.siaga.ticket.web;

/**
 * What was typed into a ticket's linked-report form (or the intake form posted as a linked report), kept to show the
 * form again after a refusal.
 *
 * @param active whether this form was posted (its fields and errors are shown)
 */
public record LinkForm(boolean active, String source, String reporterName, String reporterContact, String note) {

    /** A blank form: a phone call, as most complaints are. */
    public static LinkForm empty() {
        return new LinkForm(false, "PHONE", "", "", "");
    }
}
