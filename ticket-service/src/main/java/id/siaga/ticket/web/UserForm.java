package id.siaga.ticket.web;

import org.jboss.resteasy.reactive.RestForm;

import java.util.List;

/** The forms about a person's account as posted (create, edit, reset password): every field as typed. */
public class UserForm {
    @RestForm
    public String username;
    @RestForm
    public String fullName;
    @RestForm
    public String email;
    @RestForm
    public List<String> roles;
    @RestForm
    public String password;

    public static UserForm blank() {
        return new UserForm();
    }

    /** @return whether the role was ticked */
    public boolean has(String role) {
        return roles != null && roles.contains(role);
    }
}
