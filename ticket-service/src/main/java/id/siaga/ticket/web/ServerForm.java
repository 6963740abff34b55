package id.siaga.ticket.web;

import org.jboss.resteasy.reactive.RestForm;

/**
 * The form registering or editing a server as posted: every field as typed, checked by {@link ServerAdminPages}.
 * A new field (another checkbox) is one more {@code @RestForm} here, one more field in
 * {@code ServerAdminPages/fields.html} and where {@link ServerAdminPages} reads it.
 */
public class ServerForm {
    @RestForm
    public String name;
    @RestForm
    public String role;
    @RestForm
    public String location;
    @RestForm
    public String description;
    /** "on" when the box "shown on the public status page" is ticked. */
    @RestForm("publik")
    public String publik;

    boolean shownPublicly() {
        return "on".equals(publik);
    }

    public static ServerForm blank() {
        return new ServerForm();
    }
}
