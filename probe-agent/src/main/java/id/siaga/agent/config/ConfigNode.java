package id.siaga.agent.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mapping in the YAML tree ({@link YamlTree}) together with its path. Getters convert values, substitute {@code ${ENV}}
 * references, and record a problem naming the path when a value is missing or wrong; {@link #finish()}
 * reports settings that no getter asked for.
 */
final class ConfigNode {

    private static final Pattern ENV_REF = Pattern.compile("\\$\\$(?=\\{)|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

    private final Map<String, Object> node;
    private final String path;
    private final List<String> problems;
    private final UnaryOperator<String> env;
    private final Set<String> read = new LinkedHashSet<>();

    ConfigNode(Map<String, Object> node, String path, List<String> problems, UnaryOperator<String> env) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        this.env = env;
    }

    String path() {
        return path;
    }

    String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    void problem(String name, String message) {
        problems.add(path(name) + ": " + message);
    }

    boolean has(String name) {
        return node != null && node.get(name) != null;
    }

    boolean isEmptyList(String name) {
        return has(name) && node.get(name) instanceof List<?> list && list.isEmpty();
    }

    /** @return the mapping under {@code name}; a missing one reads as empty, so its settings report as missing */
    ConfigNode child(String name, boolean required) {
        read.add(name);
        Object value = node == null ? null : node.get(name);
        if (value == null) {
            if (required) {
                problem(name, "missing");
            }
            return new ConfigNode(null, path(name), problems, env);
        }
        if (!(value instanceof Map<?, ?>)) {
            problem(name, "expected a section with settings below it");
            return new ConfigNode(null, path(name), problems, env);
        }
        return new ConfigNode(mapping(value), path(name), problems, env);
    }

    /** @return the mappings of the list under {@code name} */
    List<ConfigNode> list(String name) {
        read.add(name);
        Object value = node == null ? null : node.get(name);
        List<ConfigNode> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (!(value instanceof List<?> elements)) {
            problem(name, "expected a list (lines starting with '- ')");
            return result;
        }
        for (int i = 0; i < elements.size(); i++) {
            Object element = elements.get(i);
            String elementPath = path(name) + "[" + i + "]";
            if (!(element instanceof Map<?, ?>)) {
                problems.add(elementPath + ": expected settings such as 'key: ...' and 'kind: ...'");
                result.add(new ConfigNode(null, elementPath, problems, env));
            } else {
                result.add(new ConfigNode(mapping(element), elementPath, problems, env));
            }
        }
        return result;
    }

    Optional<String> text(String name) {
        read.add(name);
        if (!has(name)) {
            return Optional.empty();
        }
        Object value = node.get(name);
        if (isContainer(value)) {
            problem(name, "expected a single value");
            return Optional.empty();
        }
        if (!(value instanceof String textual)) {
            return Optional.of(String.valueOf(value));
        }
        String substituted = substitute(name, textual, true);
        return Optional.ofNullable(substituted);
    }

    /** Like {@link #text(String)}, but an unset environment variable gives empty instead of a problem. */
    Optional<String> textIfEnvironmentSet(String name) {
        read.add(name);
        if (!has(name) || !(node.get(name) instanceof String textual)) {
            return text(name);
        }
        return Optional.ofNullable(substitute(name, textual, false));
    }

    String requiredText(String name) {
        Optional<String> value = text(name);
        if (value.isEmpty() && !has(name)) {
            problem(name, "missing");
        } else if (value.isPresent() && value.get().isBlank()) {
            problem(name, "empty");
        }
        return value.orElse(null);
    }

    List<String> texts(String name) {
        read.add(name);
        List<String> result = new ArrayList<>();
        if (!has(name)) {
            return result;
        }
        if (!(node.get(name) instanceof List<?> elements)) {
            problem(name, "expected a list of values");
            return result;
        }
        for (int i = 0; i < elements.size(); i++) {
            Object element = elements.get(i);
            if (isContainer(element) || element == null) {
                problems.add(path(name) + "[" + i + "]: expected a single value");
            } else {
                String text = element instanceof String textual ? substitute(name + "[" + i + "]", textual, true)
                        : String.valueOf(element);
                if (text != null) {
                    result.add(text);
                }
            }
        }
        return result;
    }

    Long integer(String name, Long fallback, long min, long max) {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.get().trim().replace("_", ""));
            if (value < min || value > max) {
                problem(name, "must be between " + min + " and " + max + " (is " + value + ")");
                return fallback;
            }
            return value;
        } catch (NumberFormatException e) {
            problem(name, "not a whole number: '" + text.get() + "'");
            return fallback;
        }
    }

    long requiredInteger(String name, long min, long max) {
        if (!has(name)) {
            read.add(name);
            problem(name, "missing");
            return min;
        }
        Long value = integer(name, null, min, max);
        return value == null ? min : value;
    }

    Double number(String name, Double fallback, double min, double max) {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(text.get().trim());
            if (!Double.isFinite(value) || value < min || value > max) {
                problem(name, "must be between " + format(min) + " and " + format(max) + " (is " + text.get() + ")");
                return fallback;
            }
            return value;
        } catch (NumberFormatException e) {
            problem(name, "not a number: '" + text.get() + "'");
            return fallback;
        }
    }

    double requiredNumber(String name, double min, double max) {
        if (!has(name)) {
            read.add(name);
            problem(name, "missing");
            return min;
        }
        Double value = number(name, null, min, max);
        return value == null ? min : value;
    }

    boolean bool(String name, boolean fallback) {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return fallback;
        }
        switch (text.get().trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> {
                return true;
            }
            case "false", "no", "off" -> {
                return false;
            }
            default -> {
                problem(name, "expected true or false, not '" + text.get() + "'");
                return fallback;
            }
        }
    }

    Duration duration(String name, Duration fallback, Duration min, Duration max) {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return fallback;
        }
        Duration value = parseDuration(text.get());
        if (value == null) {
            problem(name, "not a duration: '" + text.get() + "' (use e.g. 30s, 5m, 1h or PT30S)");
            return fallback;
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            problem(name, "must be between " + min + " and " + max + " (is " + value + ")");
            return fallback;
        }
        return value;
    }

    /** @return a duration in milliseconds from a whole number setting such as {@code timeoutMs} */
    Duration millis(String name, long fallbackMs, long minMs, long maxMs) {
        return Duration.ofMillis(integer(name, fallbackMs, minMs, maxMs));
    }

    URI url(String name, boolean required) {
        Optional<String> text = required ? Optional.ofNullable(requiredText(name)) : text(name);
        if (text.isEmpty() || text.get().isBlank()) {
            return null;
        }
        String value = text.get().trim();
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                problem(name, "not a URL: '" + value + "' (expected http://host/... or https://host/...)");
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            problem(name, "not a URL: '" + value + "'");
            return null;
        }
    }

    /** Reports every setting of this mapping that no getter read. */
    void finish() {
        if (node == null) {
            return;
        }
        for (String name : node.keySet()) {
            if (!read.contains(name)) {
                problem(name, "unknown setting" + (read.isEmpty() ? "" : " (known here: " + String.join(", ", read) + ")"));
            }
        }
    }

    /** @return a mapping of the tree, whose keys are always strings */
    @SuppressWarnings("unchecked")
    static Map<String, Object> mapping(Object value) {
        return (Map<String, Object>) value;
    }

    private static boolean isContainer(Object value) {
        return value instanceof Map<?, ?> || value instanceof List<?>;
    }

    static Duration parseDuration(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        if (value.isEmpty()) {
            return null;
        }
        if (value.startsWith("p")) {
            try {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                return null;
            }
        }
        if (value.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        Matcher m = DURATION_PART.matcher(value);
        int end = 0;
        double millis = 0;
        while (m.find() && m.start() == end) {
            double amount = Double.parseDouble(m.group(1));
            millis += amount * switch (m.group(2)) {
                case "ms" -> 1;
                case "s" -> 1_000;
                case "m" -> 60_000;
                case "h" -> 3_600_000;
                default -> 86_400_000;
            };
            end = m.end();
        }
        return end == value.length() && end > 0 ? Duration.ofMillis(Math.round(millis)) : null;
    }

    private String substitute(String name, String text, boolean strict) {
        Matcher m = ENV_REF.matcher(text);
        StringBuilder out = new StringBuilder();
        boolean ok = true;
        while (m.find()) {
            String replacement;
            if (m.group().equals("$$")) {
                replacement = "$";
            } else {
                String value = env.apply(m.group(1));
                if (value == null) {
                    value = m.group(2);
                }
                if (value == null) {
                    if (strict) {
                        problem(name, "environment variable " + m.group(1) + " is not set");
                    }
                    ok = false;
                    value = "";
                }
                replacement = value;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return ok ? out.toString() : null;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
