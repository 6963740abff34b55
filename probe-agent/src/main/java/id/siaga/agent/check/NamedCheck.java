package id.siaga.agent.check;

import id.siaga.agent.config.TicketThresholds;

/**
 * A configured check: its key, kind and dependency, and the implementation that runs it.
 *
 * @param key       unique key from the configuration
 * @param kind      kind name as sent in findings, e.g. {@code http}
 * @param dependsOn key of the reachability check this check depends on, or {@code null}
 * @param check     the implementation
 */
public record NamedCheck(String key, String kind, String dependsOn, Check check, TicketThresholds tickets) {

    /** A check with the service's default ticket thresholds. */
    public NamedCheck(String key, String kind, String dependsOn, Check check) {
        this(key, kind, dependsOn, check, TicketThresholds.SERVICE_DEFAULTS);
    }
}
