package id.siaga.ticket.domain;

/** The application a ticket is about. */
public enum Application {
    SIAK, KTP_EL, OTHER
}
