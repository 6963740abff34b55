package id.siaga.ticket.domain;

/** How badly a fault hurts the office's service. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
