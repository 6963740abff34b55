package id.siaga.agent.config;

/**
 * How many results in a row make the service act on a check, sent with each of its findings; null leaves the
 * service's default (2 and 2).
 *
 * @param openAfter    failing results in a row that open a ticket, or {@code null}
 * @param recoverAfter passing results in a row that record a recovery on the ticket, or {@code null}
 */
public record TicketThresholds(Integer openAfter, Integer recoverAfter) {

    /** The service's defaults. */
    public static final TicketThresholds SERVICE_DEFAULTS = new TicketThresholds(null, null);
}
