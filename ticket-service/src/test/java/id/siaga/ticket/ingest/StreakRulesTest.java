package id.siaga.ticket.ingest;

import id.siaga.ticket.domain.CheckStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static id.siaga.ticket.ingest.StreakRules.Outcome.FAILURE_EVIDENCE;
import static id.siaga.ticket.ingest.StreakRules.Outcome.OPEN_TICKET;
import static id.siaga.ticket.ingest.StreakRules.Outcome.OPEN_TICKET_FLAPPING;
import static id.siaga.ticket.ingest.StreakRules.Outcome.RECOVERY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a check's results become ticket work. */
class StreakRulesTest {

    private final CheckState state = new CheckState(1, "siak-web");
    private Instant clock = Instant.parse("2026-11-25T01:00:00Z");

    @Test
    void opensATicketOnlyAfterTheConfiguredFailuresInARow() {
        assertEquals(List.of(), feed(CheckStatus.CRIT));
        assertEquals(List.of(OPEN_TICKET), feed(CheckStatus.CRIT));
    }

    @Test
    void honoursAPerCheckThreshold() {
        assertEquals(List.of(), feed(CheckStatus.WARN, 3));
        assertEquals(List.of(), feed(CheckStatus.WARN, 3));
        assertEquals(List.of(OPEN_TICKET), feed(CheckStatus.WARN, 3));
    }

    @Test
    void addsLaterFailuresAsEvidenceWhenTheyChangeAndRecordsOneRecovery() {
        feed(CheckStatus.CRIT);
        feed(CheckStatus.CRIT);
        linkOpenTicket();
        assertEquals(List.of(), feed(CheckStatus.CRIT), "an identical result within 15 minutes adds nothing");
        assertEquals(List.of(FAILURE_EVIDENCE), feed(CheckStatus.WARN), "a changed result is evidence");
        assertEquals(List.of(), feed(CheckStatus.OK));
        assertEquals(List.of(RECOVERY), feed(CheckStatus.OK));
        assertEquals(List.of(), feed(CheckStatus.OK), "one recovery per streak");
        assertEquals(List.of(FAILURE_EVIDENCE), feed(CheckStatus.CRIT), "failing again after a recovery is evidence");
    }

    @Test
    void repeatsUnchangedEvidenceAfterFifteenMinutes() {
        feed(CheckStatus.CRIT);
        feed(CheckStatus.CRIT);
        linkOpenTicket();
        clock = clock.plusSeconds(16 * 60);
        assertEquals(List.of(FAILURE_EVIDENCE), feed(CheckStatus.CRIT));
    }

    @Test
    void opensNothingNewAfterTheTicketEndedUntilTheCheckPassedAgain() {
        feed(CheckStatus.CRIT);
        feed(CheckStatus.CRIT);
        linkOpenTicket();
        state.ticketOpen = false;
        assertEquals(List.of(), feed(CheckStatus.CRIT));
        assertEquals(List.of(), feed(CheckStatus.CRIT));
        assertEquals(List.of(), feed(CheckStatus.OK));
        assertEquals(List.of(), feed(CheckStatus.CRIT));
        assertEquals(List.of(OPEN_TICKET), feed(CheckStatus.CRIT));
    }

    @Test
    void opensOneTicketForAFlappingCheckInsteadOfOnePerFlap() {
        List<StreakRules.Outcome> all = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            List<StreakRules.Outcome> outcomes = feed(i % 2 == 0 ? CheckStatus.OK : CheckStatus.CRIT);
            all.addAll(outcomes);
            if (outcomes.contains(OPEN_TICKET_FLAPPING)) {
                linkOpenTicket();
            }
        }
        assertEquals(1, all.stream().filter(o -> o == OPEN_TICKET || o == OPEN_TICKET_FLAPPING).count(), all.toString());
        assertTrue(state.flapping());
    }

    @Test
    void stopsFlappingWhenResultsSettle() {
        for (int i = 0; i < 20; i++) {
            feed(i % 2 == 0 ? CheckStatus.OK : CheckStatus.CRIT);
        }
        assertTrue(state.flapping());
        for (int i = 0; i < 20; i++) {
            feed(CheckStatus.OK);
        }
        assertFalse(state.flapping());
    }

    @Test
    void heartbeatsNeverOpenTickets() {
        for (int i = 0; i < 5; i++) {
            assertEquals(List.of(), StreakRules.apply(state, finding(CheckStatus.CRIT, Finding.HEARTBEAT), 2, 2));
        }
    }

    private void linkOpenTicket() {
        state.ticketId = 42L;
        state.ticketOpen = true;
        state.lastEvidenceAt = clock;
    }

    private List<StreakRules.Outcome> feed(CheckStatus status) {
        return feed(status, 2);
    }

    private List<StreakRules.Outcome> feed(CheckStatus status, int openAfter) {
        return StreakRules.apply(state, finding(status, "http"), openAfter, 2);
    }

    private Finding finding(CheckStatus status, String kind) {
        clock = clock.plusSeconds(30);
        return new Finding(UUID.randomUUID(), "siak-web", kind, status, "HTTP " + status, null, clock, 10, null, null,
                null, null);
    }
}
