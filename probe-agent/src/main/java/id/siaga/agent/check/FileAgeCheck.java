package id.siaga.agent.check;

import id.siaga.agent.config.CheckSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code file-age}: the newest regular file in {@code dir} whose name matches {@code pattern} must be younger
 * than {@code maxAgeHours} (WARN beyond {@code warnAgeHours}); CRIT when there is none. Made for the backup
 * SOP ("SOP Backup database SIAK dan Biometrik KTP-el"): is last night's dump there?
 */
public final class FileAgeCheck implements Check {

    private final CheckSpec.FileAge spec;
    private final Clock clock;
    private final PathMatcher matcher;

    public FileAgeCheck(CheckSpec.FileAge spec, Clock clock) {
        this.spec = spec;
        this.clock = clock;
        this.matcher = spec.dir().getFileSystem().getPathMatcher("glob:" + spec.pattern());
    }

    @Override
    public CheckResult run() throws IOException {
        Path dir = spec.dir();
        if (!Files.isDirectory(dir)) {
            return CheckResult.of(Status.CRIT, "folder " + dir + " not found");
        }
        Path newest = null;
        BasicFileAttributes newestAttributes = null;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (!matcher.matches(file.getFileName())) {
                    continue;
                }
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(file, BasicFileAttributes.class);
                } catch (IOException e) {
                    continue;
                }
                if (attributes.isRegularFile() && (newestAttributes == null
                        || attributes.lastModifiedTime().compareTo(newestAttributes.lastModifiedTime()) > 0)) {
                    newest = file;
                    newestAttributes = attributes;
                }
            }
        }
        if (newest == null) {
            return CheckResult.of(Status.CRIT, "no file matching '" + spec.pattern() + "' in " + dir);
        }
        double ageHours = Duration.between(newestAttributes.lastModifiedTime().toInstant(), clock.instant())
                .toMillis() / 3_600_000.0;
        long size = newestAttributes.size();
        Map<String, Double> measurements = new LinkedHashMap<>();
        measurements.put("ageHours", Math.round(ageHours * 100) / 100.0);
        measurements.put("sizeBytes", (double) size);

        Status status = Levels.above(ageHours, spec.warnAgeHours(), spec.maxAgeHours());
        String message = "newest " + newest.getFileName() + " is " + Levels.oneDecimal(ageHours) + " h old"
                + (status == Status.OK ? "" : Levels.limits(">", spec.warnAgeHours(), spec.maxAgeHours(), " h"))
                + ", " + Levels.bytes(size);
        if (spec.minSizeBytes() != null && size < spec.minSizeBytes()) {
            status = Status.CRIT;
            message += " (smaller than " + Levels.bytes(spec.minSizeBytes()) + ": broken?)";
        }
        return new CheckResult(status, message, measurements);
    }

    @Override
    public Duration timeout() {
        return spec.timeout();
    }
}
