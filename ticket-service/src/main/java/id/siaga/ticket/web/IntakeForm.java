package id.siaga.ticket.web;

import org.jboss.resteasy.reactive.RestForm;

/** The complaint intake form as posted: every field as typed, checked by {@link TicketPages}. */
public class IntakeForm {
    @RestForm
    public String source;
    @RestForm
    public String reporterName;
    @RestForm
    public String reporterContact;
    @RestForm
    public String serverId;
    @RestForm
    public String application;
    @RestForm
    public String title;
    @RestForm
    public String description;
    @RestForm
    public String severity;

    /** A blank form with the usual choices made. */
    public static IntakeForm blank() {
        IntakeForm form = new IntakeForm();
        form.source = "PHONE";
        form.application = "SIAK";
        form.severity = "MEDIUM";
        return form;
    }
}
