package id.siaga.agent.cli;

/**
 * Exit codes besides the check statuses (0 OK, 1 WARN, 2 CRIT, 3 UNKNOWN, see
 * {@link id.siaga.agent.check.Status#exitCode()}).
 */
public final class ExitCodes {

    /** The configuration is invalid, or a doctor step or a one-off delivery failed. */
    public static final int FAILED = 1;
    /** The command line itself is wrong (sysexits EX_USAGE). */
    public static final int USAGE = 64;
    /** An unexpected internal error (sysexits EX_SOFTWARE). */
    public static final int SOFTWARE = 70;

    private ExitCodes() {
    }
}
