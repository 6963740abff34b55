package id.siaga.ticket.domain.sop;

import id.siaga.ticket.domain.Role;
import id.siaga.ticket.domain.TransitionForbiddenException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What each move of the SOP means, read from the SOP data's transition labels; no Quarkus, no database. */
class MoveTest {

    private final SopStateMachine sop = SopStateMachine.of(DefaultSop.load());

    @Test
    void theDecisionStepsBranchesRecordYesOrNo() {
        Move yes = sop.move(StepCodes.DECISION, StepCodes.REPORT_TO_KABID);
        Move no = sop.move(StepCodes.DECISION, StepCodes.REPORT_TO_JF_ADB);
        assertEquals(StepCodes.YES, yes.decision());
        assertFalse(yes.decidesNo());
        assertEquals(StepCodes.NO, no.decision());
        assertTrue(no.decidesNo());
        assertNull(sop.move(StepCodes.ANALYSIS, StepCodes.REPAIR).decision());
    }

    @Test
    void onlyTheMoveLabelledAnotherRoundStartsAnotherRound() {
        assertTrue(sop.move(StepCodes.REPORT_TO_JF_ADB, StepCodes.ANALYSIS).startsAnotherRound());
        assertFalse(sop.move(StepCodes.FUNCTION_CHECK, StepCodes.ANALYSIS).startsAnotherRound());
    }

    @Test
    void aRevisionWithoutTheLabelStartsNoRoundOnTheSameSteps() {
        SopDocument base = DefaultSop.load();
        List<SopTransition> transitions = new ArrayList<>();
        for (SopTransition t : base.transitions()) {
            transitions.add(StepCodes.ANOTHER_ROUND.equals(t.label()) ? new SopTransition(t.from(), t.to(), null) : t);
        }
        SopStateMachine revised = SopStateMachine.of(new SopDocument(base.number() + "-REV", base.title(),
                base.effectiveDate(), base.steps(), transitions));
        assertFalse(revised.move(StepCodes.REPORT_TO_JF_ADB, StepCodes.ANALYSIS).startsAnotherRound());
    }

    @Test
    void theMoveLabelledThirdPartyEntersTheThirdPartyRepairAndItsOwnMoveLeavesIt() {
        Move enter = sop.move(StepCodes.REPORT_TO_JF_ADB, StepCodes.THIRD_PARTY_REPAIR);
        assertTrue(enter.entersThirdParty());
        assertFalse(enter.leavesThirdParty());
        assertTrue(sop.isThirdPartyStep(StepCodes.THIRD_PARTY_REPAIR));
        assertFalse(sop.isThirdPartyStep(StepCodes.REPAIR));
        Move leave = sop.move(StepCodes.THIRD_PARTY_REPAIR, StepCodes.SOFTWARE_CHECK);
        assertTrue(leave.leavesThirdParty());
        assertFalse(leave.entersThirdParty());
    }

    @Test
    void closingFromTheAgendaAssignsTheAgendaNumberAndCancellingEndsWithoutOne() {
        Move close = sop.move(StepCodes.AGENDA, StepCodes.CLOSED);
        assertTrue(close.closes() && close.ends() && close.assignsAgendaNumber());
        Move cancel = sop.move(StepCodes.ANALYSIS, StepCodes.CANCELLED);
        assertTrue(cancel.cancels() && cancel.ends());
        assertFalse(cancel.assignsAgendaNumber());
        assertFalse(sop.move(StepCodes.ANALYSIS, StepCodes.REPAIR).ends());
    }

    @Test
    void onlyTheKabidApprovesAThirdPartyRepair() {
        assertDoesNotThrow(() -> sop.checkApproval(Set.of(Role.KABID)));
        for (Role role : List.of(Role.ADB, Role.JF_ADB, Role.KASI, Role.ADMIN, Role.VIEWER)) {
            assertThrows(TransitionForbiddenException.class, () -> sop.checkApproval(Set.of(role)), role.name());
            assertFalse(sop.mayApproveThirdParty(Set.of(role)));
        }
    }

    @Test
    void findsTheShortestWayFromTheStartAndRefusesATargetItCannotReach() {
        assertEquals(List.of(StepCodes.COMPLAINT_RECEIVED, StepCodes.INSPECTION, StepCodes.FUNCTION_CHECK,
                StepCodes.ANALYSIS), sop.pathFromStart(StepCodes.ANALYSIS));
        assertEquals(List.of(StepCodes.COMPLAINT_RECEIVED), sop.pathFromStart(StepCodes.COMPLAINT_RECEIVED));
        SopWalkException e = assertThrows(SopWalkException.class, () -> sop.pathFromStart("SITE_VISIT"));
        assertTrue(e.getMessage().contains("SITE_VISIT"), e.getMessage());
    }
}
