package id.siaga.ticket.ops;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs Debian's {@code promtool} (package {@code prometheus}; {@code ./test.sh} installs it) and reads metric names
 * out of PromQL expressions and scrapes.
 */
final class Promtool {

    /** promtool's exit code for an input it cannot parse (lint findings alone exit 3). */
    static final int FAILURE = 1;

    private static final Path BINARY = Path.of("/usr/bin/promtool");
    private static final Pattern NAME = Pattern.compile("(?<![A-Za-z0-9_:.$])[A-Za-z_:][A-Za-z0-9_:]*");
    private static final List<String> KEYWORDS = List.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan");

    private Promtool() {
    }

    /** What promtool printed (standard output and error together) and its exit code. */
    record Result(int exitCode, String output) {
    }

    /** Runs promtool in {@code directory} with the arguments, feeding it {@code input} (or nothing). */
    static Result run(Path directory, String input, String... arguments) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            fail(BINARY + " is missing: install Debian's prometheus package (apt-get install prometheus), "
                    + "as ./test.sh does");
        }
        List<String> command = new ArrayList<>();
        command.add(BINARY.toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        try (OutputStream stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("promtool " + arguments[0] + " did not finish within 60 s");
        }
        return new Result(process.exitValue(), output);
    }

    /** @return the metric names an expression reads (functions, keywords and label names left out) */
    static List<String> metricNames(String expression) {
        String bare = expression
                .replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        List<String> names = new ArrayList<>();
        Matcher matcher = NAME.matcher(bare);
        while (matcher.find()) {
            String name = matcher.group();
            String rest = bare.substring(matcher.end()).stripLeading();
            if (!rest.startsWith("(") && !KEYWORDS.contains(name.toLowerCase()) && !names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** @return the sample names of a scrape in the Prometheus text format */
    static List<String> sampleNames(String scrape) {
        return scrape.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0]).distinct().toList();
    }
}
