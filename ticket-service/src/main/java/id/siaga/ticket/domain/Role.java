package id.siaga.ticket.domain;

import java.util.Collection;

/**
 * The roles people hold. ADB, JF_ADB, KASI and KABID form a ladder for SOP work: a higher role may act
 * on a lower role's step. ADMIN manages users, servers and SOP versions but does no ticket work; VIEWER
 * only reads.
 */
public enum Role {
    ADMIN(0),
    VIEWER(0),
    ADB(1),
    JF_ADB(2),
    KASI(3),
    KABID(4);

    /** Role names for {@code @RolesAllowed}. */
    public static final String NAME_ADMIN = "ADMIN";
    public static final String NAME_VIEWER = "VIEWER";
    public static final String NAME_ADB = "ADB";
    public static final String NAME_JF_ADB = "JF_ADB";
    public static final String NAME_KASI = "KASI";
    public static final String NAME_KABID = "KABID";
    /** The role carried by an authenticated probe agent; never held by a person. */
    public static final String NAME_AGENT = "AGENT";

    private final int rank;

    Role(int rank) {
        this.rank = rank;
    }

    /** @return the position on the SOP ladder; 0 for roles that do no ticket work */
    public int rank() {
        return rank;
    }

    /** @return whether this role takes part in SOP work at all */
    public boolean worksTickets() {
        return rank > 0;
    }

    /** @return the highest SOP rank among the given roles, 0 if none works tickets */
    public static int highestRank(Collection<Role> roles) {
        return roles.stream().mapToInt(Role::rank).max().orElse(0);
    }

    /** @return the role with that name, or null when there is none */
    public static Role parse(String name) {
        for (Role role : values()) {
            if (role.name().equals(name)) {
                return role;
            }
        }
        return null;
    }
}
