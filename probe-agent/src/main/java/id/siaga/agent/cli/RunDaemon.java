package id.siaga.agent.cli;

import id.siaga.agent.Agent;
import id.siaga.agent.Log;
import id.siaga.agent.check.CheckFactory;
import id.siaga.agent.check.CheckRunner;
import id.siaga.agent.check.NamedCheck;
import id.siaga.agent.check.WebClient;
import id.siaga.agent.config.AgentConfig;
import id.siaga.agent.config.ConfigException;
import id.siaga.agent.report.Backoff;
import id.siaga.agent.report.Delivery;
import id.siaga.agent.report.Outbox;
import id.siaga.agent.report.TicketServiceClient;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What {@code run} does, without the command-line library: {@link RunCommand} calls it after picocli has parsed
 * the arguments, and {@link Main} calls it directly for the daemon's own argument forms ({@link #arguments}), so
 * a daemon loads none of picocli's classes.
 */
final class RunDaemon {

    /** Limit for connecting to the service and for each of its answers. */
    static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(30);
    /** Backoff after the first failed delivery; doubles up to {@link #BACKOFF_CAP}. */
    static final Duration BACKOFF_BASE = Duration.ofSeconds(2);
    /** Longest wait between delivery attempts. */
    static final Duration BACKOFF_CAP = Duration.ofMinutes(5);
    /** Time given to the daemon to finish its current step on SIGTERM. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private static final Log LOG = Log.of(RunDaemon.class);

    private RunDaemon() {
    }

    /**
     * The arguments of {@code run} in the forms the daemon is started with.
     *
     * @param config the configuration file
     * @param once   whether to run one cycle and one delivery attempt only
     */
    record Arguments(Path config, boolean once) {
    }

    /**
     * Recognises {@code run [-c FILE | --config FILE | --config=FILE] [--once]}, options in any order and each at
     * most once.
     *
     * @param defaultConfig the configuration file when none is given (see {@link ConfigOption#defaultFile()})
     * @return the arguments, or {@code null} for anything else (help, other commands, usage errors), which
     *     picocli is left to handle
     */
    static Arguments arguments(String[] args, String defaultConfig) {
        if (args.length == 0 || !args[0].equals("run")) {
            return null;
        }
        String config = null;
        boolean once = false;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            if (arg.equals("--once") && !once) {
                once = true;
                continue;
            } else if ((arg.equals("-c") || arg.equals("--config")) && i + 1 < args.length) {
                value = args[++i];
            } else if (arg.startsWith("--config=")) {
                value = arg.substring("--config=".length());
            }
            if (value == null || value.isEmpty() || value.startsWith("-") || config != null) {
                return null;
            }
            config = value;
        }
        try {
            return new Arguments(Path.of(config == null ? defaultConfig : config), once);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /**
     * Runs the daemon until SIGTERM, or with {@code once} one cycle and one delivery attempt.
     *
     * @param err where configuration problems are printed
     * @return the exit code: 0, or 1 for an unusable configuration or findings still waiting after {@code once}
     */
    static int run(Arguments arguments, PrintWriter err) throws IOException, InterruptedException {
        ConfigOption config = new ConfigOption(arguments.config());
        AgentConfig agentConfig = config.load(true, err);
        if (agentConfig == null) {
            return ExitCodes.FAILED;
        }
        WebClient http = WebClient.standard();
        List<NamedCheck> checks;
        try {
            checks = new CheckFactory(Clock.systemUTC(), http).create(agentConfig.checks());
        } catch (ConfigException e) {
            config.printProblems(e.problems(), err);
            return ExitCodes.FAILED;
        }
        Outbox outbox;
        try {
            outbox = new Outbox(agentConfig.outbox().dir(), agentConfig.outbox().maxFindings());
        } catch (IOException e) {
            config.printProblems(List.of("outbox.dir: cannot use " + agentConfig.outbox().dir() + ": " + e), err);
            return ExitCodes.FAILED;
        }
        TicketServiceClient client = new TicketServiceClient(agentConfig.service(), SERVICE_TIMEOUT, Version.current(),
                http);
        Delivery delivery = new Delivery(outbox, client, new Backoff(BACKOFF_BASE, BACKOFF_CAP,
                new SplittableRandom()), System::nanoTime);
        CheckRunner runner = new CheckRunner(checks, Clock.systemUTC());
        Agent agent = new Agent(agentConfig, runner, outbox, delivery, Clock.systemUTC(), Version.current());
        if (arguments.once()) {
            try (runner) {
                return agent.runCycles(1) ? 0 : ExitCodes.FAILED;
            }
        }
        Thread hook = new Thread(() -> {
            agent.stop();
            try {
                if (!agent.awaitStopped(STOP_TIMEOUT)) {
                    LOG.warning("agent did not stop within " + STOP_TIMEOUT.toSeconds() + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "siaga-agent-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        agent.run();
        return 0;
    }
}
