package id.siaga.agent.check;

/**
 * A configured check: its key, kind and dependency, and the implementation that runs it.
 *
 * @param key       unique key from the configuration
 * @param kind      kind name as sent in findings, e.g. {@code http}
 * @param dependsOn key of the reachability check this check depends on, or {@code null}
 * @param check     the implementation
 */
public record NamedCheck(String key, String kind, String dependsOn, Check check) {
}
