package id.siaga.agent.config;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the agent's YAML file into an {@link AgentConfig}, substituting {@code ${ENV_VAR}} (or
 * {@code ${ENV_VAR:-default}}) in string values, applying defaults and validating every value. All problems
 * are collected and thrown together, each naming its path.
 */
public final class ConfigLoader {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

    private final UnaryOperator<String> environment;

    /** A loader that substitutes from the process environment. */
    public ConfigLoader() {
        this(System::getenv);
    }

    /** @param environment looks up an environment variable by name, {@code null} when unset */
    public ConfigLoader(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /**
     * Loads a configuration for running and reporting: the service token must be set.
     *
     * @throws ConfigException naming every path at fault
     */
    public AgentConfig load(Path file) throws ConfigException {
        return load(file, true);
    }

    /**
     * Loads a configuration.
     *
     * @param requireToken {@code false} for local checks only: an unset token (or token variable) is accepted
     *                     and {@link ServiceConfig#token()} is then {@code null}
     * @throws ConfigException naming every path at fault
     */
    public AgentConfig load(Path file, boolean requireToken) throws ConfigException {
        String source = file.toString();
        Object root;
        try {
            root = YamlTree.read(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException(source, List.of(
                    "file not found (give another with --config or SIAGA_AGENT_CONFIG)"));
        } catch (YamlTree.Invalid e) {
            throw new ConfigException(source, List.of("line " + e.line() + ", column " + e.column()
                    + ": not valid YAML: " + oneLine(e.getMessage())));
        } catch (IOException e) {
            throw new ConfigException(source, List.of("cannot read: " + e.getMessage()));
        }
        if (root == null || root == YamlTree.NO_DOCUMENT) {
            throw new ConfigException(source, List.of("file is empty"));
        }
        if (!(root instanceof Map<?, ?>)) {
            throw new ConfigException(source, List.of("expected settings such as 'server:', 'service:', 'checks:'"));
        }
        List<String> problems = new ArrayList<>();
        AgentConfig config = read(new ConfigNode(ConfigNode.mapping(root), "", problems, environment), requireToken);
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems);
        }
        return config;
    }

    /** @return the parser's message without its indented snippet and pointer lines */
    private static String oneLine(String message) {
        return message == null ? "" : message.lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .collect(Collectors.joining("; "));
    }

    private AgentConfig read(ConfigNode root, boolean requireToken) {
        ConfigNode serverNode = root.child("server", true);
        ServerConfig server = new ServerConfig(
                serverNode.requiredInteger("id", 1, Long.MAX_VALUE),
                serverNode.requiredText("name"));
        serverNode.finish();

        ConfigNode serviceNode = root.child("service", true);
        URI url = serviceNode.url("url", true);
        if (url != null) {
            String text = url.toString();
            url = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        }
        String token = requireToken
                ? serviceNode.requiredText("token")
                : serviceNode.textIfEnvironmentSet("token").filter(t -> !t.isBlank()).orElse(null);
        ServiceConfig service = new ServiceConfig(url, token);
        serviceNode.finish();

        Duration interval = root.duration("interval", AgentConfig.DEFAULT_INTERVAL,
                Duration.ofSeconds(1), Duration.ofDays(1));

        ConfigNode outboxNode = root.child("outbox", false);
        OutboxConfig outbox = new OutboxConfig(
                Path.of(outboxNode.text("dir").orElse(OutboxConfig.DEFAULT_DIR)),
                outboxNode.integer("maxFindings", (long) OutboxConfig.DEFAULT_MAX_FINDINGS, 10, 10_000_000)
                        .intValue());
        outboxNode.finish();

        List<ConfigNode> checkNodes = root.list("checks");
        if (!root.has("checks")) {
            root.problem("checks", "missing: list at least one check");
        } else if (root.isEmptyList("checks")) {
            root.problem("checks", "empty: list at least one check");
        }
        List<CheckConfig> checks = new ArrayList<>();
        for (ConfigNode node : checkNodes) {
            readCheck(node).ifPresent(checks::add);
        }
        validateReferences(checks, root);
        root.finish();
        return new AgentConfig(server, service, interval, outbox, checks);
    }

    private Optional<CheckConfig> readCheck(ConfigNode node) {
        String key = node.requiredText("key");
        if (key != null && !KEY.matcher(key).matches()) {
            node.problem("key", "'" + key + "' may only use letters, digits, '.', '_' and '-' (at most 64)");
        }
        String kindName = node.requiredText("kind");
        String dependsOn = node.text("dependsOn").orElse(null);
        Long openAfter = node.integer("openAfter", null, 1, 100);
        Long recoverAfter = node.integer("recoverAfter", null, 1, 100);
        TicketThresholds tickets = new TicketThresholds(openAfter == null ? null : openAfter.intValue(),
                recoverAfter == null ? null : recoverAfter.intValue());
        Optional<CheckKind> kind = Optional.empty();
        if (kindName != null) {
            kind = CheckKind.byId(kindName.trim());
            if (kind.isEmpty()) {
                node.problem("kind", "unknown kind '" + kindName + "' (known: " + CheckKind.knownIds() + ")");
            }
        }
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        CheckSpec spec = switch (kind.get()) {
            case HTTP -> http(node);
            case TCP -> tcp(node);
            case JDBC -> jdbc(node);
            case HOST -> host(node);
            case PROCESS -> process(node);
            case FILE_AGE -> fileAge(node);
            case REACHABILITY -> reachability(node);
        };
        node.finish();
        return Optional.of(new CheckConfig(key, kind.get(), dependsOn, spec, node.path(), tickets));
    }

    private static CheckSpec.Http http(ConfigNode node) {
        URI url = node.url("url", true);
        Long warnMs = node.integer("warnMs", null, 1, 3_600_000);
        Long critMs = node.integer("critMs", null, 1, 3_600_000);
        orderedAscending(node, "warnMs", warnMs, "critMs", critMs);
        int certWarn = node.integer("certWarnDays", 21L, 0, 3650).intValue();
        int certCrit = node.integer("certCritDays", 7L, 0, 3650).intValue();
        orderedDescending(node, "certWarnDays", (double) certWarn, "certCritDays", (double) certCrit);
        String caFile = node.text("caFile").orElse(null);
        return new CheckSpec.Http(url,
                node.integer("expectStatus", 200L, 100, 599).intValue(),
                node.text("expectText").filter(t -> !t.isEmpty()).orElse(null),
                warnMs, critMs, certWarn, certCrit,
                node.bool("tlsVerify", true),
                caFile == null ? null : Path.of(caFile),
                node.bool("followRedirects", true),
                node.millis("timeoutMs", 10_000, 100, MAX_TIMEOUT.toMillis()));
    }

    private static CheckSpec.Tcp tcp(ConfigNode node) {
        return new CheckSpec.Tcp(node.requiredText("host"),
                (int) node.requiredInteger("port", 1, 65_535),
                node.millis("timeoutMs", 3_000, 10, MAX_TIMEOUT.toMillis()),
                node.integer("warnMs", null, 1, MAX_TIMEOUT.toMillis()));
    }

    private static CheckSpec.Reachability reachability(ConfigNode node) {
        String host = node.requiredText("host");
        return new CheckSpec.Reachability(host,
                (int) node.requiredInteger("port", 1, 65_535),
                node.text("label").orElse(host),
                node.millis("timeoutMs", 5_000, 10, MAX_TIMEOUT.toMillis()),
                node.integer("warnMs", null, 1, MAX_TIMEOUT.toMillis()));
    }

    private static CheckSpec.Jdbc jdbc(ConfigNode node) {
        String url = node.requiredText("url");
        if (url != null && !url.startsWith("jdbc:")) {
            node.problem("url", "not a JDBC URL: '" + url + "' (expected e.g. jdbc:postgresql://host:5432/db)");
        }
        Double warnAbove = node.number("warnAbove", null, -Double.MAX_VALUE, Double.MAX_VALUE);
        Double critAbove = node.number("critAbove", null, -Double.MAX_VALUE, Double.MAX_VALUE);
        Double warnBelow = node.number("warnBelow", null, -Double.MAX_VALUE, Double.MAX_VALUE);
        Double critBelow = node.number("critBelow", null, -Double.MAX_VALUE, Double.MAX_VALUE);
        orderedAscending(node, "warnAbove", warnAbove, "critAbove", critAbove);
        orderedDescending(node, "warnBelow", warnBelow, "critBelow", critBelow);
        Long expectRows = node.integer("expectRows", null, 0, Integer.MAX_VALUE);
        return new CheckSpec.Jdbc(url,
                node.text("user").orElse(null),
                node.text("password").orElse(null),
                node.requiredText("query"),
                node.integer("timeoutSeconds", 10L, 1, 600).intValue(),
                node.text("expectValue").orElse(null),
                warnAbove, critAbove, warnBelow, critBelow,
                expectRows == null ? null : expectRows.intValue());
    }

    private static CheckSpec.Host host(ConfigNode node) {
        double cpuWarn = node.number("cpuWarnPct", 85.0, 0, 100);
        double cpuCrit = node.number("cpuCritPct", 95.0, 0, 100);
        double memWarn = node.number("memWarnPct", 90.0, 0, 100);
        double memCrit = node.number("memCritPct", 97.0, 0, 100);
        double swapWarn = node.number("swapWarnPct", 80.0, 0, 100);
        double swapCrit = node.number("swapCritPct", 95.0, 0, 100);
        double diskWarn = node.number("diskFreeWarnPct", 15.0, 0, 100);
        double diskCrit = node.number("diskFreeCritPct", 5.0, 0, 100);
        double inodesWarn = node.number("inodesFreeWarnPct", 10.0, 0, 100);
        double inodesCrit = node.number("inodesFreeCritPct", 3.0, 0, 100);
        orderedAscending(node, "cpuWarnPct", cpuWarn, "cpuCritPct", cpuCrit);
        orderedAscending(node, "memWarnPct", memWarn, "memCritPct", memCrit);
        orderedAscending(node, "swapWarnPct", swapWarn, "swapCritPct", swapCrit);
        orderedDescending(node, "diskFreeWarnPct", diskWarn, "diskFreeCritPct", diskCrit);
        orderedDescending(node, "inodesFreeWarnPct", inodesWarn, "inodesFreeCritPct", inodesCrit);
        return new CheckSpec.Host(cpuWarn, cpuCrit, memWarn, memCrit, swapWarn, swapCrit, diskWarn, diskCrit,
                inodesWarn, inodesCrit, node.texts("mounts"), node.texts("excludeMounts"),
                node.millis("timeoutMs", 10_000, 100, MAX_TIMEOUT.toMillis()));
    }

    private static CheckSpec.Process process(ConfigNode node) {
        int min = node.integer("min", 1L, 0, 100_000).intValue();
        Long max = node.integer("max", null, 0, 100_000);
        if (max != null && max < min) {
            node.problem("max", "must not be below min (" + min + ")");
        }
        return new CheckSpec.Process(node.requiredText("name"), min, max == null ? null : max.intValue(),
                node.millis("timeoutMs", 10_000, 100, MAX_TIMEOUT.toMillis()));
    }

    private static CheckSpec.FileAge fileAge(ConfigNode node) {
        String dir = node.requiredText("dir");
        String pattern = node.text("pattern").orElse("*");
        try {
            FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        } catch (IllegalArgumentException e) {
            node.problem("pattern", "not a valid pattern: '" + pattern + "'");
        }
        double maxAge = node.requiredNumber("maxAgeHours", 0.001, 100_000);
        Double warnAge = node.number("warnAgeHours", null, 0.001, 100_000);
        if (warnAge != null && warnAge > maxAge) {
            node.problem("warnAgeHours", "must not be above maxAgeHours (" + maxAge + ")");
        }
        return new CheckSpec.FileAge(dir == null ? null : Path.of(dir), pattern, maxAge, warnAge,
                node.integer("minSizeBytes", null, 0, Long.MAX_VALUE),
                node.millis("timeoutMs", 10_000, 100, MAX_TIMEOUT.toMillis()));
    }

    private static void validateReferences(List<CheckConfig> checks, ConfigNode root) {
        Map<String, CheckConfig> byKey = new HashMap<>();
        for (CheckConfig check : checks) {
            if (check.key() == null) {
                continue;
            }
            CheckConfig earlier = byKey.putIfAbsent(check.key(), check);
            if (earlier != null) {
                root.problem(check.path() + ".key", "duplicate key '" + check.key() + "' (also " + earlier.path() + ")");
            }
            if ("agent".equals(check.key())) {
                root.problem(check.path() + ".key", "'agent' is reserved for the agent's heartbeat");
            }
        }
        for (CheckConfig check : checks) {
            if (check.dependsOn() == null) {
                continue;
            }
            CheckConfig target = byKey.get(check.dependsOn());
            String path = check.path() + ".dependsOn";
            if (target == null) {
                root.problem(path, "no check has the key '" + check.dependsOn() + "'");
            } else if (target.kind() != CheckKind.REACHABILITY) {
                root.problem(path, "'" + check.dependsOn() + "' is a " + target.kind().id()
                        + " check; dependsOn must name a reachability check");
            } else if (target == check) {
                root.problem(path, "a check cannot depend on itself");
            }
        }
    }

    private static void orderedAscending(ConfigNode node, String warnName, Double warn, String critName, Double crit) {
        if (warn != null && crit != null && warn > crit) {
            node.problem(warnName, "must not be above " + critName + " (" + crit + ")");
        }
    }

    private static void orderedDescending(ConfigNode node, String warnName, Double warn, String critName, Double crit) {
        if (warn != null && crit != null && warn < crit) {
            node.problem(warnName, "must not be below " + critName + " (" + crit + ")");
        }
    }

    private static void orderedAscending(ConfigNode node, String warnName, Long warn, String critName, Long crit) {
        if (warn != null && crit != null && warn > crit) {
            node.problem(warnName, "must not be above " + critName + " (" + crit + ")");
        }
    }
}
