package id.siaga.agent.check;

import id.siaga.agent.config.CheckConfig;
import id.siaga.agent.config.CheckSpec;
import id.siaga.agent.config.ConfigException;
import oshi.SystemInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Creates the check implementations for a configuration. Settings that only show as wrong when the check is
 * built (an unreadable {@code caFile}, a query that would write) are reported as configuration problems
 * naming their path. OSHI is started only for a {@code host} or {@code process} check on a system without
 * {@code /proc}.
 */
public final class CheckFactory {

    private final Clock clock;
    private final WebClient http;
    private SystemInfo system;

    /** @param http the agent's standard HTTP client (see {@link WebClient}), shared by the http checks */
    public CheckFactory(Clock clock, WebClient http) {
        this.clock = clock;
        this.http = http;
    }

    /**
     * @return one named check per configured check, in the same order
     * @throws ConfigException naming every check that cannot be built
     */
    public List<NamedCheck> create(List<CheckConfig> configs) throws ConfigException {
        List<NamedCheck> checks = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (CheckConfig config : configs) {
            try {
                checks.add(new NamedCheck(config.key(), config.kind().id(), config.dependsOn(), create(config),
                        config.tickets()));
            } catch (InvalidSetting e) {
                problems.add(config.path() + "." + e.getMessage());
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                problems.add(config.path() + ": cannot be set up: " + CheckRunner.describe(e));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("configuration", problems);
        }
        return checks;
    }

    private Check create(CheckConfig config) throws IOException, GeneralSecurityException, InvalidSetting {
        CheckSpec spec = config.spec();
        return switch (config.kind()) {
            case HTTP -> {
                CheckSpec.Http http = (CheckSpec.Http) spec;
                if (http.caFile() != null && !Files.isReadable(http.caFile())) {
                    throw new InvalidSetting("caFile: cannot read " + http.caFile());
                }
                try {
                    yield new HttpCheck(http, clock, this.http);
                } catch (GeneralSecurityException | IOException e) {
                    throw new InvalidSetting("caFile: not a PEM certificate file (" + CheckRunner.describe(e) + ")");
                }
            }
            case TCP -> new TcpCheck((CheckSpec.Tcp) spec);
            case REACHABILITY -> new ReachabilityCheck((CheckSpec.Reachability) spec);
            case JDBC -> {
                CheckSpec.Jdbc jdbc = (CheckSpec.Jdbc) spec;
                Optional<String> refusal = ReadOnlySql.refusal(jdbc.query(), SqlDialect.ofUrl(jdbc.url()));
                if (refusal.isPresent()) {
                    throw new InvalidSetting("query: refused: " + refusal.get());
                }
                yield new JdbcCheck(jdbc);
            }
            case HOST -> new HostCheck((CheckSpec.Host) spec,
                    ProcHost.available() ? new ProcHost() : new OshiHost(system()));
            case PROCESS -> ProcessCheck.PROCFS
                    ? new ProcessCheck((CheckSpec.Process) spec, null, true)
                    : new ProcessCheck((CheckSpec.Process) spec, system().getOperatingSystem(), false);
            case FILE_AGE -> new FileAgeCheck((CheckSpec.FileAge) spec, clock);
        };
    }

    private SystemInfo system() {
        if (system == null) {
            system = new SystemInfo();
        }
        return system;
    }

    /** A setting found wrong while building a check; the message starts with the setting's name. */
    private static final class InvalidSetting extends Exception {
        InvalidSetting(String message) {
            super(message);
        }
    }
}
