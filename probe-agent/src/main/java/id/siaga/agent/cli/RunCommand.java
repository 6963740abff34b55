package id.siaga.agent.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.concurrent.Callable;

/** {@code run}: the daemon; or, with {@code --once}, one cycle and one delivery attempt (see {@link RunDaemon}). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {
            "Run the checks every interval and send the findings to the service (the daemon).",
            "Findings wait in the outbox folder until the service has acknowledged them.",
            "Stops cleanly on SIGTERM or Ctrl-C."})
public final class RunCommand implements Callable<Integer> {

    @Mixin
    private ConfigOption config;

    @Option(names = "--once", description = "Run one cycle, try once to send the outbox, and exit: "
            + "0 when the service acknowledged everything, 1 when findings are still waiting.")
    private boolean once;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        return RunDaemon.run(new RunDaemon.Arguments(config.file(), once), spec.commandLine().getErr());
    }
}
