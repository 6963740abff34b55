package id.siaga.agent.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Sends java.util.logging (and OSHI's logs, through slf4j-jdk14) to stderr, one line per record. */
public final class LogSetup {

    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final Logger QUIETER = Logger.getLogger("oshi");

    private LogSetup() {
    }

    /** @param levelName a java.util.logging level such as {@code FINE}, or {@code null} for INFO */
    public static void install(String levelName) {
        Level level = Level.INFO;
        if (levelName != null && !levelName.isBlank()) {
            try {
                level = Level.parse(levelName.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                level = Level.INFO;
            }
        }
        LogManager manager = LogManager.getLogManager();
        manager.reset();
        Logger root = Logger.getLogger("");
        Handler handler = new ConsoleHandler();
        handler.setFormatter(new OneLineFormatter());
        handler.setLevel(level);
        root.addHandler(handler);
        root.setLevel(level);
        QUIETER.setLevel(level.intValue() <= Level.FINE.intValue() ? level : Level.WARNING);
        if (manager instanceof KeepOpenLogManager keepOpen) {
            keepOpen.keepOpen();
        }
    }

    /**
     * A log manager whose handlers stay open until the JVM is gone, so the agent's last lines during a SIGTERM
     * shutdown are not lost (the standard one closes every handler in its own shutdown hook). {@link Main}
     * selects it through {@code java.util.logging.manager}.
     */
    public static final class KeepOpenLogManager extends LogManager {

        private volatile boolean open;

        void keepOpen() {
            open = true;
        }

        @Override
        public void reset() {
            if (!open) {
                super.reset();
            }
        }
    }

    /** {@code 2026-11-25T12:00:00.123Z WARNING Delivery: message: IOException: cause}, on one line. */
    public static final class OneLineFormatter extends Formatter {

        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder(160)
                    .append(Instant.ofEpochMilli(record.getMillis()))
                    .append(' ').append(record.getLevel().getName())
                    .append(' ').append(shortName(record.getLoggerName()))
                    .append(": ").append(formatMessage(record).replace('\n', ' '));
            Throwable error = record.getThrown();
            if (error != null) {
                line.append(": ").append(error);
                if (record.getLevel().intValue() < Level.INFO.intValue()) {
                    StringWriter trace = new StringWriter();
                    error.printStackTrace(new PrintWriter(trace));
                    line.append(" | ").append(trace.toString().replaceAll("\\s*\\n\\s*", " | "));
                }
            }
            return line.append(System.lineSeparator()).toString();
        }

        private static String shortName(String name) {
            if (name == null) {
                return "-";
            }
            int dot = name.lastIndexOf('.');
            return dot < 0 ? name : name.substring(dot + 1);
        }
    }
}
