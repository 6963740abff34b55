package id.siaga.agent.check;

/**
 * Outcome of a check. Severity orders them OK &lt; WARN &lt; UNKNOWN &lt; CRIT; the exit codes follow the
 * monitoring-plugin convention (0, 1, 2, 3).
 */
public enum Status {
    OK(0, 0),
    WARN(1, 1),
    UNKNOWN(2, 3),
    CRIT(3, 2);

    private final int severity;
    private final int exitCode;

    Status(int severity, int exitCode) {
        this.severity = severity;
        this.exitCode = exitCode;
    }

    /** @return the process exit code for a run whose worst status is this one */
    public int exitCode() {
        return exitCode;
    }

    /** @return whichever of the two is more severe */
    public Status worst(Status other) {
        return other.severity > severity ? other : this;
    }
}
