package id.siaga.ticket.rest;

import id.siaga.ticket.rest.dto.FindingRequest;
import id.siaga.ticket.rest.json.TextRules;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an agent's posted findings against {@link FindingRequest}'s constraints without Hibernate Validator when
 * they are plainly right, as nearly every agent's post is: validating a batch of nine findings through it built
 * about a hundred objects per finding (contexts, paths, traversal holders), a fifth of everything the ingest path
 * allocated at 2,500 posts/s. The constraints stay on {@link FindingRequest} and stay the only rule: whenever this
 * check is not sure, the batch is validated by Hibernate Validator exactly as the resource method's parameter
 * {@code @NotNull List<@Valid @NotNull FindingRequest> request} would be, with the same violations and field paths.
 * Its limits repeat FindingRequest's; {@code FindingShapeTest} fails when a constraint there is added or changed
 * without being checked here.
 */
final class FindingShape {

    /** The same expression as {@link FindingRequest#check()}'s {@code @Pattern}. */
    private static final Pattern CHECK_KEY = Pattern.compile("[^,\\s][^,]*");
    private static final Method POST;

    static {
        try {
            POST = FindingShape.class.getDeclaredMethod("post", List.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private FindingShape() {
    }

    /**
     * The constraints of the findings post's body, for Hibernate Validator: named as the resource method and its
     * parameter are, so that a violation's path is the one the parameter's own validation gave.
     */
    @SuppressWarnings("unused")
    private void post(@NotNull List<@Valid @NotNull FindingRequest> request) {
        // never called: only its parameter's constraints are read
    }

    /** @throws ConstraintViolationException when a finding breaks a constraint of {@link FindingRequest} */
    static void validate(Validator validator, List<FindingRequest> request) {
        if (plainlyValid(request)) {
            return;
        }
        Set<ConstraintViolation<FindingShape>> violations = validator.forExecutables()
                .validateParameters(new FindingShape(), POST, new Object[] {request});
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }

    /** @return true only when every constraint surely holds; false sends the batch to Hibernate Validator */
    static boolean plainlyValid(List<FindingRequest> request) {
        if (request == null) {
            return false;
        }
        for (FindingRequest f : request) {
            if (f == null || f.id() == null || f.status() == null || f.observedAt() == null
                    || !text(f.check(), 100) || !CHECK_KEY.matcher(f.check()).matches() || !text(f.kind(), 30)
                    || !atMost(f.message(), 2000) || !atMost(f.dependsOn(), 100)
                    || f.durationMs() != null && f.durationMs() < 0
                    || !between(f.openAfter()) || !between(f.recoverAfter()) || !measurements(f.measurements())) {
                return false;
            }
        }
        return true;
    }

    /** {@code @NotBlank @Size(max)}, blank as the service's own {@code @NotBlank} rule has it ({@link TextRules}) */
    private static boolean text(String value, int max) {
        return value != null && value.length() <= max && !TextRules.isBlank(value);
    }

    /** {@code @Size(max)} of an optional text */
    private static boolean atMost(String value, int max) {
        return value == null || value.length() <= max;
    }

    /** {@code @Min(1) @Max(100)} of an optional number */
    private static boolean between(Integer value) {
        return value == null || value >= 1 && value <= 100;
    }

    /** {@code @Size(max = 200) Map<@NotBlank @Size(max = 100) String, @NotNull Double>} */
    private static boolean measurements(Map<String, Double> measurements) {
        if (measurements == null) {
            return true;
        }
        if (measurements.size() > 200) {
            return false;
        }
        for (Map.Entry<String, Double> m : measurements.entrySet()) {
            if (!text(m.getKey(), 100) || m.getValue() == null) {
                return false;
            }
        }
        return true;
    }
}
