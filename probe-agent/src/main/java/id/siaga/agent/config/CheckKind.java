package id.siaga.agent.config;

import java.util.Optional;
import java.util.StringJoiner;

/** The kinds of check the agent knows, by the name used in the configuration file and in findings. */
public enum CheckKind {
    HTTP("http"),
    TCP("tcp"),
    JDBC("jdbc"),
    HOST("host"),
    PROCESS("process"),
    FILE_AGE("file-age"),
    REACHABILITY("reachability");

    private final String id;

    CheckKind(String id) {
        this.id = id;
    }

    /** @return the name used in the configuration file and in findings, e.g. {@code file-age} */
    public String id() {
        return id;
    }

    /** @return the kind called {@code id}, if any */
    public static Optional<CheckKind> byId(String id) {
        for (CheckKind kind : values()) {
            if (kind.id.equals(id)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** @return all names, comma separated, for error messages */
    public static String knownIds() {
        StringJoiner ids = new StringJoiner(", ");
        for (CheckKind kind : values()) {
            ids.add(kind.id);
        }
        return ids.toString();
    }
}
