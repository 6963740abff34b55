package id.siaga.ticket.ingest;

import id.siaga.ticket.domain.sop.DefaultSop;
import id.siaga.ticket.domain.sop.SopDocument;
import id.siaga.ticket.domain.sop.SopStateMachine;
import id.siaga.ticket.domain.sop.SopStep;
import id.siaga.ticket.domain.sop.SopTransition;
import id.siaga.ticket.domain.sop.StepCodes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent's walk of a ticket it opens, derived from the active SOP; no Quarkus, no database. */
class AgentWalkTest {

    @Test
    void walksTheShippedSopToAnalysisThroughTheChecksTheAgentDid() {
        AgentTickets.Walk walk = AgentTickets.walkToAnalysis(SopStateMachine.of(DefaultSop.load()));
        assertEquals(List.of(StepCodes.INSPECTION, StepCodes.FUNCTION_CHECK, StepCodes.ANALYSIS), walk.moves());
        assertNull(walk.refused());
    }

    @Test
    void refusesLoudlyARevisionWhoseWayToAnalysisRunsThroughAStepOnlyAPersonDoes() {
        SopDocument base = DefaultSop.load();
        List<SopStep> steps = new ArrayList<>(base.steps());
        steps.add(new SopStep("SITE_VISIT", steps.size() + 1, "Kunjungan ke lokasi", "Site visit", "ADB", null,
                "PT2H", "Berita acara kunjungan"));
        List<SopTransition> transitions = new ArrayList<>();
        for (SopTransition t : base.transitions()) {
            if (StepCodes.INSPECTION.equals(t.from()) && StepCodes.FUNCTION_CHECK.equals(t.to())) {
                transitions.add(new SopTransition(StepCodes.INSPECTION, "SITE_VISIT", null));
                transitions.add(new SopTransition("SITE_VISIT", StepCodes.FUNCTION_CHECK, null));
            } else {
                transitions.add(t);
            }
        }
        SopStateMachine revised = SopStateMachine.of(new SopDocument(base.number() + "-REV2", base.title(),
                base.effectiveDate(), steps, transitions));

        AgentTickets.Walk walk = AgentTickets.walkToAnalysis(revised);

        assertEquals(List.of(StepCodes.INSPECTION, "SITE_VISIT"), walk.moves(), "the moves before that step are made");
        assertTrue(walk.refused().contains("SITE_VISIT") && walk.refused().contains(base.number() + "-REV2"),
                walk.refused());
    }
}
