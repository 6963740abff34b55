package id.siaga.agent.cli;

import java.io.PrintWriter;

/**
 * Entry point of {@code siaga-agent.jar}: sets up one-line logging to stderr and runs the command line; the
 * daemon's own {@code run} arguments go straight to {@link RunDaemon}, without building the command line, so this
 * class refers to no picocli type.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("java.util.logging.manager", LogSetup.MANAGER);
        if (System.getProperty("http.keepAlive") == null) {
            // a new connection per request (see WebClient): no keep-alive timer thread waking every 5 s
            System.setProperty("http.keepAlive", "false");
        }
        LogSetup.install(System.getenv("SIAGA_AGENT_LOG_LEVEL"));
        RunDaemon.Arguments daemon = RunDaemon.arguments(args, ConfigOption.defaultFile());
        System.exit(daemon == null ? AgentCommand.commandLine().execute(args) : runDaemon(daemon));
    }

    /** @return the daemon's exit code; 70 with the stack trace on stderr for an unexpected error, as picocli */
    private static int runDaemon(RunDaemon.Arguments arguments) {
        PrintWriter err = new PrintWriter(System.err, true);
        try {
            return RunDaemon.run(arguments, err);
        } catch (Exception e) {
            e.printStackTrace(err);
            err.flush();
            return ExitCodes.SOFTWARE;
        }
    }
}
