package id.siaga.agent.cli;

import id.siaga.agent.Log;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;

/**
 * Sets the level of the agent's {@link Log} and prepares java.util.logging, used by libraries (OSHI through
 * slf4j-jdk14, JDBC drivers), to write the same one-line records to stderr once a library starts it; the agent
 * itself never starts it.
 */
public final class LogSetup {

    /** The name of {@link KeepOpenLogManager}, as text so that naming it loads no logging class. */
    static final String MANAGER = "id.siaga.agent.cli.LogSetup$KeepOpenLogManager";

    private static final String[] NAMES = {"OFF", "SEVERE", "WARNING", "INFO", "CONFIG", "FINE", "FINER", "FINEST",
        "ALL"};
    private static final int[] VALUES = {Integer.MAX_VALUE, 1000, 900, 800, 700, 500, 400, 300, Integer.MIN_VALUE};

    private LogSetup() {
    }

    /** @param levelName a java.util.logging level such as {@code FINE} (or its number), or {@code null} for INFO */
    public static void install(String levelName) {
        Log.threshold(parse(levelName));
    }

    /** @return the level number of a java.util.logging level name or number; INFO for anything else */
    static int parse(String levelName) {
        if (levelName == null || levelName.isBlank()) {
            return Log.Level.INFO.value();
        }
        String name = levelName.trim().toUpperCase(Locale.ROOT);
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) {
                return VALUES[i];
            }
        }
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return Log.Level.INFO.value();
        }
    }

    /**
     * The log manager {@link Main} selects through {@code java.util.logging.manager}: configured with one
     * {@link OneLineHandler} at the agent's level (OSHI's loggers at WARNING unless FINE or lower is asked for), and
     * its handlers stay open until the JVM is gone, so the last lines during a SIGTERM shutdown are not lost (the
     * standard one closes every handler in its own shutdown hook).
     */
    public static final class KeepOpenLogManager extends LogManager {

        private volatile boolean open;

        @Override
        public void readConfiguration() throws IOException {
            int threshold = Log.threshold();
            int oshi = threshold <= Level.FINE.intValue() ? threshold : Level.WARNING.intValue();
            String properties = "handlers=" + OneLineHandler.class.getName() + "\n.level=" + threshold
                    + "\noshi.level=" + oshi + "\n";
            readConfiguration(new ByteArrayInputStream(properties.getBytes(StandardCharsets.ISO_8859_1)));
            open = true;
        }

        @Override
        public void reset() {
            if (!open) {
                super.reset();
            }
        }
    }

    /** The stderr handler of java.util.logging, at the agent's level, writing {@link OneLineFormatter} lines. */
    public static final class OneLineHandler extends ConsoleHandler {

        public OneLineHandler() {
            setFormatter(new OneLineFormatter());
            setLevel(Level.parse(Integer.toString(Log.threshold())));
        }
    }

    /** The lines of {@link Log#line}, for java.util.logging's records. */
    public static final class OneLineFormatter extends Formatter {

        @Override
        public String format(LogRecord record) {
            String name = record.getLoggerName();
            return Log.line(record.getMillis(), record.getLevel().getName(), record.getLevel().intValue(),
                    name == null ? "-" : name.substring(name.lastIndexOf('.') + 1), formatMessage(record),
                    record.getThrown());
        }
    }
}
