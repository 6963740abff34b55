package id.siaga.ticket.ingest;

import id.siaga.ticket.domain.CheckStatus;
import id.siaga.ticket.clock.StepClock;
import id.siaga.ticket.config.SiagaConfig;
import id.siaga.ticket.domain.Application;
import id.siaga.ticket.domain.MaintenanceWindow;
import id.siaga.ticket.domain.ServerRole;
import id.siaga.ticket.domain.Severity;
import id.siaga.ticket.domain.Ticket;
import id.siaga.ticket.domain.TicketEventType;
import id.siaga.ticket.domain.TicketSource;
import id.siaga.ticket.domain.sop.SopStateMachine;
import id.siaga.ticket.domain.sop.SopWalkException;
import id.siaga.ticket.domain.sop.StepCodes;
import id.siaga.ticket.domain.Caller;
import id.siaga.ticket.service.DeferredNumbers;
import id.siaga.ticket.service.TicketService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Opens tickets from failing checks: the agent has already done SOP steps 2 ("cek tampilan") and 3
 * ("cek fungsi"), so the ticket is walked along the active SOP to ANALYSIS with the evidence as those steps' outputs
 * and waits there for an ADB. A revision whose way to ANALYSIS runs through another step stops the walk there: the
 * ticket's history says why ({@link TicketEventType#AGENT_WALK_STOPPED}), and so does an error in the log.
 */
@ApplicationScoped
public class AgentTickets {

    /** Check kinds that look at what users see (SOP step 2); every other kind checks a function (step 3). */
    static final String DISPLAY_KIND = "http";

    private static final Logger LOG = Logger.getLogger(AgentTickets.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss");

    private final TicketService tickets;
    private final StepClock stepClock;
    private final SiagaConfig config;
    private final Clock clock;

    public AgentTickets(TicketService tickets, StepClock stepClock, SiagaConfig config, Clock clock) {
        this.tickets = tickets;
        this.stepClock = stepClock;
        this.config = config;
        this.clock = clock;
    }

    /** The server a batch came from. */
    public record Source(long id, String name, ServerRole role) {
    }

    /**
     * @param failing     the state of the failing check after the finding
     * @param serverState every known check state of the server, for the step outputs
     * @param flapping    whether the ticket opens because the check flaps rather than fails steadily
     * @param windows     the maintenance windows the batch read at {@code readAt} in this transaction, which hold
     *                    those the ticket's clocks need ({@link StepClock#withWindows})
     * @param numbers     the batch's tickets waiting for their numbers, which the caller assigns before it commits
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Ticket open(Source server, CheckState failing, Finding finding, Collection<CheckState> serverState,
            boolean flapping, List<MaintenanceWindow> windows, Instant readAt, DeferredNumbers numbers) {
        // the ticket's first steps all start now, their clocks on the windows the batch has read
        return stepClock.withWindows(server.id(), readAt, windows,
                () -> openAndWalk(server, failing, finding, serverState, flapping, numbers));
    }

    private Ticket openAndWalk(Source server, CheckState failing, Finding finding, Collection<CheckState> serverState,
            boolean flapping, DeferredNumbers numbers) {
        Caller agent = Caller.agent(server.name());
        Ticket ticket = new Ticket();
        ticket.source = TicketSource.AGENT;
        ticket.reporterName = "Agen SIAGA " + server.name();
        ticket.serverId = server.id();
        ticket.application = application(server.role());
        ticket.checkKey = finding.checkKey();
        ticket.severity = severity(finding.status(), server.role());
        ticket.title = cut("[" + server.name() + "] " + finding.checkKey() + " " + finding.status()
                + (finding.message() == null ? "" : ": " + finding.message()), 200);
        ticket.description = description(server, failing, finding, flapping);
        String why = flapping
                ? "Opened by the probe agent: check " + finding.checkKey() + " is flapping"
                : "Opened by the probe agent: check " + finding.checkKey() + " failed " + failing.consecutiveFailures()
                        + " times in a row";
        tickets.open(ticket, agent.username(), why, numbers);

        SopStateMachine machine = tickets.machineOf(ticket);
        Map<String, String> outputs = Map.of(machine.startStep(), complaint(failing, finding, flapping),
                StepCodes.INSPECTION, summary(serverState, true), StepCodes.FUNCTION_CHECK, summary(serverState, false));
        Walk walk = walkToAnalysis(machine);
        for (String to : walk.moves()) {
            tickets.advance(ticket, machine, to, outputs.get(ticket.step), null, null, agent);
        }
        if (walk.refused() != null) {
            LOG.errorf("Agent ticket %d (server %s, check %s) stays at %s for an ADB: %s", ticket.id, server.name(),
                    ticket.checkKey, ticket.step, walk.refused());
            tickets.record(ticket, clock.instant(), agent.username(), TicketEventType.AGENT_WALK_STOPPED, ticket.step,
                    ticket.step, walk.refused());
        }
        return ticket;
    }

    /**
     * The agent's moves on a ticket it opens.
     *
     * @param moves   the steps to move the ticket to, in order
     * @param refused why the walk stops short of ANALYSIS, or null when it gets there
     */
    record Walk(List<String> moves, String refused) {
    }

    /**
     * @return the SOP's way from its start step to ANALYSIS, as far as each move completes a step the agent has done
     *         (the complaint, the display check, the function check); refused when the SOP has no such way or it runs
     *         through a step only a person does
     */
    static Walk walkToAnalysis(SopStateMachine machine) {
        List<String> path;
        try {
            path = machine.pathFromStart(StepCodes.ANALYSIS);
        } catch (SopWalkException e) {
            return new Walk(List.of(), e.getMessage());
        }
        List<String> agentSteps = List.of(machine.startStep(), StepCodes.INSPECTION, StepCodes.FUNCTION_CHECK);
        for (int i = 0; i < path.size() - 1; i++) {
            if (!agentSteps.contains(path.get(i))) {
                return new Walk(path.subList(1, i + 1), "the way to " + StepCodes.ANALYSIS + " in SOP "
                        + machine.document().number() + " runs through " + path.get(i) + ", which the agent does not do");
            }
        }
        return new Walk(path.subList(1, path.size()), null);
    }

    private String complaint(CheckState failing, Finding finding, boolean flapping) {
        String since = failing.failingSince() == null ? "" : " sejak " + local(failing.failingSince());
        return cut("Laporan otomatis agen SIAGA: " + finding.checkKey() + " " + finding.status()
                + (flapping ? " (berubah-ubah/flapping)" : ", " + failing.consecutiveFailures() + "x berturut-turut")
                + since + (finding.message() == null ? "" : " — " + finding.message()), 4000);
    }

    /** @return the display checks (step 2) or the function checks (step 3) of the server, one line each */
    private String summary(Collection<CheckState> states, boolean display) {
        List<CheckState> chosen = states.stream()
                .filter(s -> !Finding.HEARTBEAT.equals(s.kind()))
                .filter(s -> DISPLAY_KIND.equals(s.kind()) == display)
                .sorted(Comparator.comparing(CheckState::checkKey))
                .toList();
        if (chosen.isEmpty()) {
            return display ? "Cek tampilan: tidak ada cek tampilan (http) pada server ini"
                    : "Cek fungsi: tidak ada cek fungsi pada server ini";
        }
        String lines = chosen.stream()
                .map(s -> s.checkKey() + " (" + s.kind() + "): " + s.status()
                        + (s.message() == null ? "" : " — " + s.message()) + " [" + local(s.observedAt()) + "]")
                .collect(Collectors.joining("\n"));
        return cut((display ? "Cek tampilan software (agen):\n" : "Cek fungsi software (agen):\n") + lines, 4000);
    }

    private String description(Source server, CheckState failing, Finding finding, boolean flapping) {
        StringBuilder text = new StringBuilder();
        text.append("Server ").append(server.name()).append(" (").append(server.role()).append("), cek ")
                .append(finding.checkKey()).append(" (").append(finding.kind()).append("): ").append(finding.status());
        if (finding.message() != null) {
            text.append("\n").append(finding.message());
        }
        if (finding.measurements() != null && !finding.measurements().isEmpty()) {
            text.append("\nPengukuran: ").append(finding.measurements().entrySet().stream()
                    .sorted(java.util.Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
        }
        text.append(flapping ? "\nStatus cek berubah-ubah (flapping)." : "\nGagal " + failing.consecutiveFailures()
                + "x berturut-turut.");
        text.append("\nDiamati: ").append(local(finding.observedAt()));
        return cut(text.toString(), 10000);
    }

    private String local(Instant at) {
        return TIME.format(at.atZone(config.zone())) + " " + zoneName();
    }

    private String zoneName() {
        return switch (config.zone().getId()) {
            case "Asia/Jakarta", "Asia/Pontianak" -> "WIB";
            case "Asia/Makassar" -> "WITA";
            case "Asia/Jayapura" -> "WIT";
            default -> config.zone().getId();
        };
    }

    static Severity severity(CheckStatus status, ServerRole role) {
        return switch (status) {
            case CRIT -> role.isCritical() ? Severity.CRITICAL : Severity.HIGH;
            case WARN -> Severity.MEDIUM;
            default -> Severity.LOW;
        };
    }

    static Application application(ServerRole role) {
        return switch (role) {
            case SIAK_APP, SIAK_DB -> Application.SIAK;
            case KTPEL -> Application.KTP_EL;
            default -> Application.OTHER;
        };
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
