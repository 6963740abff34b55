package id.siaga.agent.cli;

import id.siaga.agent.config.AgentConfig;
import id.siaga.agent.config.ConfigException;
import id.siaga.agent.config.ConfigLoader;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** The {@code --config} option shared by all commands, and the loading and reporting of the file it names. */
public final class ConfigOption {

    /** The configuration file when neither the option nor {@link #ENVIRONMENT} names one. */
    static final String DEFAULT_FILE = "/etc/siaga/agent.yaml";
    /** The environment variable naming the configuration file. */
    static final String ENVIRONMENT = "SIAGA_AGENT_CONFIG";

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            defaultValue = "${env:" + ENVIRONMENT + ":-" + DEFAULT_FILE + "}",
            description = "Configuration file (default: ${DEFAULT-VALUE}; environment SIAGA_AGENT_CONFIG).")
    Path file;

    /** For picocli, which sets {@link #file}. */
    public ConfigOption() {
    }

    /** @param file the configuration file, as given without picocli */
    ConfigOption(Path file) {
        this.file = file;
    }

    /** @return the configuration file when none is given: {@link #ENVIRONMENT}'s, else {@link #DEFAULT_FILE} */
    static String defaultFile() {
        String fromEnvironment = System.getenv(ENVIRONMENT);
        return fromEnvironment == null ? DEFAULT_FILE : fromEnvironment;
    }

    /** @return the configuration file's path */
    public Path file() {
        return file;
    }

    /**
     * Loads and validates the file; prints the problems to {@code err} when it cannot be used.
     *
     * @param requireToken whether {@code service.token} must be set
     * @return the configuration, or {@code null} after printing why not
     */
    AgentConfig load(boolean requireToken, PrintWriter err) {
        try {
            return new ConfigLoader().load(file, requireToken);
        } catch (ConfigException e) {
            printProblems(e.problems(), err);
            return null;
        }
    }

    /** Prints configuration problems, one per line, under a line naming the file. */
    void printProblems(List<String> problems, PrintWriter err) {
        err.println("configuration " + file + " cannot be used:");
        for (String problem : problems) {
            err.println("  " + problem);
        }
        err.flush();
    }
}
