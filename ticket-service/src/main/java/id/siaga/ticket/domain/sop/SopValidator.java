package id.siaga.ticket.domain.sop;

import id.siaga.ticket.domain.Role;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks that an SOP document can drive tickets: every field well-formed, one start, every step
 * reachable, every step with a way to CLOSED, and a decision step with a Yes and a No branch.
 */
public final class SopValidator {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    private static final Set<String> STEP_ROLES = Set.of(Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI,
            Role.NAME_KABID);

    private SopValidator() {
    }

    /** @return every problem found, empty when the document is a usable SOP */
    public static List<FieldError> validate(SopDocument sop) {
        List<FieldError> errors = new ArrayList<>();
        if (sop == null) {
            errors.add(new FieldError("", "an SOP document is required"));
            return errors;
        }
        requireText(errors, "number", sop.number(), 100);
        requireText(errors, "title", sop.title(), 200);
        if (sop.effectiveDate() != null) {
            try {
                LocalDate.parse(sop.effectiveDate());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("effectiveDate", "must be a date like 2022-01-10"));
            }
        }
        Map<String, SopStep> steps = checkSteps(sop.steps(), errors);
        checkTransitions(sop.transitions(), steps, errors);
        if (errors.isEmpty()) {
            checkGraph(sop, errors);
        }
        return errors;
    }

    private static Map<String, SopStep> checkSteps(List<SopStep> list, List<FieldError> errors) {
        Map<String, SopStep> byCode = new LinkedHashMap<>();
        if (list.isEmpty()) {
            errors.add(new FieldError("steps", "at least one step is required"));
            return byCode;
        }
        Set<Integer> numbers = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "steps[" + i + "]";
            SopStep step = list.get(i);
            if (step == null) {
                errors.add(new FieldError(path, "must not be null"));
                continue;
            }
            if (step.code() == null || !CODE.matcher(step.code()).matches()) {
                errors.add(new FieldError(path + ".code", "must be 2-40 upper-case letters, digits or _"));
            } else if (StepCodes.isTerminal(step.code())) {
                errors.add(new FieldError(path + ".code", step.code() + " is an end state, not a step"));
            } else if (byCode.putIfAbsent(step.code(), step) != null) {
                errors.add(new FieldError(path + ".code", "duplicate step code " + step.code()));
            }
            if (step.no() == null || step.no() < 1) {
                errors.add(new FieldError(path + ".no", "must be a step number from 1"));
            } else if (!numbers.add(step.no())) {
                errors.add(new FieldError(path + ".no", "duplicate step number " + step.no()));
            }
            requireText(errors, path + ".nameId", step.nameId(), 300);
            requireText(errors, path + ".nameEn", step.nameEn(), 300);
            if (step.role() == null || !STEP_ROLES.contains(step.role())) {
                errors.add(new FieldError(path + ".role", "must be one of ADB, JF_ADB, KASI, KABID"));
            }
            Duration min = duration(errors, path + ".minDuration", step.minDuration());
            Duration max = duration(errors, path + ".maxDuration", step.maxDuration());
            if (min != null && max == null && step.maxDuration() == null) {
                errors.add(new FieldError(path + ".maxDuration", "is required when minDuration is set"));
            }
            if (min != null && max != null && min.compareTo(max) > 0) {
                errors.add(new FieldError(path + ".minDuration", "must not be longer than maxDuration"));
            }
            if (step.output() != null && step.output().length() > 300) {
                errors.add(new FieldError(path + ".output", "must be at most 300 characters"));
            }
        }
        return byCode;
    }

    private static void checkTransitions(List<SopTransition> list, Map<String, SopStep> steps,
            List<FieldError> errors) {
        if (list.isEmpty()) {
            errors.add(new FieldError("transitions", "at least one transition is required"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "transitions[" + i + "]";
            SopTransition t = list.get(i);
            if (t == null) {
                errors.add(new FieldError(path, "must not be null"));
                continue;
            }
            if (t.from() == null || !steps.containsKey(t.from())) {
                errors.add(new FieldError(path + ".from", "must name a step of this SOP"));
            }
            if (t.to() == null || !(steps.containsKey(t.to()) || StepCodes.CLOSED.equals(t.to()))) {
                errors.add(new FieldError(path + ".to", "must name a step of this SOP or CLOSED"));
            }
            if (t.from() != null && t.from().equals(t.to())) {
                errors.add(new FieldError(path + ".to", "a step cannot lead to itself"));
            }
            if (!seen.add(t.from() + "->" + t.to())) {
                errors.add(new FieldError(path, "duplicate transition " + t.from() + " -> " + t.to()));
            }
            if (t.label() != null && t.label().length() > 40) {
                errors.add(new FieldError(path + ".label", "must be at most 40 characters"));
            }
        }
    }

    private static void checkGraph(SopDocument sop, List<FieldError> errors) {
        Map<String, Set<String>> next = new HashMap<>();
        Map<String, Set<String>> previous = new HashMap<>();
        for (SopStep step : sop.steps()) {
            next.put(step.code(), new LinkedHashSet<>());
            previous.put(step.code(), new LinkedHashSet<>());
        }
        previous.put(StepCodes.CLOSED, new LinkedHashSet<>());
        for (SopTransition t : sop.transitions()) {
            next.get(t.from()).add(t.to());
            previous.get(t.to()).add(t.from());
        }
        List<String> starts = sop.steps().stream().map(SopStep::code)
                .filter(code -> previous.get(code).isEmpty()).toList();
        if (starts.size() != 1) {
            errors.add(new FieldError("transitions", "the SOP must have exactly one start step (a step no "
                    + "transition leads to); found " + (starts.isEmpty() ? "none" : String.join(", ", starts))));
            return;
        }
        Set<String> reachable = walk(starts.get(0), next);
        for (int i = 0; i < sop.steps().size(); i++) {
            String code = sop.steps().get(i).code();
            if (!reachable.contains(code)) {
                errors.add(new FieldError("steps[" + i + "]", code + " cannot be reached from " + starts.get(0)));
            }
        }
        Set<String> leadToClosed = walk(StepCodes.CLOSED, previous);
        for (int i = 0; i < sop.steps().size(); i++) {
            String code = sop.steps().get(i).code();
            if (!leadToClosed.contains(code)) {
                errors.add(new FieldError("steps[" + i + "]", code + " has no way to CLOSED"));
            }
        }
        checkDecision(sop, errors);
    }

    private static void checkDecision(SopDocument sop, List<FieldError> errors) {
        boolean hasDecision = sop.steps().stream().anyMatch(s -> StepCodes.DECISION.equals(s.code()));
        if (!hasDecision) {
            errors.add(new FieldError("steps", "the SOP needs a DECISION step (\"does the software work well now?\")"));
            return;
        }
        Map<String, Integer> labels = new HashMap<>();
        for (SopTransition t : sop.transitions()) {
            if (StepCodes.DECISION.equals(t.from())) {
                String label = t.label() == null ? "" : t.label().trim().toUpperCase(Locale.ROOT);
                labels.merge(label, 1, Integer::sum);
            }
        }
        if (labels.getOrDefault(StepCodes.YES, 0) != 1 || labels.getOrDefault(StepCodes.NO, 0) != 1
                || labels.size() != 2) {
            errors.add(new FieldError("transitions", "the DECISION step must have exactly two transitions, "
                    + "one labelled YES and one labelled NO"));
        }
    }

    private static Set<String> walk(String from, Map<String, Set<String>> edges) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(from);
        while (!todo.isEmpty()) {
            String code = todo.poll();
            if (seen.add(code)) {
                todo.addAll(edges.getOrDefault(code, Set.of()));
            }
        }
        return seen;
    }

    private static void requireText(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    private static Duration duration(List<FieldError> errors, String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            Duration d = Duration.parse(value);
            if (d.isNegative()) {
                errors.add(new FieldError(field, "must not be negative"));
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "'" + value + "' is not an ISO-8601 duration such as PT30M"));
            return null;
        }
    }
}
