package id.siaga.agent.cli;

import picocli.CommandLine;

/** The agent's version, from the jar manifest ({@code dev} when run from classes). */
public final class Version implements CommandLine.IVersionProvider {

    /** @return e.g. {@code 1.0.0-SNAPSHOT} */
    public static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"siaga-agent " + current() + " (Java " + Runtime.version() + ")"};
    }
}
