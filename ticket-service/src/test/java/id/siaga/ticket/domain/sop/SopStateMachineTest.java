package id.siaga.ticket.domain.sop;

import id.siaga.ticket.domain.IllegalTransitionException;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.domain.TransitionForbiddenException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every (from, to) pair of the default SOP, and who may take each move. */
class SopStateMachineTest {

    private static final List<String> STEPS = List.of("COMPLAINT_RECEIVED", "INSPECTION", "FUNCTION_CHECK", "ANALYSIS",
            "REPAIR", "SOFTWARE_CHECK", "DECISION", "REPORT_TO_JF_ADB", "REPORT_TO_KABID", "AGENDA", "THIRD_PARTY_REPAIR");
    private static final List<String> TARGETS;

    static {
        List<String> targets = new ArrayList<>(STEPS);
        targets.add("CLOSED");
        targets.add("CANCELLED");
        TARGETS = List.copyOf(targets);
    }

    /** The flow of SOP 800/488/DKPS-PS/2022 (its flowchart, cancellation aside): each step and the steps it may go to. */
    private static final Map<String, Set<String>> FLOW = Map.ofEntries(
            Map.entry("COMPLAINT_RECEIVED", Set.of("INSPECTION")),
            Map.entry("INSPECTION", Set.of("FUNCTION_CHECK")),
            Map.entry("FUNCTION_CHECK", Set.of("ANALYSIS")),
            Map.entry("ANALYSIS", Set.of("REPAIR")),
            Map.entry("REPAIR", Set.of("SOFTWARE_CHECK")),
            Map.entry("SOFTWARE_CHECK", Set.of("DECISION")),
            Map.entry("DECISION", Set.of("REPORT_TO_KABID", "REPORT_TO_JF_ADB")),
            Map.entry("REPORT_TO_JF_ADB", Set.of("ANALYSIS", "THIRD_PARTY_REPAIR")),
            Map.entry("REPORT_TO_KABID", Set.of("AGENDA")),
            Map.entry("AGENDA", Set.of("CLOSED")),
            Map.entry("THIRD_PARTY_REPAIR", Set.of("SOFTWARE_CHECK")));

    /** The role that completes each step. */
    private static final Map<String, Role> OWNER = Map.ofEntries(
            Map.entry("COMPLAINT_RECEIVED", Role.ADB), Map.entry("INSPECTION", Role.ADB),
            Map.entry("FUNCTION_CHECK", Role.ADB), Map.entry("ANALYSIS", Role.ADB), Map.entry("REPAIR", Role.ADB),
            Map.entry("SOFTWARE_CHECK", Role.ADB), Map.entry("DECISION", Role.ADB),
            Map.entry("REPORT_TO_JF_ADB", Role.JF_ADB), Map.entry("REPORT_TO_KABID", Role.KABID),
            Map.entry("AGENDA", Role.KASI), Map.entry("THIRD_PARTY_REPAIR", Role.KABID));

    private final SopStateMachine machine = SopStateMachine.of(DefaultSop.load());

    @Test
    void allowsExactlyTheSopFlowForEveryPairOfSteps() {
        for (String from : STEPS) {
            for (String to : TARGETS) {
                boolean expected = FLOW.get(from).contains(to) || to.equals("CANCELLED");
                assertEquals(expected, machine.isLegal(from, to), from + " -> " + to);
            }
        }
    }

    @Test
    void endStatesAllowNoMove() {
        for (String from : List.of("CLOSED", "CANCELLED")) {
            for (String to : TARGETS) {
                assertFalse(machine.isLegal(from, to), from + " -> " + to);
            }
            assertTrue(machine.nextSteps(from).isEmpty());
        }
    }

    @Test
    void eachRoleMayTakeExactlyTheMovesOfItsOwnAndLowerSteps() {
        for (String from : STEPS) {
            for (String to : TARGETS) {
                if (!machine.isLegal(from, to)) {
                    continue;
                }
                for (Role role : Role.values()) {
                    boolean expected = to.equals("CANCELLED")
                            ? role == Role.KASI || role == Role.KABID
                            : role.worksTickets() && role.rank() >= OWNER.get(from).rank();
                    assertEquals(expected, machine.mayTake(Set.of(role), from, to), role + " " + from + " -> " + to);
                }
            }
        }
    }

    @Test
    void startsAtComplaintReceived() {
        assertEquals("COMPLAINT_RECEIVED", machine.startStep());
    }

    @Test
    void labelsTheDecisionBranchesYesAndNo() {
        assertEquals("YES", machine.label("DECISION", "REPORT_TO_KABID").orElseThrow());
        assertEquals("NO", machine.label("DECISION", "REPORT_TO_JF_ADB").orElseThrow());
    }

    @Test
    void readsTimeStandardsFromTheSopData() {
        assertEquals(Duration.ofMinutes(30), machine.maxDuration("INSPECTION").orElseThrow());
        assertEquals(Duration.ofMinutes(10), machine.minDuration("INSPECTION").orElseThrow());
        assertEquals(Duration.ofHours(5), machine.maxDuration("REPAIR").orElseThrow());
        assertEquals(Duration.ofMinutes(5), machine.maxDuration("REPORT_TO_KABID").orElseThrow());
        assertTrue(machine.maxDuration("COMPLAINT_RECEIVED").isEmpty());
        assertTrue(machine.maxDuration("THIRD_PARTY_REPAIR").isEmpty());
    }

    @Test
    void rejectsAnIllegalMoveNamingTheAllowedSteps() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> machine.check("INSPECTION", "REPAIR", Set.of(Role.ADB)));
        assertEquals(List.of("FUNCTION_CHECK", "CANCELLED"), e.allowed());
        assertTrue(e.getMessage().contains("FUNCTION_CHECK"), e.getMessage());
    }

    @Test
    void rejectsAnAdbReportingToTheKabidInTheKabidsPlace() {
        assertThrows(TransitionForbiddenException.class,
                () -> machine.check("REPORT_TO_KABID", "AGENDA", Set.of(Role.ADB)));
    }

    @Test
    void rejectsCancellationByAnAdb() {
        assertThrows(TransitionForbiddenException.class, () -> machine.check("ANALYSIS", "CANCELLED", Set.of(Role.ADB)));
    }

    @Test
    void offersTheDecisionBranchesToTheAdbAndCancellationToTheKasi() {
        assertEquals(List.of("REPORT_TO_KABID", "REPORT_TO_JF_ADB"), machine.allowedNext("DECISION", Set.of(Role.ADB)));
        assertEquals(List.of("REPORT_TO_KABID", "REPORT_TO_JF_ADB", "CANCELLED"),
                machine.allowedNext("DECISION", Set.of(Role.KASI)));
        assertEquals(List.of(), machine.allowedNext("AGENDA", Set.of(Role.VIEWER)));
        assertEquals(List.of(), machine.allowedNext("AGENDA", Set.of(Role.ADMIN)));
    }
}
