package id.siaga.agent.cli;

import picocli.CommandLine;

/** Entry point of {@code siaga-agent.jar}: sets up one-line logging to stderr and runs the command line. */
public final class Main {

    private Main() {
    }

    /**
     * Seconds an idle https connection is kept for the next request, longer than a cycle so the service connection
     * is reused; the JDK's default is 5 s.
     */
    static final String HTTPS_KEEP_ALIVE_SECONDS = "120";

    public static void main(String[] args) {
        System.setProperty("java.util.logging.manager", LogSetup.KeepOpenLogManager.class.getName());
        if (System.getProperty("http.keepAlive.time.server") == null) {
            System.setProperty("http.keepAlive.time.server", HTTPS_KEEP_ALIVE_SECONDS);
        }
        LogSetup.install(System.getenv("SIAGA_AGENT_LOG_LEVEL"));
        System.exit(commandLine().execute(args));
    }

    /** @return the command line with its exit codes: 64 for a usage error, 70 for an unexpected error */
    public static CommandLine commandLine() {
        return new CommandLine(new AgentCommand())
                .setExitCodeExceptionMapper(error -> error instanceof CommandLine.ParameterException
                        ? ExitCodes.USAGE : ExitCodes.SOFTWARE)
                .setCaseInsensitiveEnumValuesAllowed(true);
    }
}
