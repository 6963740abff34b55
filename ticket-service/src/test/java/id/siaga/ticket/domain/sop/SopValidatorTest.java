package id.siaga.ticket.domain.sop;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What makes an SOP document usable, and the messages that say what is not. */
class SopValidatorTest {

    private final SopDocument sop = DefaultSop.load();

    @Test
    void acceptsTheDefaultSop() {
        assertEquals(List.of(), SopValidator.validate(sop));
    }

    @Test
    void rejectsAnUnparsableDuration() {
        List<FieldError> errors = SopValidator.validate(withStep(1, s -> new SopStep(s.code(), s.no(), s.nameId(),
                s.nameEn(), s.role(), s.minDuration(), "30 minutes", s.output())));
        assertHas(errors, "steps[1].maxDuration", "ISO-8601");
    }

    @Test
    void rejectsAMinimumLongerThanTheMaximum() {
        List<FieldError> errors = SopValidator.validate(withStep(1, s -> new SopStep(s.code(), s.no(), s.nameId(),
                s.nameEn(), s.role(), "PT2H", "PT30M", s.output())));
        assertHas(errors, "steps[1].minDuration", "longer");
    }

    @Test
    void rejectsAnUnknownRole() {
        List<FieldError> errors = SopValidator.validate(withStep(2, s -> new SopStep(s.code(), s.no(), s.nameId(),
                s.nameEn(), "LURAH", s.minDuration(), s.maxDuration(), s.output())));
        assertHas(errors, "steps[2].role", "ADB");
    }

    @Test
    void rejectsAStepNoTransitionReaches() {
        List<SopTransition> transitions = new ArrayList<>(sop.transitions());
        transitions.removeIf(t -> t.to().equals("THIRD_PARTY_REPAIR"));
        List<FieldError> errors = SopValidator.validate(new SopDocument(sop.number(), sop.title(), sop.effectiveDate(),
                sop.steps(), transitions));
        assertTrue(errors.stream().anyMatch(e -> e.message().contains("THIRD_PARTY_REPAIR")), errors.toString());
    }

    @Test
    void rejectsAStepWithNoWayToClosed() {
        List<SopTransition> transitions = new ArrayList<>(sop.transitions());
        transitions.removeIf(t -> t.from().equals("AGENDA"));
        List<FieldError> errors = SopValidator.validate(new SopDocument(sop.number(), sop.title(), sop.effectiveDate(),
                sop.steps(), transitions));
        assertTrue(errors.stream().anyMatch(e -> e.message().contains("no way to CLOSED")), errors.toString());
    }

    @Test
    void rejectsADecisionWithoutANoBranch() {
        List<SopTransition> transitions = new ArrayList<>(sop.transitions());
        transitions.replaceAll(t -> t.from().equals("DECISION") && "NO".equals(t.label())
                ? new SopTransition(t.from(), t.to(), null) : t);
        List<FieldError> errors = SopValidator.validate(new SopDocument(sop.number(), sop.title(), sop.effectiveDate(),
                sop.steps(), transitions));
        assertHas(errors, "transitions", "YES");
    }

    @Test
    void rejectsTwoStartSteps() {
        List<SopTransition> transitions = new ArrayList<>(sop.transitions());
        transitions.removeIf(t -> t.from().equals("COMPLAINT_RECEIVED"));
        transitions.add(new SopTransition("COMPLAINT_RECEIVED", "CLOSED", null));
        List<FieldError> errors = SopValidator.validate(new SopDocument(sop.number(), sop.title(), sop.effectiveDate(),
                sop.steps(), transitions));
        assertHas(errors, "transitions", "exactly one start");
    }

    @Test
    void rejectsATransitionToAnUnknownStep() {
        List<SopTransition> transitions = new ArrayList<>(sop.transitions());
        transitions.add(new SopTransition("REPAIR", "PRAY", null));
        List<FieldError> errors = SopValidator.validate(new SopDocument(sop.number(), sop.title(), sop.effectiveDate(),
                sop.steps(), transitions));
        assertHas(errors, "transitions[" + (transitions.size() - 1) + "].to", "step");
    }

    @Test
    void rejectsDuplicateCodesAndMissingNames() {
        List<FieldError> errors = SopValidator.validate(withStep(3, s -> new SopStep("INSPECTION", s.no(), " ",
                s.nameEn(), s.role(), s.minDuration(), s.maxDuration(), s.output())));
        assertHas(errors, "steps[3].code", "duplicate");
        assertHas(errors, "steps[3].nameId", "required");
    }

    @Test
    void rejectsAnEmptyDocument() {
        List<FieldError> errors = SopValidator.validate(new SopDocument(null, null, null, null, null));
        assertHas(errors, "number", "required");
        assertHas(errors, "steps", "at least one");
        assertHas(errors, "transitions", "at least one");
    }

    private SopDocument withStep(int index, UnaryOperator<SopStep> change) {
        List<SopStep> steps = new ArrayList<>(sop.steps());
        steps.set(index, change.apply(steps.get(index)));
        return new SopDocument(sop.number(), sop.title(), sop.effectiveDate(), steps, sop.transitions());
    }

    private static void assertHas(List<FieldError> errors, String field, String text) {
        assertTrue(errors.stream().anyMatch(e -> e.field().equals(field) && e.message().contains(text)),
                "expected an error on " + field + " mentioning '" + text + "' in " + errors);
    }
}
