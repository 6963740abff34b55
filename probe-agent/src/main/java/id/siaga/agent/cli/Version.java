package id.siaga.agent.cli;

/** The agent's version, from the jar manifest ({@code dev} when run from classes). */
public final class Version {

    private Version() {
    }

    /** @return e.g. {@code 1.0.0-SNAPSHOT} */
    public static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
