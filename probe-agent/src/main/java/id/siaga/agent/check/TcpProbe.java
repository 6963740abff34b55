package id.siaga.agent.check;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;

/** A timed TCP connect, shared by {@link TcpCheck} and {@link ReachabilityCheck}. */
final class TcpProbe {

    private TcpProbe() {
    }

    /**
     * Connects to {@code host:port} and closes the connection at once.
     *
     * @param subject how messages name the target, e.g. "port 5432 on db1"
     * @param okVerb  word for success, e.g. "open" or "reachable"
     * @param warnMs  connect time above which the result is WARN, in milliseconds, or {@code null}
     * @return OK (or WARN when slow) with {@code connectMs}; CRIT when refused, unresolvable or timed out
     */
    static CheckResult probe(String subject, String okVerb, String host, int port, Duration timeout, Long warnMs) {
        long start = System.nanoTime();
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            return CheckResult.of(Status.CRIT, subject + ": host name '" + host + "' cannot be resolved (DNS)");
        }
        try (Socket socket = new Socket()) {
            socket.connect(address, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            double ms = (System.nanoTime() - start) / 1e6;
            Status status = Levels.above(ms, warnMs == null ? null : warnMs.doubleValue(), null);
            String message = subject + " " + okVerb + "; connected in " + Levels.ms(ms) + " ms"
                    + Levels.limits(">", warnMs == null ? null : warnMs.doubleValue(), null, " ms");
            return new CheckResult(status, message, Map.of("connectMs", round(ms)));
        } catch (SocketTimeoutException e) {
            return CheckResult.of(Status.CRIT, subject + ": no answer within " + timeout.toMillis() + " ms");
        } catch (ConnectException e) {
            String reason = e.getMessage() != null && e.getMessage().toLowerCase().contains("refused")
                    ? "connection refused (nothing listening)" : "cannot connect (" + CheckRunner.describe(e) + ")";
            return CheckResult.of(Status.CRIT, subject + ": " + reason);
        } catch (NoRouteToHostException e) {
            return CheckResult.of(Status.CRIT, subject + ": no route to host (network down or firewall)");
        } catch (IOException e) {
            return CheckResult.of(Status.CRIT, subject + ": cannot connect (" + CheckRunner.describe(e) + ")");
        }
    }

    /** @return milliseconds rounded to one decimal */
    static double round(double ms) {
        return Math.round(ms * 10) / 10.0;
    }
}
