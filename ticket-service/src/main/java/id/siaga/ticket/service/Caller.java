package id.siaga.ticket.service;

import id.siaga.ticket.domain.Role;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who is asking: the signed-in user's name and roles.
 *
 * @param username the name recorded as actor
 * @param roles    the roles held
 */
public record Caller(String username, Set<Role> roles) {

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** The service acting on its own (agent findings, the escalation sweep). */
    public static Caller system() {
        return new Caller("system", Set.of());
    }
}
