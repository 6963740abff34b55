package id.siaga.ticket.ingest;

import id.siaga.ticket.domain.CheckStatus;
import id.siaga.ticket.domain.MaintenanceWindow;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.domain.ServerRole;
import id.siaga.ticket.escalation.EscalationReason;
import id.siaga.ticket.escalation.EscalationService;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What a server's findings mean for tickets and escalations, without the service or the database. */
class FindingRulesTest {

    private static final AgentTickets.Source DB = new AgentTickets.Source(7, "siak-db-01", ServerRole.SIAK_DB);
    private static final AgentTickets.Source APP = new AgentTickets.Source(8, "siak-app-01", ServerRole.SIAK_APP);

    private final Map<String, CheckState> states = new HashMap<>();
    private final List<String> done = new ArrayList<>();
    private final List<EscalationService.Draft> escalated = new ArrayList<>();
    private final List<MaintenanceWindow> windows = new ArrayList<>();
    private Instant clock = Instant.parse("2026-11-25T01:00:00Z");
    private long nextTicket = 100;

    private final FindingRules.Effects effects = new FindingRules.Effects() {
        @Override
        public long openTicket(CheckState failing, Finding finding, Collection<CheckState> serverState, boolean flapping) {
            done.add("open " + finding.checkKey() + (flapping ? " flapping" : "") + " after "
                    + failing.consecutiveFailures());
            return nextTicket++;
        }

        @Override
        public void recovered(long ticketId, String text) {
            done.add("recovered " + ticketId + ": " + text);
        }

        @Override
        public void escalate(EscalationService.Draft draft) {
            escalated.add(draft);
        }
    };

    @Test
    void opensOneTicketAfterTheFailuresInARowAndFeedsItEvidence() {
        FindingRules.Applied first = apply(DB, crit("siak-db-port", "connection refused"));
        assertEquals(List.of(), done);
        assertEquals(List.of(), first.evidence());
        FindingRules.Applied second = apply(DB, crit("siak-db-port", "connection refused"));
        assertEquals(List.of("open siak-db-port after 2"), done);
        assertEquals(List.of("FAILURE@100"), kinds(second.evidence()));
        assertEquals(100L, states.get("siak-db-port").ticketId());

        FindingRules.Applied changed = apply(DB, crit("siak-db-port", "timeout"));
        assertEquals(List.of("FAILURE@100"), kinds(changed.evidence()), "a changed message is evidence");
        assertEquals(1, done.size(), "no second ticket");
    }

    @Test
    void recordsTheRecoveryOnTheTicketWithoutClosingIt() {
        apply(APP, crit("siak-web", null), crit("siak-web", null));
        apply(APP, ok("siak-web"));
        FindingRules.Applied recovered = apply(APP, ok("siak-web", "200 in 40 ms"));
        assertEquals("recovered 100: siak-web OK 2x berturut-turut: 200 in 40 ms", done.get(1));
        assertEquals(List.of("RECOVERY@100"), kinds(recovered.evidence()));
    }

    @Test
    void escalatesACritOnACriticalServerOnceWhenItTurnsCrit() {
        Finding crit = crit("siak-db-port", "connection refused");
        apply(DB, crit);
        apply(DB, crit("siak-db-port", "connection refused"));
        assertEquals(1, escalated.size(), "once, when the check turns CRIT");
        EscalationService.Draft draft = escalated.get(0);
        assertEquals(EscalationReason.CRITICAL_FINDING, draft.reason());
        assertEquals(Role.KASI, draft.recipient());
        assertEquals("server:7:check:siak-db-port:finding:" + crit.id(), draft.key());
        assertEquals("Server siak-db-01 (SIAK_DB): siak-db-port CRIT — connection refused", draft.message());
        assertNull(draft.ticketId(), "no ticket was open yet");

        apply(APP, crit("siak-web", null));
        assertEquals(1, escalated.size(), "an application server is not critical");
    }

    @Test
    void opensNothingAndEscalatesNothingInsideAMaintenanceWindow() {
        MaintenanceWindow window = new MaintenanceWindow();
        window.serverId = DB.id();
        window.startsAt = clock;
        window.endsAt = clock.plusSeconds(3600);
        windows.add(window);
        FindingRules.Applied applied = apply(DB, crit("siak-db-port", null), crit("siak-db-port", null),
                crit("siak-db-port", null));
        assertEquals(List.of(), done);
        assertEquals(List.of(), escalated);
        assertEquals(List.of(), applied.evidence());
        assertEquals(3, states.get("siak-db-port").consecutiveFailures(), "the state still follows the check");
    }

    @Test
    void aFailureOfWhatACheckDependsOnInhibitsItsTicketAndBecomesEvidenceThere() {
        apply(APP, crit("network", null), crit("network", null));
        assertEquals(List.of("open network after 2"), done);
        FindingRules.Applied applied = apply(APP, crit("siak-web", null, "network"), crit("siak-web", null, "network"));
        assertEquals(1, done.size(), "no ticket for the dependent check");
        assertEquals(List.of("INHIBITED@100"), kinds(applied.evidence()));
    }

    @Test
    void appliesWhatOthersDependOnFirstAndIgnoresResultsOlderThanTheState() {
        Instant at = clock;
        Finding web = finding("siak-web", CheckStatus.CRIT, null, "network", at.plusSeconds(1));
        Finding net = finding("network", CheckStatus.CRIT, null, null, at.plusSeconds(2));
        states.put("network", new CheckState(APP.id(), "network"));
        states.get("network").status = CheckStatus.CRIT;
        states.get("network").observedAt = at;
        states.get("network").consecutiveFailures = 1;
        FindingRules.Applied applied = FindingRules.apply(APP, states, List.of(web, net), windows, 1, 2, clock, effects);
        assertEquals(List.of("open network after 2"), done, "network first, so siak-web is inhibited");
        assertEquals(List.of("network", "siak-web"), applied.changed().stream().map(CheckState::checkKey).toList());

        FindingRules.Applied late = FindingRules.apply(APP, states,
                List.of(finding("network", CheckStatus.OK, null, null, at)), windows, 1, 2, clock, effects);
        assertEquals(List.of(), late.changed(), "a result older than the state changes nothing");
    }

    @Test
    void leavesASteadyCheckUnwrittenUntilItsRowIsAMinuteOldButWritesAnyChangeAtOnce() {
        for (int i = 0; i < StreakRules.HISTORY; i++) {
            assertEquals(List.of("disk"), keys(apply(APP, ok("disk", "12 % used"))), "not steady yet: written");
        }
        CheckState disk = states.get("disk");
        disk.writtenAt = clock;

        FindingRules.Applied quiet = apply(APP, ok("disk", "13 % used"));
        assertEquals(List.of(), keys(quiet), "steady, written within the minute: not written again");
        assertEquals("13 % used", disk.message, "the state held is the newest");
        assertEquals(StreakRules.HISTORY + 1, disk.consecutivePasses);

        clock = disk.writtenAt.plusSeconds(60);
        assertEquals(List.of("disk"), keys(apply(APP, ok("disk"))), "a minute after its last write: written again");
        disk.writtenAt = clock;

        assertEquals(List.of("disk"), keys(apply(APP, finding("disk", CheckStatus.WARN, "91 % used", null, next()))),
                "a failing result is written at once");
        assertEquals(List.of("disk"), keys(apply(APP, ok("disk"))), "and so is every result until it is steady again");
    }

    @Test
    void treatsAnOpenTicketsRecoveredCheckAsSteadyButWritesANewLinkAndAnUnrecoveredTicketsCheck() {
        for (int i = 0; i < StreakRules.HISTORY; i++) {
            apply(APP, ok("web"));
        }
        CheckState web = states.get("web");
        web.writtenAt = clock;
        web.ticketId = 5L;
        web.ticketOpen = true;
        assertEquals(List.of(), keys(apply(APP, ok("web"))), "20 passes, its ticket's recovery recorded: steady");

        assertEquals(List.of("web"), keys(apply(APP, finding("web", CheckStatus.OK, null, "network", next()))),
                "a new dependency is written");
        web.writtenAt = clock;
        Finding recoversLater = new Finding(UUID.randomUUID(), "web", "tcp", CheckStatus.OK, null, Map.of(), next(), 3,
                "network", null, null, 40);
        assertEquals(List.of("web"), keys(apply(APP, recoversLater)),
                "a ticket whose recovery needs more passes than the check has: every pass is written");
    }

    @Test
    void keepsTheNewestHeartbeatAndReadsItsFacts() {
        Finding older = heartbeat("agent 1.4.1 alive; outbox 0", Map.of("intervalSeconds", 30.0), clock);
        Finding newer = heartbeat("agent 1.4.2 alive; outbox 3", Map.of("intervalSeconds", 45.0, "outboxSize", 3.0),
                clock.plusSeconds(30));
        FindingRules.Applied applied = FindingRules.apply(APP, states, List.of(older, newer), windows, 2, 2, clock, effects);
        assertEquals(newer, applied.heartbeat());
        FindingRules.HeartbeatFacts facts = FindingRules.heartbeatFacts(applied.heartbeat());
        assertEquals(new FindingRules.HeartbeatFacts(45, "1.4.2", 3, newer.observedAt()), facts);
        assertEquals(List.of(), done, "a heartbeat opens nothing");
    }

    @Test
    void leavesOutHeartbeatValuesOutOfRange() {
        FindingRules.HeartbeatFacts facts = FindingRules.heartbeatFacts(heartbeat("alive",
                Map.of("intervalSeconds", 0.5, "outboxSize", -1.0), clock));
        assertEquals(new FindingRules.HeartbeatFacts(null, null, null, clock), facts);
        assertNull(FindingRules.heartbeatFacts(heartbeat("agent 2.0 alive", Map.of("intervalSeconds", 86_401.0), clock))
                .intervalSeconds());
    }

    @Test
    void readsTheAgentVersionFromTheHeartbeatAndCutsItTo64Characters() {
        assertEquals("1.4.2", FindingRules.agentVersion("agent 1.4.2 alive; outbox 0"));
        assertNull(FindingRules.agentVersion("agent alive"));
        assertNull(FindingRules.agentVersion("agent 1.4\u0000 alive"), "control characters are no version");
        assertNull(FindingRules.agentVersion(null));
        String version = FindingRules.agentVersion("agent " + "x".repeat(300) + " alive");
        assertEquals(FindingRules.MAX_VERSION_LENGTH, version.length());
        assertEquals("x".repeat(64), version);
    }

    @Test
    void summarisesReCheckResultsPerTicket() {
        UUID request = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        Finding web = recheck("siak-web", CheckStatus.OK, "200", request);
        Finding port = recheck("siak-db-port", CheckStatus.CRIT, null, request);
        Finding other = recheck("disk", CheckStatus.OK, null, unknown);
        FindingRules.RecheckResults results = FindingRules.recheckResults(List.of(web, port, other),
                Map.of(request, 42L));
        assertEquals(List.of("RECHECK@42", "RECHECK@42"), kinds(results.evidence()));
        assertEquals(Map.of(42L, "Hasil cek ulang: siak-web OK (200); siak-db-port CRIT"), results.summaries());
    }

    private FindingRules.Applied apply(AgentTickets.Source server, Finding... findings) {
        return FindingRules.apply(server, states, List.of(findings), windows, 2, 2, clock.minusSeconds(60), effects);
    }

    private static List<String> keys(FindingRules.Applied applied) {
        return applied.changed().stream().map(CheckState::checkKey).toList();
    }

    private Finding crit(String check, String message) {
        return crit(check, message, null);
    }

    private Finding crit(String check, String message, String dependsOn) {
        return finding(check, CheckStatus.CRIT, message, dependsOn, next());
    }

    private Finding ok(String check) {
        return ok(check, null);
    }

    private Finding ok(String check, String message) {
        return finding(check, CheckStatus.OK, message, null, next());
    }

    private Instant next() {
        clock = clock.plusSeconds(30);
        return clock;
    }

    private static Finding finding(String check, CheckStatus status, String message, String dependsOn, Instant at) {
        return new Finding(UUID.randomUUID(), check, "tcp", status, message, Map.of(), at, 3, dependsOn, null, null, null);
    }

    private static Finding heartbeat(String message, Map<String, Double> measurements, Instant at) {
        return new Finding(UUID.randomUUID(), "agent", Finding.HEARTBEAT, CheckStatus.OK, message, measurements, at, 0,
                null, null, null, null);
    }

    private Finding recheck(String check, CheckStatus status, String message, UUID request) {
        return new Finding(UUID.randomUUID(), check, "tcp", status, message, Map.of(), next(), 3, null, request, null,
                null);
    }

    private static List<String> kinds(List<Evidence> evidence) {
        List<String> kinds = new ArrayList<>();
        evidence.forEach(e -> kinds.add(e.kind() + "@" + e.ticketId()));
        return kinds;
    }
}
