package id.siaga.ticket.rest;

import id.siaga.ticket.domain.Role;
import id.siaga.ticket.domain.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

import java.util.EnumSet;
import java.util.Set;

/** The signed-in caller of the current request, as the services see it. */
@RequestScoped
public class CallerFactory {

    private final SecurityIdentity identity;

    public CallerFactory(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller caller() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : identity.getRoles()) {
            Role role = Role.parse(name);
            if (role != null) {
                roles.add(role);
            }
        }
        return Caller.person(identity.getPrincipal().getName(), roles);
    }
}
