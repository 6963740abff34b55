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

    public static ServerForm blank() {
        return new ServerForm();
    }
}
