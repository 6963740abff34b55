package id.siaga.ticket.web;

import id.siaga.ticket.domain.Role;
import id.siaga.ticket.http.WebPage;
import id.siaga.ticket.security.SessionCutoffs;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * Signing out: a form post (with its CSRF token) that drops the session cookie and ends every session of the
 * person on the server side, so that a copy of the cookie no longer opens a page.
 */
@Path("/keluar")
@WebPage
public class LogoutPage {

    private final SecurityIdentity identity;
    private final SessionCutoffs sessions;

    public LogoutPage(SecurityIdentity identity, SessionCutoffs sessions) {
        this.identity = identity;
        this.sessions = sessions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_VIEWER, Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
    public Response logout() {
        sessions.endSessions(identity.getPrincipal().getName());
        FormAuthenticationMechanism.logout(identity);
        return Response.seeOther(URI.create(LoginPage.PATH + "?keluar=1")).build();
    }
}
