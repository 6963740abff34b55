package id.siaga.agent.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code siaga-agent} command; does nothing itself but name its sub-commands. */
@Command(name = "siaga-agent",
        mixinStandardHelpOptions = true,
        versionProvider = AgentCommand.VersionText.class,
        description = {
            "SIAGA probe agent: checks this SIAK / KTP-el server (SOP 800/488/DKPS-PS/2022 steps 2 and 3,",
            "'cek tampilan' and 'cek fungsi') and reports findings to the SIAGA ticket service."},
        subcommands = {CheckCommand.class, RunCommand.class, DoctorCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 OK, 1 WARN or failure, 2 CRIT, 3 UNKNOWN, 64 usage error, 70 internal error."})
public final class AgentCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "give a command: check, run or doctor");
    }

    /** @return the command line with its exit codes: 64 for a usage error, 70 for an unexpected error */
    public static CommandLine commandLine() {
        return new CommandLine(new AgentCommand())
                .setExitCodeExceptionMapper(error -> error instanceof CommandLine.ParameterException
                        ? ExitCodes.USAGE : ExitCodes.SOFTWARE)
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** The text of {@code --version}. */
    public static final class VersionText implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() {
            return new String[] {"siaga-agent " + Version.current() + " (Java " + Runtime.version() + ")"};
        }
    }
}
