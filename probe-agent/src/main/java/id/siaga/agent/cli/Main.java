package id.siaga.agent.cli;

import picocli.CommandLine;

/** Entry point of {@code siaga-agent.jar}: sets up one-line logging to stderr and runs the command line. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("java.util.logging.manager", LogSetup.KeepOpenLogManager.class.getName());
        if (System.getProperty("http.keepAlive") == null) {
            // a new connection per request (see WebClient): no keep-alive timer thread waking every 5 s
            System.setProperty("http.keepAlive", "false");
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
