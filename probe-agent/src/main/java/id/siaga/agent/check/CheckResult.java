package id.siaga.agent.check;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one run of a check found.
 *
 * @param status       OK, WARN, CRIT or UNKNOWN
 * @param message      short plain-words explanation, e.g. "HTTP 200 in 134 ms; text 'SIAK' found"
 * @param measurements named numbers, e.g. {@code responseMs}; units are in the names; only finite values
 */
public record CheckResult(Status status, String message, Map<String, Double> measurements) {

    public CheckResult {
        Map<String, Double> finite = new LinkedHashMap<>();
        measurements.forEach((name, value) -> {
            if (value != null && Double.isFinite(value)) {
                finite.put(name, value);
            }
        });
        measurements = Collections.unmodifiableMap(finite);
    }

    /** @return a result without measurements */
    public static CheckResult of(Status status, String message) {
        return new CheckResult(status, message, Map.of());
    }
}
