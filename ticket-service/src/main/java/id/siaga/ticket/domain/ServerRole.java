package id.siaga.ticket.domain;

/** What a monitored server does. */
public enum ServerRole {
    SIAK_APP, SIAK_DB, KTPEL, NETWORK, OTHER
}
