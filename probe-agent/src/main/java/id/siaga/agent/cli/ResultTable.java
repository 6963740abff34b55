package id.siaga.agent.cli;

import id.siaga.agent.check.CheckOutcome;
import id.siaga.agent.check.Status;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders check outcomes as a plain-text table for people, long messages wrapped within their column. */
public final class ResultTable {

    /** Widest the message column gets before wrapping, in characters. */
    static final int MESSAGE_WIDTH = 90;

    private ResultTable() {
    }

    /** @return the table, a blank line and a summary line, each line ending in a newline */
    public static String render(List<CheckOutcome> outcomes) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"CHECK", "KIND", "STATUS", "MESSAGE", "TIME (ms)"});
        for (CheckOutcome o : outcomes) {
            rows.add(new String[] {o.key(), o.kind(), o.status().name(), o.message(),
                    Long.toString(o.duration().toMillis())});
        }
        int[] width = new int[5];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], i == 3 ? Math.min(MESSAGE_WIDTH, row[i].length()) : row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            List<String> lines = wrap(row[3], width[3]);
            for (int line = 0; line < lines.size(); line++) {
                boolean first = line == 0;
                out.append(pad(first ? row[0] : "", width[0])).append("  ")
                        .append(pad(first ? row[1] : "", width[1])).append("  ")
                        .append(pad(first ? row[2] : "", width[2])).append("  ")
                        .append(pad(lines.get(line), width[3])).append("  ")
                        .append(first ? padLeft(row[4], width[4]) : "");
                out.append(System.lineSeparator());
            }
        }
        out.append(System.lineSeparator()).append(summary(outcomes)).append(System.lineSeparator());
        return out.toString().replaceAll(" +(\\R)", "$1");
    }

    /** @return e.g. "worst: CRIT (exit 2); 5 OK, 1 WARN, 1 CRIT" */
    static String summary(List<CheckOutcome> outcomes) {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        Status worst = Status.OK;
        for (CheckOutcome o : outcomes) {
            counts.merge(o.status(), 1L, Long::sum);
            worst = worst.worst(o.status());
        }
        String tally = counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
        return "worst: " + worst + " (exit " + worst.exitCode() + "); " + (tally.isEmpty() ? "no checks" : tally);
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        String rest = text;
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            if (cut <= 0) {
                cut = width;
            }
            lines.add(rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
        }
        lines.add(rest);
        return lines;
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    private static String padLeft(String text, int width) {
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }
}
