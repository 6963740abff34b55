package id.siaga.agent.config;

import java.util.List;

/**
 * A configuration that cannot be used. Each problem names the path at fault, e.g.
 * {@code checks[2].url: not a URL}.
 */
public class ConfigException extends Exception {

    private final transient List<String> problems;

    public ConfigException(String source, List<String> problems) {
        super(source + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + System.lineSeparator() + "  " + String.join(System.lineSeparator() + "  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** @return one line per problem, each starting with the path at fault */
    public List<String> problems() {
        return problems;
    }
}
