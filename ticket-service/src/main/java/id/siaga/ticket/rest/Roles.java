package id.siaga.ticket.rest;

import id.siaga.ticket.domain.Role;

/** Role groups for {@code @RolesAllowed}. */
final class Roles {
    /** Everyone who signs in. */
    static final String[] PEOPLE = {Role.NAME_ADMIN, Role.NAME_VIEWER, Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI,
        Role.NAME_KABID};

    private Roles() {
    }
}
