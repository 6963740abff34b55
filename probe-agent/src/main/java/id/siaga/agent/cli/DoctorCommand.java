package id.siaga.agent.cli;

import id.siaga.agent.check.CheckFactory;
import id.siaga.agent.check.CheckRunner;
import id.siaga.agent.check.DatabaseAccount;
import id.siaga.agent.check.WebClient;
import id.siaga.agent.check.NamedCheck;
import id.siaga.agent.config.AgentConfig;
import id.siaga.agent.config.CheckConfig;
import id.siaga.agent.config.CheckSpec;
import id.siaga.agent.config.ConfigException;
import id.siaga.agent.config.ConfigLoader;
import id.siaga.agent.report.TicketServiceClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code doctor}: checks the agent's own set-up step by step (configuration, checks, the rights of each database
 * check's account, outbox folder, service, token) and prints each with ok or failed and a hint.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {
            "Check the agent's set-up: the configuration, that each jdbc check's database account can only read",
            "(it connects with the check's account and lists any right to write), the outbox folder, that the",
            "service answers (GET {url}/q/health) and that it accepts the token (POST an empty batch [] to",
            "{url}/api/v1/findings). Exit code 0 only when every step passes."})
public final class DoctorCommand implements Callable<Integer> {

    @Mixin
    private ConfigOption config;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Limit for each request to the service, in seconds (default: ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Spec
    private CommandSpec spec;

    private WebClient http;
    private PrintWriter out;
    private boolean allPassed = true;

    @Override
    public Integer call() throws InterruptedException {
        out = spec.commandLine().getOut();
        http = WebClient.standard();
        AgentConfig agentConfig;
        try {
            agentConfig = new ConfigLoader().load(config.file(), true);
            ok("configuration " + config.file(), "server " + agentConfig.server().name() + " (id "
                    + agentConfig.server().id() + "), " + agentConfig.checks().size() + " checks, every "
                    + agentConfig.interval().toSeconds() + " s");
        } catch (ConfigException e) {
            failed("configuration " + config.file(), String.join("; ", e.problems()),
                    "fix the settings named above; the example files in /opt/siaga-agent/examples explain each");
            skipped("checks", "database accounts", "outbox folder", "service reachable", "token accepted");
            return finish();
        }
        checks(agentConfig);
        databaseAccounts(agentConfig);
        outbox(agentConfig.outbox().dir());
        TicketServiceClient client = new TicketServiceClient(agentConfig.service(),
                Duration.ofSeconds(timeoutSeconds), Version.current(), http);
        if (service(agentConfig, client)) {
            token(agentConfig, client);
        } else {
            skipped("token accepted");
        }
        return finish();
    }

    private void checks(AgentConfig agentConfig) {
        try {
            List<NamedCheck> checks = new CheckFactory(Clock.systemUTC(), http).create(agentConfig.checks());
            ok("checks", checks.size() + " set up (run 'siaga-agent check' to see their results)");
        } catch (ConfigException e) {
            failed("checks", String.join("; ", e.problems()), "fix the settings named above");
        }
    }

    private void databaseAccounts(AgentConfig agentConfig) {
        for (CheckConfig check : agentConfig.checks()) {
            if (!(check.spec() instanceof CheckSpec.Jdbc jdbc)) {
                continue;
            }
            String step = "database account of check " + check.key() + " (" + (jdbc.user() == null ? "" : jdbc.user() + " at ")
                    + DatabaseAccount.shownUrl(jdbc.url()) + ")";
            try {
                List<String> rights = DatabaseAccount.writeRights(jdbc);
                if (rights.isEmpty()) {
                    ok(step, "reads only: no right to write, to act on other sessions or to reach outside the "
                            + "check's transaction found");
                } else {
                    allPassed = false;
                    out.println("[FAIL] " + step + ": the account can do more than read:");
                    for (String right : rights) {
                        out.println("       - it " + right);
                    }
                    out.println("       hint: the agent never writes, and its account should not be able to either: "
                            + "use an account with read rights only (see \"Least-privilege database account\" in the "
                            + "agent's README)");
                }
            } catch (UnsupportedOperationException e) {
                out.println("[skip] " + step + ": " + e.getMessage());
            } catch (SQLException | RuntimeException e) {
                failed(step, "cannot connect and ask the database: " + CheckRunner.describe(e),
                        "check this check's url, user and password; 'siaga-agent check' uses the same connection");
            }
        }
    }

    private void outbox(Path dir) {
        String step = "outbox folder " + dir;
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, "doctor-", ".tmp");
            Files.writeString(probe, "ok", StandardCharsets.US_ASCII);
            Files.delete(probe);
            ok(step, "writable");
        } catch (IOException | RuntimeException e) {
            failed(step, "not writable: " + e, "the agent's user (siaga) must be able to write there; the systemd "
                    + "unit's StateDirectory creates /var/lib/siaga-agent for it");
        }
    }

    private boolean service(AgentConfig agentConfig, TicketServiceClient client) throws InterruptedException {
        String step = "service reachable (GET " + agentConfig.service().resolve(TicketServiceClient.HEALTH_PATH) + ")";
        try {
            TicketServiceClient.Answer answer = client.health();
            if (answer.status() == 200) {
                ok(step, "HTTP 200 " + answer.shortBody());
                return true;
            }
            if (answer.status() == 503) {
                failed(step, "HTTP 503: the service runs but reports a problem: " + answer.shortBody(),
                        "tell the SIAGA administrator; findings wait in the outbox meanwhile");
                return true;
            }
            failed(step, "HTTP " + answer.status() + " " + answer.shortBody(),
                    "service.url may point to something else than the SIAGA service");
            return true;
        } catch (ConnectException e) {
            failed(step, "connection refused", "is the service running, and is service.url's host and port right?");
        } catch (SocketTimeoutException e) {
            failed(step, "no answer within " + timeoutSeconds + " s", "check the network path and firewall "
                    + "between this server and " + agentConfig.service().url().getHost());
        } catch (IOException e) {
            failed(step, e.toString(), "check service.url, DNS and the firewall; try: curl -v "
                    + agentConfig.service().resolve(TicketServiceClient.HEALTH_PATH));
        }
        return false;
    }

    private void token(AgentConfig agentConfig, TicketServiceClient client) throws InterruptedException {
        String step = "token accepted (POST [] to " + agentConfig.service().resolve(TicketServiceClient.FINDINGS_PATH) + ")";
        try {
            TicketServiceClient.Answer answer = client.postFindings("[]".getBytes(StandardCharsets.US_ASCII));
            int status = answer.status();
            if (status >= 200 && status < 300) {
                ok(step, "HTTP " + status);
            } else if (status == 401 || status == 403) {
                failed(step, "HTTP " + status + ": the service refused the token",
                        "put this server's agent token (shown once when the server was registered in SIAGA) in "
                                + "service.token, or in SIAGA_AGENT_TOKEN when the file says ${SIAGA_AGENT_TOKEN}");
            } else if (status == 404) {
                failed(step, "HTTP 404: no findings endpoint there", "service.url should be the service's base URL, "
                        + "e.g. https://siaga.example.go.id, without /api/v1");
            } else {
                failed(step, "HTTP " + status + " " + answer.shortBody(), "tell the SIAGA administrator");
            }
        } catch (IOException e) {
            failed(step, e.toString(), "the service answered its health check but not this; try again");
        }
    }

    private int finish() {
        out.println();
        out.println(allPassed ? "all steps passed" : "some steps failed; see the hints above");
        out.flush();
        return allPassed ? 0 : ExitCodes.FAILED;
    }

    private void ok(String step, String detail) {
        out.println("[ ok ] " + step + ": " + detail);
    }

    private void failed(String step, String detail, String hint) {
        allPassed = false;
        out.println("[FAIL] " + step + ": " + detail);
        out.println("       hint: " + hint);
    }

    private void skipped(String... steps) {
        for (String step : steps) {
            out.println("[skip] " + step);
        }
    }
}
