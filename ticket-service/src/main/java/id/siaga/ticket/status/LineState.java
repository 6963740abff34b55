package id.siaga.ticket.status;

/** The state of one line of the public status page, in the words the page uses. */
public enum LineState {
    /** No open incident and no maintenance now: "Normal". */
    OPERATIONAL,
    /** An open incident of LOW or MEDIUM severity: "Gangguan sebagian". */
    PARTIAL_OUTAGE,
    /** An open incident of HIGH or CRITICAL severity: "Gangguan". */
    MAJOR_OUTAGE,
    /** No open incident, and a maintenance window is running: "Pemeliharaan terjadwal". */
    MAINTENANCE
}
