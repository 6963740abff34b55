package id.siaga.ticket.web;

import org.jboss.resteasy.reactive.RestForm;

/**
 * The form planning a maintenance window as posted: every field as typed, checked by {@link MaintenancePages}.
 * {@code from} and {@code to} are local date-times in the office's zone, as a {@code datetime-local} field sends
 * them (e.g. {@code 2026-11-25T08:00}).
 */
public class MaintenanceForm {
    @RestForm
    public String serverId;
    @RestForm
    public String from;
    @RestForm
    public String to;
    @RestForm
    public String reason;

    public static MaintenanceForm blank() {
        return new MaintenanceForm();
    }
}
