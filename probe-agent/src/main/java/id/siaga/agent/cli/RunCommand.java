package id.siaga.agent.cli;

import id.siaga.agent.Agent;
import id.siaga.agent.check.CheckFactory;
import id.siaga.agent.check.CheckRunner;
import id.siaga.agent.check.WebClient;
import id.siaga.agent.check.NamedCheck;
import id.siaga.agent.config.AgentConfig;
import id.siaga.agent.config.ConfigException;
import id.siaga.agent.report.Backoff;
import id.siaga.agent.report.Delivery;
import id.siaga.agent.report.Outbox;
import id.siaga.agent.report.TicketServiceClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import java.util.logging.Logger;

/** {@code run}: the daemon; or, with {@code --once}, one cycle and one delivery attempt. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {
            "Run the checks every interval and send the findings to the service (the daemon).",
            "Findings wait in the outbox folder until the service has acknowledged them.",
            "Stops cleanly on SIGTERM or Ctrl-C."})
public final class RunCommand implements Callable<Integer> {

    /** Limit for connecting to the service and for each of its answers. */
    static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(30);
    /** Backoff after the first failed delivery; doubles up to {@link #BACKOFF_CAP}. */
    static final Duration BACKOFF_BASE = Duration.ofSeconds(2);
    /** Longest wait between delivery attempts. */
    static final Duration BACKOFF_CAP = Duration.ofMinutes(5);
    /** Time given to the daemon to finish its current step on SIGTERM. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private static final Logger LOG = Logger.getLogger(RunCommand.class.getName());

    @Mixin
    private ConfigOption config;

    @Option(names = "--once", description = "Run one cycle, try once to send the outbox, and exit: "
            + "0 when the service acknowledged everything, 1 when findings are still waiting.")
    private boolean once;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
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
                RandomGenerator.getDefault()), System::nanoTime);
        CheckRunner runner = new CheckRunner(checks, Clock.systemUTC());
        Agent agent = new Agent(agentConfig, runner, outbox, delivery, Clock.systemUTC(), Version.current());
        if (once) {
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
