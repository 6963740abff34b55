package id.siaga.ticket.domain.sop;

import id.siaga.ticket.domain.IllegalTransitionException;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.domain.TransitionForbiddenException;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place that decides which moves an SOP allows and who may make them. Built from a validated
 * {@link SopDocument}; immutable and safe to share.
 *
 * <p>Rules: a ticket moves along the SOP's transitions; the step being completed decides the role
 * needed, and a higher role on the ADB &lt; JF_ADB &lt; KASI &lt; KABID ladder may act for a lower one. A
 * KASI or KABID may cancel any open ticket; only the KABID approves a third-party repair. CLOSED and CANCELLED are
 * final. What a move means beyond that is read from the transitions' labels ({@link #move}).
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

    /**
     * @return what the move means beyond changing the step (its label's decision, round, third party; the end states)
     */
    public Move move(String from, String to) {
        return new Move(from, to, label(from, to).orElse(null), isThirdPartyStep(from));
    }

    /** @return whether the step is a repair by a third party: one a move labelled THIRD_PARTY leads to */
    public boolean isThirdPartyStep(String code) {
        return document.transitions().stream()
                .anyMatch(t -> StepCodes.THIRD_PARTY.equals(t.label()) && t.to().equals(code));
    }

    /**
     * @return the steps from the start step to {@code target}, both included, along the fewest moves (the first in
     *         document order when several are as short); cancellation is no move here
     * @throws SopWalkException naming the SOP when the target cannot be reached from the start
     */
    public List<String> pathFromStart(String target) {
        Map<String, String> reachedFrom = new LinkedHashMap<>();
        reachedFrom.put(start, null);
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty() && !reachedFrom.containsKey(target)) {
            String step = queue.removeFirst();
            for (String next : nextSteps(step)) {
                if (!reachedFrom.containsKey(next)) {
                    reachedFrom.put(next, step);
                    queue.addLast(next);
                }
            }
        }
        if (!reachedFrom.containsKey(target)) {
            throw new SopWalkException("SOP " + document.number() + " has no way from " + start + " to " + target);
        }
        LinkedList<String> path = new LinkedList<>();
        for (String step = target; step != null; step = reachedFrom.get(step)) {
            path.addFirst(step);
        }
        return List.copyOf(path);
    }

    /** @return whether someone holding these roles may approve a third-party repair (the Kabid decides on it) */
    public boolean mayApproveThirdParty(Collection<Role> roles) {
        return roles.contains(Role.KABID);
    }

    /**
     * Decides a requested approval of a third-party repair.
     *
     * @throws TransitionForbiddenException when these roles may not approve it
     */
    public void checkApproval(Collection<Role> roles) {
        if (!mayApproveThirdParty(roles)) {
            throw new TransitionForbiddenException("Only the KABID may approve a third-party repair.");
        }
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
