package id.siaga.agent.config;

import java.time.Duration;
import java.util.List;

/**
 * The agent's whole configuration, as read from its one YAML file and validated by {@link ConfigLoader}.
 *
 * @param server   who this agent reports as
 * @param service  where findings are posted
 * @param interval time between two check cycles
 * @param outbox   where findings wait until the service has acknowledged them
 * @param checks   the checks to run each cycle, in file order; keys are unique
 */
public record AgentConfig(
        ServerConfig server,
        ServiceConfig service,
        Duration interval,
        OutboxConfig outbox,
        List<CheckConfig> checks) {

    /** Default time between two cycles. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

    public AgentConfig {
        checks = List.copyOf(checks);
    }
}
