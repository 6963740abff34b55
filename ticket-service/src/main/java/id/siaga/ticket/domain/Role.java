package id.siaga.ticket.domain;

import java.util.Collection;
import java.util.List;

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
    /** The role carried by an office that reports here with its token; never held by a person. */
    public static final String NAME_OFFICE = "OFFICE";

    /*
     * The role sets of @RolesAllowed. An annotation cannot take a constant array, so each @RolesAllowed writes its set
     * out, in this order (the order of the scopes in the OpenAPI document); RoleSetsTest holds every @RolesAllowed of
     * the service to exactly one of these sets. A resource names at class level the set most of its methods share (a
     * page whose error mappers must answer anyone signed in names STAFF), and on its methods only the exceptions.
     */

    /** Everyone who signs in: the administrator, the readers and the SOP ladder. */
    public static final List<String> STAFF = List.of(NAME_ADMIN, NAME_VIEWER, NAME_ADB, NAME_JF_ADB, NAME_KASI, NAME_KABID);
    /** Who works tickets through the SOP (the roles that {@link #worksTickets()}), lowest first: ADB up to Kabid. */
    public static final List<String> HANDLERS = List.of(NAME_ADB, NAME_JF_ADB, NAME_KASI, NAME_KABID);
    /** The heads of section and field, Kasi and Kabid: they plan and cancel maintenance and curate the knowledge. */
    public static final List<String> HEADS = List.of(NAME_KASI, NAME_KABID);
    /** The Kabid alone: approves a third-party repair. */
    public static final List<String> KABID_ONLY = List.of(NAME_KABID);
    /** Who reads and verifies the audit trail: the Kabid and the administrator. */
    public static final List<String> AUDITORS = List.of(NAME_KABID, NAME_ADMIN);
    /** The administrator alone: people, servers, holidays, SOP versions, the offices that report here. */
    public static final List<String> ADMINS = List.of(NAME_ADMIN);
    /** An authenticated probe agent. */
    public static final List<String> AGENTS = List.of(NAME_AGENT);
    /** An office reporting here with its token. */
    public static final List<String> OFFICES = List.of(NAME_OFFICE);

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
