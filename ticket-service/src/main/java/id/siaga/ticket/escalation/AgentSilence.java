package id.siaga.ticket.escalation;

import id.siaga.ticket.config.SiagaConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/**
 * When an agent counts as silent — the one rule the status board shows ("tidak ada laporan") and the silent-agents
 * sweep escalates on: it reported before, its last report is older than {@code siaga.escalation.silent-intervals}
 * of its report interval (the interval its heartbeat states, else {@code siaga.escalation.agent-interval}), and
 * its server is not inside a maintenance window now.
 */
@ApplicationScoped
public class AgentSilence {

    private final SiagaConfig config;

    public AgentSilence(SiagaConfig config) {
        this.config = config;
    }

    /** @return how long an agent with that report interval (null: unknown) may go without reporting */
    public Duration allowedQuiet(Integer intervalSeconds) {
        Duration interval = intervalSeconds == null ? config.escalation().agentInterval()
                : Duration.ofSeconds(intervalSeconds);
        return interval.multipliedBy(config.escalation().silentIntervals());
    }

    /**
     * @param lastSeen        when the agent last reported; null when it never did (not silent: there is nothing to miss)
     * @param intervalSeconds the report interval its heartbeat stated, or null
     * @param inMaintenance   whether its server is inside a maintenance window at {@code now}
     */
    public boolean isSilent(Instant lastSeen, Integer intervalSeconds, boolean inMaintenance, Instant now) {
        return lastSeen != null && !inMaintenance && lastSeen.isBefore(now.minus(allowedQuiet(intervalSeconds)));
    }
}
