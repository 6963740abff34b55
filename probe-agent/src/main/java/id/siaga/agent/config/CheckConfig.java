package id.siaga.agent.config;

/**
 * One entry of the {@code checks:} list.
 *
 * @param key       unique name of the check, sent with each finding
 * @param kind      what sort of check it is
 * @param dependsOn key of the {@code reachability} check this one depends on, or {@code null}
 * @param spec      the kind's parameters and thresholds
 * @param path      where the entry sits in the file, e.g. {@code checks[2]}, for error messages
 * @param tickets   when the service opens a ticket for this check and records its recovery
 */
public record CheckConfig(String key, CheckKind kind, String dependsOn, CheckSpec spec, String path,
                          TicketThresholds tickets) {
}
