package id.siaga.ticket.web;

import id.siaga.ticket.domain.Application;
import id.siaga.ticket.domain.Severity;
import id.siaga.ticket.domain.Ticket;
import id.siaga.ticket.domain.TicketEvent;
import id.siaga.ticket.domain.TicketSource;
import id.siaga.ticket.domain.TicketState;
import id.siaga.ticket.domain.sop.Move;
import id.siaga.ticket.domain.sop.SopStateMachine;
import id.siaga.ticket.domain.sop.SopStep;
import id.siaga.ticket.domain.sop.StepCodes;
import id.siaga.ticket.i18n.Formats;
import id.siaga.ticket.i18n.Labels;
import id.siaga.ticket.i18n.WebMessages;
import id.siaga.ticket.repository.TicketRepository;
import id.siaga.ticket.rest.TicketMapper;
import id.siaga.ticket.rest.dto.EvidenceResponse;
import id.siaga.ticket.rest.dto.StepRecordResponse;
import id.siaga.ticket.rest.dto.TicketResponse;
import id.siaga.ticket.service.ServerService;
import id.siaga.ticket.service.SopService;
import id.siaga.ticket.service.TicketService;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the views of the ticket pages from the services, in the page language. What a person may do next
 * comes from {@link TicketMapper} (the ticket's SOP state machine for the person's roles), never from here.
 */
@ApplicationScoped
public class TicketViews {

    /** State filter values of the ticket list. */
    static final String OPEN = "terbuka";
    static final String CLOSED = "selesai";
    static final String CANCELLED = "batal";
    static final String ALL = "semua";

    private final TicketService tickets;
    private final TicketMapper mapper;
    private final ServerService servers;
    private final SopService sop;
    private final EscalationViews escalations;
    private final PageContext context;
    private final Clock clock;

    public TicketViews(TicketService tickets, TicketMapper mapper, ServerService servers, SopService sop,
            EscalationViews escalations, PageContext context, Clock clock) {
        this.clock = clock;
        this.tickets = tickets;
        this.mapper = mapper;
        this.servers = servers;
        this.sop = sop;
        this.escalations = escalations;
        this.context = context;
    }

    /**
     * The ticket list.
     *
     * @param step     current step code, or null for all
     * @param state    terbuka (default), selesai, batal or semua
     * @param serverId tickets about this server, or null
     * @param overdue  only tickets whose current step is past due
     * @param limit    most tickets shown
     */
    @Transactional
    public TicketListView list(String step, String state, Long serverId, boolean overdue, int limit) {
        Instant now = clock.instant();
        WebMessages msg = context.msg();
        Labels labels = context.labels();
        String chosenState = Arrays.asList(OPEN, CLOSED, CANCELLED, ALL).contains(state) ? state : OPEN;
        String stepFilter = switch (chosenState) {
            case CLOSED -> StepCodes.CLOSED;
            case CANCELLED -> StepCodes.CANCELLED;
            default -> step == null || step.isBlank() ? null : step.trim().toUpperCase(Locale.ROOT);
        };
        Boolean open = OPEN.equals(chosenState) ? Boolean.TRUE : null;
        TicketRepository.Filter filter = new TicketRepository.Filter(stepFilter, open, serverId, null,
                overdue ? Boolean.TRUE : null);
        PanacheQuery<Ticket> query = tickets.search(filter, 0, limit);
        List<Ticket> found = query.list();
        Map<Long, String> serverNames = serverNames();

        SopStateMachine active = sop.machine(sop.activeId());
        Map<String, Integer> order = new LinkedHashMap<>();
        active.document().steps().forEach(s -> order.put(s.code(), s.no()));
        Map<String, List<TicketListView.Row>> byStep = new LinkedHashMap<>();
        Map<String, String> groupLabels = new LinkedHashMap<>();
        for (Ticket t : found) {
            SopStateMachine machine = tickets.machineOf(t);
            groupLabels.putIfAbsent(t.step, labels.step(machine, t.step));
            byStep.computeIfAbsent(t.step, k -> new ArrayList<>()).add(row(t, machine, serverNames, now));
        }
        List<TicketListView.Group> groups = byStep.entrySet().stream()
                .sorted(Comparator.comparingInt(e -> order.getOrDefault(e.getKey(), StepCodes.CANCELLED.equals(e.getKey())
                        ? Integer.MAX_VALUE : Integer.MAX_VALUE - 1)))
                .map(e -> new TicketListView.Group(e.getKey(), groupLabels.get(e.getKey()), e.getValue()))
                .toList();

        List<Option> stepOptions = new ArrayList<>();
        stepOptions.add(new Option("", msg.filterAllSteps(), stepFilter == null));
        for (SopStep s : active.document().steps()) {
            stepOptions.add(new Option(s.code(), labels.step(s), s.code().equals(stepFilter)));
        }
        List<Option> stateOptions = List.of(new Option(OPEN, msg.filterOpen(), OPEN.equals(chosenState)),
                new Option(CLOSED, msg.filterClosed(), CLOSED.equals(chosenState)),
                new Option(CANCELLED, msg.filterCancelled(), CANCELLED.equals(chosenState)),
                new Option(ALL, msg.filterAll(), ALL.equals(chosenState)));
        List<Option> serverOptions = new ArrayList<>();
        serverOptions.add(new Option("", msg.filterAllServers(), serverId == null));
        serverNames.forEach((id, name) -> serverOptions.add(new Option(String.valueOf(id), name, id.equals(serverId))));
        return new TicketListView(groups, query.count(), found.size(), stepOptions, stateOptions, serverOptions, overdue);
    }

    /**
     * One ticket with the forms open to the signed-in person.
     *
     * @throws id.siaga.ticket.domain.ResourceNotFoundException when there is no such ticket
     */
    @Transactional
    public TicketView detail(long id) {
        Ticket ticket = tickets.get(id);
        Instant now = clock.instant();
        TicketResponse r = mapper.detail(ticket, tickets.steps(id), context.roles(), now);
        List<TicketEvent> events = tickets.events(id);
        SopStateMachine machine = tickets.machineOf(ticket);
        WebMessages msg = context.msg();
        Labels labels = context.labels();
        Formats f = context.formats();

        String serverName = r.serverId() == null ? null : servers.get(r.serverId()).name;
        List<TicketView.StepRow> steps = r.steps().stream().map(s -> step(s, ticket, f)).toList();
        List<TicketView.EvidenceRow> evidence = r.evidence().stream().map(e -> evidence(e, labels, f)).toList();
        List<TicketView.EventRow> eventRows = events.stream().map(e -> new TicketView.EventRow(f.dateTime(e.at), e.actor,
                labels.event(e.type), e.fromStep == null ? "" : labels.step(machine, e.fromStep),
                e.toStep == null ? "" : labels.step(machine, e.toStep), e.note)).toList();
        TicketView.ThirdParty thirdParty = r.thirdParty() == null ? null : new TicketView.ThirdParty(r.thirdParty().name(),
                r.thirdParty().contact(), r.thirdParty().reference(), f.dateTime(r.thirdParty().contactedAt()),
                f.dateTime(r.thirdParty().repairedAt()), r.thirdParty().approvedBy(), f.dateTime(r.thirdParty().approvedAt()),
                r.thirdParty().approvedBy() != null);

        TicketView.Clock clock = null;
        if (r.open()) {
            String max = machine.step(r.step()).map(SopStep::maxDuration).orElse(null);
            String min = machine.step(r.step()).map(SopStep::minDuration).orElse(null);
            clock = new TicketView.Clock(f.duration(Duration.between(r.stepStartedAt(), now)), f.standard(min, max),
                    f.dateTime(r.dueAt()), r.overdue(), r.dueAt() == null);
        }

        String state = switch (r.state()) {
            case OPEN -> msg.stateOpen();
            case CLOSED -> msg.stateClosed();
            case CANCELLED -> msg.stateCancelled();
        };
        return new TicketView(r.id(), r.number(), r.title(), r.description(), labels.source(r.source()),
                r.reporterName(), r.reporterContact(), serverName, r.serverId(), labels.application(r.application()),
                labels.severity(r.severity()), r.severity().name().toLowerCase(Locale.ROOT),
                labels.step(machine, r.step()), r.open(), state, f.dateTime(r.createdAt()), r.createdBy(), r.assignee(),
                msg.sopVersion(r.sopNumber(), r.sopVersion()), labels.decision(r.decision()), r.round(),
                r.agendaNumber(), r.endState(), r.cancelReason(), f.dateTime(r.closedAt()), clock, thirdParty,
                r.checkKey(), BoardPage.cssKey(r.checkStatus()), labels.status(r.checkStatus()), steps, evidence,
                eventRows, escalations.forTicket(id), actions(r, ticket, machine));
    }

    /** @return the intake form's view with its choices */
    @Transactional
    public IntakeView intake(IntakeForm form, FormErrors errors) {
        Labels labels = context.labels();
        WebMessages msg = context.msg();
        List<Option> sources = Arrays.stream(TicketSource.values()).filter(s -> s != TicketSource.AGENT)
                .map(s -> new Option(s.name(), labels.source(s), s.name().equals(form.source))).toList();
        List<Option> applications = Arrays.stream(Application.values())
                .map(a -> new Option(a.name(), labels.application(a), a.name().equals(form.application))).toList();
        List<Option> severities = Arrays.stream(Severity.values())
                .map(s -> new Option(s.name(), labels.severity(s), s.name().equals(form.severity))).toList();
        List<Option> serverOptions = new ArrayList<>();
        serverOptions.add(new Option("", msg.intakeNoServer(), form.serverId == null || form.serverId.isBlank()));
        serverNames().forEach((id, name) -> serverOptions.add(new Option(String.valueOf(id), name,
                String.valueOf(id).equals(form.serverId))));
        return new IntakeView(form, errors, sources, applications, severities, serverOptions);
    }

    private TicketView.Actions actions(TicketResponse r, Ticket ticket, SopStateMachine machine) {
        WebMessages msg = context.msg();
        Labels labels = context.labels();
        boolean works = context.worksTickets();
        List<TicketView.Move> moves = new ArrayList<>();
        boolean thirdParty = false;
        boolean cancel = false;
        for (String to : r.allowedNext()) {
            Move move = machine.move(r.step(), to);
            if (move.cancels()) {
                cancel = true;
            } else if (move.entersThirdParty()) {
                thirdParty = true;
            } else if (move.decision() != null) {
                moves.add(move.decidesNo() ? new TicketView.Move(to, msg.decisionNo(), "no")
                        : new TicketView.Move(to, msg.decisionYes(), "yes"));
            } else if (move.startsAnotherRound()) {
                moves.add(new TicketView.Move(to, msg.moveAnotherRound(labels.step(machine, to)), "primary"));
            } else {
                moves.add(new TicketView.Move(to, move.closes() ? msg.moveClose() : msg.moveTo(labels.step(machine, to)),
                        "primary"));
            }
        }
        boolean atThirdParty = machine.isThirdPartyStep(r.step());
        boolean approve = r.open() && atThirdParty && ticket.thirdPartyApprovedBy == null
                && machine.mayApproveThirdParty(context.roles());
        boolean recheck = r.open() && r.serverId() != null && works;
        String outputLabel = machine.step(r.step()).map(SopStep::output).filter(o -> o != null && !o.isBlank())
                .map(msg::outputOf).orElse(msg.outputGeneric());
        return new TicketView.Actions(moves, thirdParty, cancel, approve, recheck, atThirdParty, outputLabel);
    }

    private TicketListView.Row row(Ticket t, SopStateMachine machine, Map<Long, String> serverNames, Instant now) {
        Labels labels = context.labels();
        Formats f = context.formats();
        WebMessages msg = context.msg();
        boolean open = t.state == TicketState.OPEN;
        boolean overdue = open && t.dueAt != null && now.isAfter(t.dueAt);
        String standard = machine.maxDuration(t.step).map(f::duration).orElse(Formats.NONE);
        String state = switch (t.state) {
            case OPEN -> msg.stateOpen();
            case CLOSED -> msg.stateClosed();
            case CANCELLED -> msg.stateCancelled();
        };
        return new TicketListView.Row(t.id, t.number, t.title, t.serverId == null ? Formats.NONE
                : serverNames.getOrDefault(t.serverId, Formats.NONE), labels.source(t.source), labels.severity(t.severity),
                t.severity.name().toLowerCase(Locale.ROOT), labels.step(machine, t.step),
                open ? f.duration(Duration.between(t.stepStartedAt, now)) : Formats.NONE, open ? standard : Formats.NONE,
                overdue, open, state, t.assignee, f.dateTime(t.createdAt));
    }

    private TicketView.StepRow step(StepRecordResponse s, Ticket ticket, Formats f) {
        Labels labels = context.labels();
        WebMessages msg = context.msg();
        SopStateMachine machine = tickets.machineOf(ticket);
        String name = machine.step(s.code()).map(labels::step).orElse(s.code());
        String timing;
        if (s.dueAt() == null) {
            timing = "none";
        } else if (s.overdue()) {
            timing = "late";
        } else {
            timing = s.endedAt() == null ? "running" : "on-time";
        }
        String expected = machine.step(s.code()).map(SopStep::output).orElse(null);
        return new TicketView.StepRow(s.seq(), s.code(), name, s.role() == null ? "" : labels.role(s.role()), s.actor(),
                f.dateTime(s.startedAt()), s.endedAt() == null ? msg.stepRunning() : f.dateTime(s.endedAt()), s.output(),
                expected, f.standard(s.minDuration(), s.maxDuration()), f.dateTime(s.dueAt()),
                f.duration(Duration.ofSeconds(s.elapsedSeconds())), timing, s.endedAt() == null && ticket.isOpen());
    }

    private static TicketView.EvidenceRow evidence(EvidenceResponse e, Labels labels, Formats f) {
        return new TicketView.EvidenceRow(labels.evidence(e.kind()), e.check(), BoardPage.cssKey(e.status()),
                labels.status(e.status()), e.message(), f.dateTime(e.observedAt()));
    }

    private Map<Long, String> serverNames() {
        return servers.list().stream().collect(Collectors.toMap(s -> s.id, s -> s.name, (a, b) -> a, LinkedHashMap::new));
    }
}
