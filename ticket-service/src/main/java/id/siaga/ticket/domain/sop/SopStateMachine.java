package id.siaga.ticket.domain.sop;

import id.siaga.ticket.domain.IllegalTransitionException;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.domain.TransitionForbiddenException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place that decides which moves an SOP allows and who may make them. Built from a validated
 * {@link SopDocument}; immutable and safe to share.
 *
 * <p>Rules: a ticket moves along the SOP's transitions; the step being completed decides the role
 * needed, and a higher role on the ADB &lt; JF_ADB &lt; KASI &lt; KABID ladder may act for a lower one. A
 * KASI or KABID may cancel any open ticket. CLOSED and CANCELLED are final.
 */
public final class SopStateMachine {

    private final SopDocument document;
    private final Map<String, SopStep> steps = new LinkedHashMap<>();
    private final Map<String, List<SopTransition>> outgoing = new LinkedHashMap<>();
    private final Map<String, Duration> minDurations = new LinkedHashMap<>();
    private final Map<String, Duration> maxDurations = new LinkedHashMap<>();
    private final String start;

    private SopStateMachine(SopDocument document) {
        this.document = document;
        for (SopStep step : document.steps()) {
            steps.put(step.code(), step);
            outgoing.put(step.code(), new ArrayList<>());
            if (step.minDuration() != null) {
                minDurations.put(step.code(), Duration.parse(step.minDuration()));
            }
            if (step.maxDuration() != null) {
                maxDurations.put(step.code(), Duration.parse(step.maxDuration()));
            }
        }
        for (SopTransition t : document.transitions()) {
            outgoing.get(t.from()).add(t);
        }
        this.start = document.steps().stream().map(SopStep::code)
                .filter(code -> document.transitions().stream().noneMatch(t -> t.to().equals(code)))
                .findFirst().orElseThrow();
    }

    /**
     * @return a state machine for the document
     * @throws IllegalArgumentException naming the first problem when the document is not a valid SOP
     */
    public static SopStateMachine of(SopDocument document) {
        List<FieldError> errors = SopValidator.validate(document);
        if (!errors.isEmpty()) {
            FieldError first = errors.get(0);
            throw new IllegalArgumentException("invalid SOP: " + first.field() + " " + first.message());
        }
        return new SopStateMachine(document);
    }

    public SopDocument document() {
        return document;
    }

    /** @return the code of the step every ticket starts in */
    public String startStep() {
        return start;
    }

    /** @return the step with that code, if this SOP has it */
    public Optional<SopStep> step(String code) {
        return Optional.ofNullable(steps.get(code));
    }

    /** @return whether the code is a step of this SOP or an end state */
    public boolean knows(String code) {
        return steps.containsKey(code) || StepCodes.isTerminal(code);
    }

    /** @return the upper bound of the step's time standard, empty when it has none */
    public Optional<Duration> maxDuration(String code) {
        return Optional.ofNullable(maxDurations.get(code));
    }

    /** @return the lower bound of the step's time standard, empty when it has none */
    public Optional<Duration> minDuration(String code) {
        return Optional.ofNullable(minDurations.get(code));
    }

    /** @return the role that completes the step */
    public Role roleFor(String code) {
        SopStep step = steps.get(code);
        return step == null ? null : Role.valueOf(step.role());
    }

    /** @return the steps (or CLOSED) the SOP allows after this one, in document order; empty at an end state */
    public List<String> nextSteps(String from) {
        return outgoing.getOrDefault(from, List.of()).stream().map(SopTransition::to).toList();
    }

    /** @return whether the SOP allows moving from one step to the other, cancellation included */
    public boolean isLegal(String from, String to) {
        if (!steps.containsKey(from)) {
            return false;
        }
        return StepCodes.CANCELLED.equals(to) || nextSteps(from).contains(to);
    }

    /** @return the branch label of that move (YES / NO on the decision step), empty when unlabelled */
    public Optional<String> label(String from, String to) {
        return outgoing.getOrDefault(from, List.of()).stream().filter(t -> t.to().equals(to)).findFirst()
                .map(SopTransition::label);
    }

    /** @return whether someone holding these roles may make this legal move */
    public boolean mayTake(Collection<Role> roles, String from, String to) {
        int rank = Role.highestRank(roles);
        if (StepCodes.CANCELLED.equals(to)) {
            return rank >= Role.KASI.rank();
        }
        Role needed = roleFor(from);
        return needed != null && rank >= needed.rank();
    }

    /** @return the moves open to someone holding these roles, cancellation last */
    public List<String> allowedNext(String from, Collection<Role> roles) {
        List<String> allowed = new ArrayList<>();
        for (String to : nextSteps(from)) {
            if (mayTake(roles, from, to)) {
                allowed.add(to);
            }
        }
        if (steps.containsKey(from) && mayTake(roles, from, StepCodes.CANCELLED)) {
            allowed.add(StepCodes.CANCELLED);
        }
        return allowed;
    }

    /**
     * Decides a requested move.
     *
     * @throws IllegalTransitionException   when the SOP does not allow it (naming the allowed next steps)
     * @throws TransitionForbiddenException when it is legal but not for these roles
     */
    public void check(String from, String to, Collection<Role> roles) {
        if (!isLegal(from, to)) {
            List<String> allowed = new ArrayList<>(nextSteps(from));
            if (steps.containsKey(from)) {
                allowed.add(StepCodes.CANCELLED);
            }
            throw new IllegalTransitionException(from, to, allowed);
        }
        if (!mayTake(roles, from, to)) {
            String who = StepCodes.CANCELLED.equals(to) ? "a KASI or KABID" : "the " + roleFor(from)
                    + " role or a higher one";
            throw new TransitionForbiddenException("Only " + who + " may move a ticket from " + from + " to " + to + ".");
        }
    }
}
