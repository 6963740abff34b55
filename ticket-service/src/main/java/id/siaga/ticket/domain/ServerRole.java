package id.siaga.ticket.domain;

/** What a monitored server does. */
public enum ServerRole {
    SIAK_APP, SIAK_DB, KTPEL, NETWORK, OTHER;

    /**
     * @return whether the server is critical: a SIAK database or a KTP-el server, whose CRIT findings open CRITICAL
     * tickets and go to the KASI at once
     */
    public boolean isCritical() {
        return this == SIAK_DB || this == KTPEL;
    }
}
