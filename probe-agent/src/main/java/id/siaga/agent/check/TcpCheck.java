package id.siaga.agent.check;

import id.siaga.agent.config.CheckSpec;

import java.time.Duration;

/** {@code tcp}: a port of a service on this or a nearby server accepts connections. */
public final class TcpCheck implements Check {

    private final CheckSpec.Tcp spec;

    public TcpCheck(CheckSpec.Tcp spec) {
        this.spec = spec;
    }

    @Override
    public CheckResult run() {
        return TcpProbe.probe("port " + spec.port() + " on " + spec.host(), "open",
                spec.host(), spec.port(), spec.timeout(), spec.warnMs());
    }

    @Override
    public Duration timeout() {
        return spec.timeout();
    }
}
