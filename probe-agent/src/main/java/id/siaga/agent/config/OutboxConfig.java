package id.siaga.agent.config;

import java.nio.file.Path;

/**
 * The disk outbox that keeps every finding until the service has acknowledged it.
 *
 * @param dir         folder holding one file per pending finding
 * @param maxFindings most findings kept; beyond it the oldest are dropped
 */
public record OutboxConfig(Path dir, int maxFindings) {

    /** Default folder, the systemd unit's state directory. */
    public static final String DEFAULT_DIR = "/var/lib/siaga-agent/outbox";
    /** Default bound on pending findings. */
    public static final int DEFAULT_MAX_FINDINGS = 10_000;
}
