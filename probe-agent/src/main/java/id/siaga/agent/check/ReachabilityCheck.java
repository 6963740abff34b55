package id.siaga.agent.check;

import id.siaga.agent.config.CheckSpec;

import java.time.Duration;

/**
 * {@code reachability}: a named remote host, such as the national data centre link, answers on a port.
 * Other checks name it in {@code dependsOn} so the service can tell a network outage from a local fault.
 */
public final class ReachabilityCheck implements Check {

    private final CheckSpec.Reachability spec;

    public ReachabilityCheck(CheckSpec.Reachability spec) {
        this.spec = spec;
    }

    @Override
    public CheckResult run() {
        String target = spec.host() + ":" + spec.port();
        String subject = spec.label().equals(spec.host()) ? target : spec.label() + " (" + target + ")";
        return TcpProbe.probe(subject, "reachable", spec.host(), spec.port(), spec.timeout(), spec.warnMs());
    }

    @Override
    public Duration timeout() {
        return spec.timeout();
    }
}
