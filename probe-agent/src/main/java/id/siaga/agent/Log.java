package id.siaga.agent;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The agent's own log: one line per record on stderr,
 * {@code 2026-11-25T12:00:00.123Z WARNING Delivery: message: IOException: cause}, with the stack trace on the same
 * line below INFO. Written directly rather than through java.util.logging, so a daemon does not load the logging
 * framework; libraries that use java.util.logging get the same lines from {@code cli.LogSetup}.
 */
public final class Log {

    /** Severity of a record; the numbers are java.util.logging's. */
    public enum Level {
        FINE(500), INFO(800), WARNING(900), SEVERE(1000);

        private final int value;

        Level(int value) {
            this.value = value;
        }

        /** @return java.util.logging's number for this level */
        public int value() {
            return value;
        }
    }

    private static volatile int threshold = Level.INFO.value();

    private final String name;

    private Log(String name) {
        this.name = name;
    }

    /** @return the log named after {@code type}'s simple name */
    public static Log of(Class<?> type) {
        return new Log(type.getSimpleName());
    }

    /** @param level records below this java.util.logging level number are left out */
    public static void threshold(int level) {
        threshold = level;
    }

    /** @return the java.util.logging level number below which records are left out */
    public static int threshold() {
        return threshold;
    }

    /** @return whether records of {@code level} are written */
    public boolean isLoggable(Level level) {
        return level.value() >= threshold;
    }

    public void fine(String message) {
        log(Level.FINE, message, null);
    }

    public void info(String message) {
        log(Level.INFO, message, null);
    }

    public void warning(String message) {
        log(Level.WARNING, message, null);
    }

    public void severe(String message) {
        log(Level.SEVERE, message, null);
    }

    public void log(Level level, String message) {
        log(level, message, null);
    }

    /** Writes the record when its level is not below the threshold. */
    public void log(Level level, String message, Throwable error) {
        if (!isLoggable(level)) {
            return;
        }
        String line = line(System.currentTimeMillis(), level.name(), level.value(), name, message, error);
        PrintStream err = System.err;
        synchronized (err) {
            err.print(line);
            err.flush();
        }
    }

    /**
     * @param levelValue the level's java.util.logging number; below INFO the stack trace is added
     * @return one record as one line, ending with the line separator
     */
    public static String line(long millis, String levelName, int levelValue, String logger, String message,
                              Throwable error) {
        StringBuilder line = new StringBuilder(160)
                .append(UtcTime.asInstant(millis))
                .append(' ').append(levelName)
                .append(' ').append(logger)
                .append(": ").append(String.valueOf(message).replace('\n', ' '));
        if (error != null) {
            line.append(": ").append(error);
            if (levelValue < Level.INFO.value()) {
                StringWriter trace = new StringWriter();
                error.printStackTrace(new PrintWriter(trace));
                line.append(" | ").append(trace.toString().replaceAll("\\s*\\n\\s*", " | "));
            }
        }
        return line.append(System.lineSeparator()).toString();
    }
}
