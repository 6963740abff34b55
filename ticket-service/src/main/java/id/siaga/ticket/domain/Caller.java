package id.siaga.ticket.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who is acting: a signed-in person, or the service itself on behalf of an agent.
 *
 * @param username the name recorded as actor
 * @param roles    the roles held
 * @param person   false when the service acts by itself (agent findings, sweeps)
 */
public record Caller(String username, Set<Role> roles, boolean person) {

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** A signed-in person. */
    public static Caller person(String username, Set<Role> roles) {
        return new Caller(username, roles, true);
    }

    /** The service working the automatic SOP steps for a server's probe agent, with an ADB's reach. */
    public static Caller agent(String serverName) {
        return new Caller("agent:" + serverName, Set.of(Role.ADB), false);
    }
}
