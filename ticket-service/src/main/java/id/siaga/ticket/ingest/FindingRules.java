package id.siaga.ticket.ingest;

import id.siaga.ticket.domain.CheckStatus;
import id.siaga.ticket.domain.MaintenanceWindow;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.escalation.EscalationKey;
import id.siaga.ticket.escalation.EscalationReason;
import id.siaga.ticket.escalation.EscalationService;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one server's fresh findings mean, without the database: each check's streaks ({@link StreakRules}), then
 * per outcome whether a ticket opens (not inside a maintenance window, not while the check it depends on fails:
 * then the failure is evidence on that check's ticket), whether a recovery is recorded and whether a CRIT on a
 * critical server is escalated. What must happen outside (opening a ticket, recording an event, raising an
 * escalation) is asked of {@link Effects} in the order the findings are applied; the evidence is collected.
 */
final class FindingRules {

    /** The agent's version in its heartbeat's message ("agent 1.4.0 alive; ..."). */
    private static final Pattern AGENT_VERSION = Pattern.compile("^agent ([^\\s\\p{Cntrl}]+) alive");
    /** Longest agent version kept (the column of V16). */
    static final int MAX_VERSION_LENGTH = 64;
    /** Longest ticket event text. */
    private static final int MAX_EVENT_TEXT = 4000;

    private FindingRules() {
    }

    /** What the rules need done outside them, in order. */
    interface Effects {
        /** Opens a ticket for the failing check. @return its id */
        long openTicket(CheckState failing, Finding finding, Collection<CheckState> serverState, boolean flapping);

        /** Records on the ticket that its check passes again. */
        void recovered(long ticketId, String text);

        /** Raises an escalation. */
        void escalate(EscalationService.Draft draft);
    }

    /**
     * What a server's findings came to.
     *
     * @param changed   the check states to store, by check key
     * @param evidence  the evidence for tickets, in order
     * @param heartbeat the newest heartbeat among the findings, or null
     * @param rechecked the findings that answer re-check requests, by finding id, in order
     */
    record Applied(List<CheckState> changed, List<Evidence> evidence, Finding heartbeat, Map<UUID, Finding> rechecked) {
    }

    /**
     * Applies a server's fresh findings to its check states (changed in place).
     *
     * @param states       the server's check states by check key; new checks are added
     * @param windows      maintenance windows that may cover the findings
     * @param openAfter    failing results in a row that open a ticket, unless the finding says otherwise
     * @param recoverAfter passing results in a row that record a recovery, unless the finding says otherwise
     * @param rewriteBefore a steady check ({@link StreakRules#isSteady}) that stays steady is left out of
     *                     {@code changed} unless its row was written before this time
     */
    static Applied apply(AgentTickets.Source server, Map<String, CheckState> states, List<Finding> fresh,
            List<MaintenanceWindow> windows, int openAfter, int recoverAfter, Instant rewriteBefore, Effects effects) {
        List<Evidence> evidence = new ArrayList<>();
        Set<String> changed = new HashSet<>();
        Map<UUID, Finding> rechecked = new LinkedHashMap<>();
        Finding heartbeat = null;
        for (Finding finding : inOrder(states, fresh)) {
            if (finding.recheckId() != null) {
                rechecked.put(finding.id(), finding);
            }
            if (finding.isHeartbeat() && (heartbeat == null || finding.observedAt().isAfter(heartbeat.observedAt()))) {
                heartbeat = finding;
            }
            CheckState state = states.computeIfAbsent(finding.checkKey(), key -> new CheckState(server.id(), key));
            if (state.observedAt != null && finding.observedAt().isBefore(state.observedAt)) {
                continue;
            }
            int recover = finding.recoverAfter() != null ? finding.recoverAfter() : recoverAfter;
            boolean wasSteady = StreakRules.isSteady(state, recover);
            String kindBefore = state.kind;
            String dependsOnBefore = state.dependsOn;
            boolean suppressed = windows.stream().anyMatch(w -> w.covers(server.id(), finding.observedAt()));
            CheckState link = finding.dependsOn() == null ? null : states.get(finding.dependsOn());
            boolean inhibited = link != null && link.status != null && link.status.isFailing();
            CheckStatus before = state.status;
            int open = finding.openAfter() != null ? finding.openAfter() : openAfter;
            for (StreakRules.Outcome outcome : StreakRules.apply(state, finding, open, recover)) {
                switch (outcome) {
                    case OPEN_TICKET, OPEN_TICKET_FLAPPING -> {
                        if (suppressed) {
                            continue;
                        }
                        if (inhibited) {
                            if (link.ticketId != null && link.ticketOpen) {
                                evidence.add(Evidence.of(link.ticketId, "INHIBITED", finding));
                            }
                            continue;
                        }
                        boolean flapping = outcome == StreakRules.Outcome.OPEN_TICKET_FLAPPING;
                        long ticketId = effects.openTicket(state, finding, states.values(), flapping);
                        state.ticketId = ticketId;
                        state.ticketOpen = true;
                        state.lastEvidenceAt = finding.observedAt();
                        evidence.add(Evidence.of(ticketId, flapping ? "FLAPPING" : "FAILURE", finding));
                    }
                    case FAILURE_EVIDENCE -> {
                        state.lastEvidenceAt = finding.observedAt();
                        evidence.add(Evidence.of(state.ticketId, "FAILURE", finding));
                    }
                    case RECOVERY -> {
                        evidence.add(Evidence.of(state.ticketId, "RECOVERY", finding));
                        effects.recovered(state.ticketId, finding.checkKey() + " OK " + state.consecutivePasses
                                + "x berturut-turut" + (finding.message() == null ? "" : ": " + finding.message()));
                    }
                    case FLAPPING -> evidence.add(Evidence.of(state.ticketId, "FLAPPING", finding));
                    default -> throw new IllegalStateException("unhandled outcome " + outcome);
                }
            }
            if (finding.status() == CheckStatus.CRIT && before != CheckStatus.CRIT && !suppressed && !inhibited
                    && !finding.isHeartbeat() && server.role().isCritical()) {
                effects.escalate(criticalFinding(server, state, finding));
            }
            boolean quiet = wasSteady && StreakRules.isSteady(state, recover) && Objects.equals(kindBefore, state.kind)
                    && Objects.equals(dependsOnBefore, state.dependsOn)
                    && state.writtenAt != null && !state.writtenAt.isBefore(rewriteBefore);
            if (!quiet) {
                changed.add(finding.checkKey());
            }
        }
        List<CheckState> toSave = changed.stream().sorted().map(states::get).toList();
        return new Applied(toSave, evidence, heartbeat, rechecked);
    }

    /**
     * @return the findings in the order they are applied: those another check depends on first (so that a failure
     * of what a check depends on is known before the check's own result), then by observation time and id
     */
    private static List<Finding> inOrder(Map<String, CheckState> states, List<Finding> fresh) {
        Set<String> links = new HashSet<>();
        fresh.forEach(f -> addIfPresent(links, f.dependsOn()));
        states.values().forEach(st -> addIfPresent(links, st.dependsOn()));
        return fresh.stream()
                .sorted(Comparator.comparing((Finding f) -> links.contains(f.checkKey()) ? 0 : 1)
                        .thenComparing(Finding::observedAt).thenComparing(Finding::id))
                .toList();
    }

    private static void addIfPresent(Set<String> set, String value) {
        if (value != null) {
            set.add(value);
        }
    }

    /** A CRIT on a critical server goes to the KASI at once, once per finding. */
    private static EscalationService.Draft criticalFinding(AgentTickets.Source server, CheckState state, Finding finding) {
        return new EscalationService.Draft(EscalationKey.criticalFinding(server.id(), finding.checkKey(), finding.id()),
                EscalationReason.CRITICAL_FINDING, 1, Role.KASI, state.ticketOpen ? state.ticketId : null, server.id(),
                null, null, null, "Server " + server.name() + " (" + server.role() + "): " + finding.checkKey() + " CRIT"
                        + (finding.message() == null ? "" : " — " + finding.message()));
    }

    /** The answer to re-check requests: evidence for each request's ticket and one event text per ticket. */
    record RecheckResults(List<Evidence> evidence, Map<Long, String> summaries) {
    }

    /**
     * @param rechecked the findings answering re-check requests, in order
     * @param ticketOf  the ticket of each request just completed (absent: not completed now, or about no ticket)
     */
    static RecheckResults recheckResults(Collection<Finding> rechecked, Map<UUID, Long> ticketOf) {
        List<Evidence> evidence = new ArrayList<>();
        Map<Long, List<Finding>> byTicket = new LinkedHashMap<>();
        for (Finding f : rechecked) {
            Long ticketId = ticketOf.get(f.recheckId());
            if (ticketId != null && !f.isHeartbeat()) {
                evidence.add(Evidence.of(ticketId, "RECHECK", f));
                byTicket.computeIfAbsent(ticketId, id -> new ArrayList<>()).add(f);
            }
        }
        Map<Long, String> summaries = new LinkedHashMap<>();
        byTicket.forEach((ticketId, results) -> summaries.put(ticketId, summarize(results)));
        return new RecheckResults(evidence, summaries);
    }

    private static String summarize(List<Finding> results) {
        StringBuilder text = new StringBuilder("Hasil cek ulang: ");
        for (int i = 0; i < results.size(); i++) {
            Finding f = results.get(i);
            if (i > 0) {
                text.append("; ");
            }
            text.append(f.checkKey()).append(' ').append(f.status());
            if (f.message() != null) {
                text.append(" (").append(f.message()).append(')');
            }
        }
        return text.length() > MAX_EVENT_TEXT ? text.substring(0, MAX_EVENT_TEXT - 1) + "…" : text.toString();
    }

    /**
     * What an agent's heartbeat says about it; a value out of range is null (kept as it was).
     *
     * @param intervalSeconds its report interval (which decides when it counts as silent)
     * @param version         its version, from the message, at most {@link #MAX_VERSION_LENGTH} characters
     * @param outboxBacklog   findings waiting in its outbox
     */
    record HeartbeatFacts(Integer intervalSeconds, String version, Integer outboxBacklog, Instant observedAt) {
    }

    static HeartbeatFacts heartbeatFacts(Finding heartbeat) {
        Map<String, Double> measured = heartbeat.measurements() == null ? Map.of() : heartbeat.measurements();
        Double interval = measured.get("intervalSeconds");
        Double backlog = measured.get("outboxSize");
        return new HeartbeatFacts(interval == null || interval < 1 || interval > 86_400 ? null : interval.intValue(),
                agentVersion(heartbeat.message()),
                backlog == null || backlog < 0 || backlog > Integer.MAX_VALUE ? null : backlog.intValue(),
                heartbeat.observedAt());
    }

    /** @return the version in a heartbeat's message ("agent 1.4.0 alive; ..."), cut to 64 characters, or null */
    static String agentVersion(String message) {
        Matcher version = message == null ? null : AGENT_VERSION.matcher(message);
        if (version == null || !version.find()) {
            return null;
        }
        String v = version.group(1);
        return v.length() > MAX_VERSION_LENGTH ? v.substring(0, MAX_VERSION_LENGTH) : v;
    }
}
