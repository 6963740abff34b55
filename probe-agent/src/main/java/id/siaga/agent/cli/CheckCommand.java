package id.siaga.agent.cli;

import id.siaga.agent.check.CheckFactory;
import id.siaga.agent.check.CheckOutcome;
import id.siaga.agent.check.CheckRunner;
import id.siaga.agent.check.WebClient;
import id.siaga.agent.check.NamedCheck;
import id.siaga.agent.check.Status;
import id.siaga.agent.config.AgentConfig;
import id.siaga.agent.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code check}: runs every check once, here and now, and prints a table; sends nothing. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {
            "Run every check once and print a table (check, kind, status, message, time taken).",
            "Nothing is sent to the service; the service token need not be set.",
            "Exit code: 0 all OK, 1 worst WARN, 3 worst UNKNOWN, 2 any CRIT; 1 also for an invalid configuration."})
public final class CheckCommand implements Callable<Integer> {

    @Mixin
    private ConfigOption config;

    @Option(names = "--only", paramLabel = "KEY", split = ",",
            description = "Run only the checks with these keys (comma separated).")
    private List<String> only;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AgentConfig agentConfig = config.load(false, err);
        if (agentConfig == null) {
            return ExitCodes.FAILED;
        }
        List<NamedCheck> checks;
        try {
            checks = new CheckFactory(Clock.systemUTC(), WebClient.standard()).create(agentConfig.checks());
        } catch (ConfigException e) {
            config.printProblems(e.problems(), err);
            return ExitCodes.FAILED;
        }
        List<CheckOutcome> outcomes;
        try (CheckRunner runner = new CheckRunner(checks, Clock.systemUTC())) {
            outcomes = only == null || only.isEmpty() ? runner.runAll() : runner.run(only);
        }
        if (only != null && outcomes.size() < only.size()) {
            err.println("note: no check has the key(s) " + only.stream()
                    .filter(key -> outcomes.stream().noneMatch(o -> o.key().equals(key))).toList());
        }
        out.print(ResultTable.render(outcomes));
        out.flush();
        return outcomes.stream().map(CheckOutcome::status).reduce(Status.OK, Status::worst).exitCode();
    }
}
