package id.siaga.agent.check;

import id.siaga.agent.config.CheckSpec;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TcpAndReachabilityCheckTest {

    @Test
    void findsAnOpenPortOpen() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CheckResult result = new TcpCheck(new CheckSpec.Tcp("127.0.0.1", server.getLocalPort(),
                    Duration.ofSeconds(2), null)).run();
            assertEquals(Status.OK, result.status(), result.message());
            assertTrue(result.message().startsWith("port " + server.getLocalPort() + " on 127.0.0.1 open; connected in"),
                    result.message());
            assertTrue(result.measurements().get("connectMs") >= 0);
        }
    }

    @Test
    void isCriticalWhenNothingListens() throws IOException {
        CheckResult result = new TcpCheck(new CheckSpec.Tcp("127.0.0.1", closedPort(), Duration.ofSeconds(2), null))
                .run();
        assertEquals(Status.CRIT, result.status());
        assertTrue(result.message().endsWith("connection refused (nothing listening)"), result.message());
        assertFalse(result.measurements().containsKey("connectMs"));
    }

    @Test
    void isCriticalWhenTheHostNameDoesNotResolve() {
        CheckResult result = new TcpCheck(new CheckSpec.Tcp("no-such-host.invalid", 80, Duration.ofSeconds(2), null))
                .run();
        assertEquals(Status.CRIT, result.status());
        assertTrue(result.message().contains("cannot be resolved"), result.message());
    }

    @Test
    void reachesANamedHostThatAnswers() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CheckResult result = new ReachabilityCheck(new CheckSpec.Reachability("127.0.0.1", server.getLocalPort(),
                    "data centre", Duration.ofSeconds(2), null)).run();
            assertEquals(Status.OK, result.status(), result.message());
            assertTrue(result.message().startsWith("data centre (127.0.0.1:" + server.getLocalPort() + ") reachable"),
                    result.message());
            assertTrue(result.measurements().containsKey("connectMs"));
        }
    }

    @Test
    void findsANamedHostThatDoesNotAnswerUnreachable() throws IOException {
        int port = closedPort();
        CheckResult result = new ReachabilityCheck(new CheckSpec.Reachability("127.0.0.1", port, "data centre",
                Duration.ofSeconds(2), null)).run();
        assertEquals(Status.CRIT, result.status());
        assertTrue(result.message().startsWith("data centre (127.0.0.1:" + port + "): connection refused"),
                result.message());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
