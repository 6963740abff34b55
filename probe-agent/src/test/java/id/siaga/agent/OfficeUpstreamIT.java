package id.siaga.agent;

import com.fasterxml.jackson.databind.JsonNode;
import id.siaga.agent.config.AgentConfig;
import id.siaga.agent.config.ConfigLoader;
import id.siaga.agent.support.TicketServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A regency's SIAGA with a real probe agent, reporting to a provincial SIAGA (two service processes, each on its own
 * PostgreSQL): the agent's failing check shows on the province's {@code /wilayah} within two summary intervals.
 */
class OfficeUpstreamIT {

    private static final int INTERVAL_SECONDS = 3;

    @TempDir
    Path dir;

    @Test
    void aFailingCheckOfTheOfficesAgentShowsOnTheUpstreamWithinTwoIntervals() throws Exception {
        try (TicketServiceProcess province = TicketServiceProcess.start(Map.of("SIAGA_OFFICE_CODE", "13",
                "SIAGA_OFFICE_NAME", "Dinas Dukcapil Provinsi Sumatera Barat", "SIAGA_NOTIFY_EMAIL", "false"))) {
            String token = province.call("POST", "/api/v1/offices", "admin", TicketServiceProcess.ADMIN_PASSWORD,
                    Map.of("code", "13.01", "name", "Disdukcapil Kabupaten Pesisir Selatan"), 201).get("token").asText();
            try (TicketServiceProcess regency = TicketServiceProcess.start(Map.of("SIAGA_OFFICE_CODE", "13.01",
                    "SIAGA_OFFICE_NAME", "Disdukcapil Kabupaten Pesisir Selatan", "SIAGA_NOTIFY_EMAIL", "false",
                    "SIAGA_UPSTREAM_URL", province.url(), "SIAGA_UPSTREAM_TOKEN", token,
                    "SIAGA_UPSTREAM_INTERVAL", INTERVAL_SECONDS + "s"))) {
                TicketServiceProcess.Server server = regency.register("siak-db-regency", "SIAK_DB");
                int closedPort;
                try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                    closedPort = probe.getLocalPort();
                }
                await(Duration.ofSeconds(30), () -> "UNKNOWN".equals(state(province)));

                assertTrue(AgentAgainstServiceIT.agent(config(regency, server, closedPort)).runCycles(1), "delivered");
                long failedAt = System.nanoTime();
                await(Duration.ofSeconds(2L * INTERVAL_SECONDS + 2), () -> "CRIT".equals(state(province)));
                long shownAfter = Duration.ofNanos(System.nanoTime() - failedAt).toMillis();
                assertTrue(shownAfter <= 2000L * INTERVAL_SECONDS, "shown after " + shownAfter + " ms");

                String page = page(province, "/wilayah");
                assertTrue(page.contains("data-office=\"13.01\" data-state=\"CRIT\""), page);
                await(Duration.ofSeconds(30), () -> {
                    try {
                        return "test".equals(item(province).at("/summary/agentVersions/0/version").asText(""));
                    } catch (Exception e) {
                        return false;
                    }
                });
            }
        }
    }

    private static String state(TicketServiceProcess province) {
        try {
            JsonNode item = item(province);
            return item == null ? null : item.path("state").asText(null);
        } catch (Exception e) {
            return null;
        }
    }

    private static JsonNode item(TicketServiceProcess province) throws Exception {
        for (JsonNode item : province.call("GET", "/api/v1/offices", "admin", TicketServiceProcess.ADMIN_PASSWORD, null, 200)
                .get("items")) {
            if ("13.01".equals(item.get("code").asText())) {
                return item;
            }
        }
        return null;
    }

    private static String page(TicketServiceProcess service, String path) throws Exception {
        String form = "username=admin&password=" + URLEncoder.encode(TicketServiceProcess.ADMIN_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(service.url()
                + "/j_security_check")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("siaga-session="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(service.url() + path))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), page.body());
        return page.body();
    }

    private AgentConfig config(TicketServiceProcess target, TicketServiceProcess.Server server, int dbPort) throws Exception {
        Path file = Files.writeString(dir.resolve("agent.yaml"), """
                server:
                  id: %d
                  name: %s
                service:
                  url: %s
                  token: %s
                interval: 1s
                outbox:
                  dir: %s
                  maxFindings: 1000
                checks:
                  - key: siak-db-port
                    kind: tcp
                    host: 127.0.0.1
                    port: %d
                    timeoutMs: 1000
                """.formatted(server.id(), server.name(), target.url(), server.token(), dir.resolve("outbox"), dbPort));
        return new ConfigLoader().load(file);
    }

    private static void await(Duration timeout, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout);
            }
            Thread.sleep(100);
        }
    }
}
