package id.siaga.ticket.service;

import id.siaga.ticket.clock.StepClock;
import id.siaga.ticket.config.SiagaConfig;
import id.siaga.ticket.escalation.EscalationReason;
import id.siaga.ticket.escalation.EscalationKey;
import id.siaga.ticket.escalation.EscalationService;
import id.siaga.ticket.knowledge.KnowledgeService;
import id.siaga.ticket.domain.Caller;
import id.siaga.ticket.domain.ConflictException;
import id.siaga.ticket.domain.InvalidRequestException;
import id.siaga.ticket.domain.ResourceNotFoundException;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.domain.Ticket;
import id.siaga.ticket.domain.TicketEvent;
import id.siaga.ticket.domain.TicketEventType;
import id.siaga.ticket.domain.TicketReport;
import id.siaga.ticket.domain.TicketSource;
import id.siaga.ticket.domain.TicketState;
import id.siaga.ticket.domain.TicketStep;
import id.siaga.ticket.domain.sop.Move;
import id.siaga.ticket.domain.sop.SopStateMachine;
import id.siaga.ticket.domain.sop.StepCodes;
import id.siaga.ticket.repository.ServerRepository;
import id.siaga.ticket.repository.TicketEventRepository;
import id.siaga.ticket.repository.TicketReportRepository;
import id.siaga.ticket.repository.TicketRepository;
import id.siaga.ticket.repository.TicketStepRepository;
import id.siaga.ticket.service.command.IntakeCommand;
import id.siaga.ticket.service.command.ThirdPartyCommand;
import id.siaga.ticket.service.command.TransitionCommand;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Works tickets through the SOP: intake, moves between steps (decided by the ticket's
 * {@link SopStateMachine}), the step records and clocks, the SOP's own records (decision, third party,
 * agenda number), and the audit trail.
 */
@ApplicationScoped
public class TicketService {

    private final TicketRepository tickets;
    private final TicketStepRepository steps;
    private final TicketEventRepository events;
    private final ServerRepository servers;
    private final SopService sop;
    private final NumberingService numbering;
    private final StepClock stepClock;
    private final Clock clock;
    private final TicketMetrics metrics;
    private final SiagaConfig config;
    private final EscalationService escalations;
    private final KnowledgeService knowledge;
    private final TicketReportRepository reports;

    public TicketService(TicketRepository tickets, TicketStepRepository steps, TicketEventRepository events,
            ServerRepository servers, SopService sop, NumberingService numbering, StepClock stepClock,
            TicketMetrics metrics, SiagaConfig config, EscalationService escalations, KnowledgeService knowledge,
            TicketReportRepository reports, Clock clock) {
        this.reports = reports;
        this.escalations = escalations;
        this.knowledge = knowledge;
        this.tickets = tickets;
        this.steps = steps;
        this.events = events;
        this.servers = servers;
        this.sop = sop;
        this.numbering = numbering;
        this.stepClock = stepClock;
        this.clock = clock;
        this.metrics = metrics;
        this.config = config;
    }

    /**
     * Opens a ticket for a complaint (SOP step 1) under the active SOP version.
     *
     * @throws InvalidRequestException when the source is AGENT or the server does not exist
     */
    @Transactional
    public Ticket create(IntakeCommand request, Caller caller) {
        if (request.source() == TicketSource.AGENT) {
            throw new InvalidRequestException("source", "AGENT is reserved for tickets opened from probe findings; "
                    + "use PHONE, WALK_IN, LETTER or MESSAGE");
        }
        if (request.serverId() != null && servers.findByIdOptional(request.serverId()).isEmpty()) {
            throw new InvalidRequestException("serverId", "there is no server with id " + request.serverId());
        }
        Ticket ticket = new Ticket();
        ticket.source = request.source();
        ticket.reporterName = request.reporterName().trim();
        ticket.reporterContact = trimToNull(request.reporterContact());
        ticket.serverId = request.serverId();
        ticket.application = request.application();
        ticket.title = request.title().trim();
        ticket.description = request.description().trim();
        ticket.severity = request.severity();
        return open(ticket, caller.username(), "Complaint received by " + request.source().name().toLowerCase().replace('_', ' '));
    }

    /**
     * Numbers and stores a new ticket at the SOP's start step with its first step record and audit event.
     * The caller fills in what the ticket is about.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Ticket open(Ticket ticket, String actor, String note) {
        return open(ticket, actor, note, null);
    }

    /**
     * As {@link #open(Ticket, String, String)}; with {@code deferred} the ticket's number is taken later, by
     * {@link #assignNumbers}, which the caller must run before its transaction commits.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Ticket open(Ticket ticket, String actor, String note, DeferredNumbers deferred) {
        Instant now = clock.instant();
        long versionId = sop.activeId();
        SopStateMachine machine = sop.machine(versionId);
        int year = now.atZone(config.zone()).getYear();
        ticket.number = deferred == null ? ticketNumber(year, numbering.next(NumberingService.TICKET, year))
                : deferred.provisional();
        ticket.sopVersionId = versionId;
        ticket.state = TicketState.OPEN;
        ticket.round = 1;
        ticket.createdAt = now;
        ticket.createdBy = actor;
        ticket.updatedAt = now;
        String start = machine.startStep();
        ticket.step = start;
        ticket.stepStartedAt = now;
        tickets.persist(ticket);
        TicketStep first = startStep(ticket, machine, start, 1, now);
        ticket.dueAt = first.dueAt;
        record(ticket, now, actor, TicketEventType.CREATED, null, start, note);
        metrics.opened(ticket);
        if (deferred != null) {
            deferred.add(ticket);
        }
        return ticket;
    }

    /**
     * Numbers the tickets opened with {@code deferred}, in the order they were opened: one counter statement per
     * year of opening and one update of the tickets. The counter row stays locked until the transaction ends.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void assignNumbers(DeferredNumbers deferred) {
        if (deferred.isEmpty()) {
            return;
        }
        tickets.flush();
        Map<Integer, List<Ticket>> byYear = new TreeMap<>();
        for (Ticket ticket : deferred.tickets()) {
            byYear.computeIfAbsent(ticket.createdAt.atZone(config.zone()).getYear(), y -> new ArrayList<>()).add(ticket);
        }
        List<Ticket> numbered = new ArrayList<>();
        byYear.forEach((year, opened) -> {
            int seq = numbering.next(NumberingService.TICKET, year, opened.size());
            for (Ticket ticket : opened) {
                ticket.number = ticketNumber(year, seq++);
                numbered.add(ticket);
            }
        });
        StringBuilder sql = new StringBuilder("update ticket t set number = v.number from (values ");
        for (int i = 0; i < numbered.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(cast(?").append(2 * i + 1).append(" as bigint), cast(?")
                    .append(2 * i + 2).append(" as varchar))");
        }
        sql.append(") as v(id, number) where t.id = v.id");
        var update = tickets.getEntityManager().createNativeQuery(sql.toString());
        for (int i = 0; i < numbered.size(); i++) {
            update.setParameter(2 * i + 1, numbered.get(i).id).setParameter(2 * i + 2, numbered.get(i).number);
        }
        int updated = update.executeUpdate();
        if (updated != numbered.size()) {
            throw new IllegalStateException("numbered " + updated + " of " + numbered.size() + " tickets");
        }
        deferred.tickets().clear();
    }

    private String ticketNumber(int year, int seq) {
        return String.format("%s-%d-%06d", config.ticketPrefix(), year, seq);
    }

    public Ticket get(long id) {
        return tickets.findByIdOptional(id)
                .orElseThrow(() -> new ResourceNotFoundException("There is no ticket with id " + id + "."));
    }

    public PanacheQuery<Ticket> search(TicketRepository.Filter filter, int page, int size) {
        return tickets.search(filter, clock.instant(), page, size);
    }

    /** @return how many tickets match the filter */
    public long count(TicketRepository.Filter filter) {
        return tickets.count(filter, clock.instant());
    }

    public List<TicketStep> steps(long ticketId) {
        return steps.listForTicket(ticketId);
    }

    public List<TicketEvent> events(long ticketId) {
        get(ticketId);
        return events.listForTicket(ticketId);
    }

    /** @return the state machine of the SOP version the ticket started under */
    public SopStateMachine machineOf(Ticket ticket) {
        return sop.machine(ticket.sopVersionId);
    }

    /**
     * Completes the ticket's current step and moves it on, as the SOP allows and the caller's role permits.
     *
     * @throws ResourceNotFoundException    when the ticket does not exist
     * @throws InvalidRequestException      when the target is not a step of the ticket's SOP, or data the
     *                                      move needs is missing (a third party, a cancellation reason)
     * @throws id.siaga.ticket.domain.IllegalTransitionException   when the SOP does not allow the move
     * @throws id.siaga.ticket.domain.TransitionForbiddenException when the caller's role may not make it
     * @throws ConflictException            when the ticket named by duplicateOf is closed, cancelled or a duplicate
     */
    @Transactional
    public Ticket transition(long id, TransitionCommand request, Caller caller) {
        Long duplicateOf = request.duplicateOf();
        if (duplicateOf != null && duplicateOf < id) {
            // both tickets are locked, the lower id first, so that two cancellations naming each other cannot deadlock
            tickets.findForUpdate(duplicateOf);
        }
        Ticket ticket = tickets.findForUpdate(id)
                .orElseThrow(() -> new ResourceNotFoundException("There is no ticket with id " + id + "."));
        SopStateMachine machine = machineOf(ticket);
        String from = ticket.step;
        String to = request.to().trim();
        if (duplicateOf != null && !StepCodes.CANCELLED.equals(to)) {
            throw new InvalidRequestException("duplicateOf", "is only for a move to CANCELLED (cancelling a duplicate)");
        }
        if (!machine.knows(to)) {
            throw new InvalidRequestException("to", "'" + to + "' is not a step of SOP " + machine.document().number()
                    + "; steps that may follow " + from + ": " + String.join(", ", machine.nextSteps(from)));
        }
        machine.check(from, to, caller.roles());
        requireWhatTheMoveNeeds(machine.move(from, to), request);
        Ticket survivor = duplicateOf == null ? null : survivor(ticket, duplicateOf);
        advance(ticket, machine, to, request.output(), request.remark(), request.thirdParty(), caller);
        if (survivor != null) {
            mergeInto(ticket, survivor, caller);
        }
        return ticket;
    }

    /**
     * @return the open ticket a ticket being cancelled duplicates, locked
     * @throws InvalidRequestException when it is the ticket itself or does not exist
     * @throws ConflictException       when it is closed, cancelled, or itself a duplicate
     */
    private Ticket survivor(Ticket duplicate, long survivorId) {
        if (survivorId == duplicate.id) {
            throw new InvalidRequestException("duplicateOf", "names the ticket being cancelled; a ticket cannot be a "
                    + "duplicate of itself");
        }
        Ticket survivor = tickets.findForUpdate(survivorId)
                .orElseThrow(() -> new InvalidRequestException("duplicateOf", "there is no ticket with id " + survivorId));
        if (survivor.duplicateOf != null) {
            throw new ConflictException("Ticket " + survivor.number + " is itself a duplicate (of ticket id "
                    + survivor.duplicateOf + "); name that ticket instead.");
        }
        if (!survivor.isOpen()) {
            throw new ConflictException("Ticket " + survivor.number + " is " + survivor.state.name().toLowerCase()
                    + "; a duplicate can only be linked to an open ticket.");
        }
        return survivor;
    }

    /**
     * Moves the linked reports of a ticket just cancelled as a duplicate, and its own complaint as a report (not an
     * agent's ticket: that is no complaint), to the surviving ticket, with an audit event on each.
     */
    private void mergeInto(Ticket duplicate, Ticket survivor, Caller caller) {
        Instant now = clock.instant();
        int moved = reports.move(duplicate.id, survivor.id);
        if (duplicate.source != TicketSource.AGENT) {
            TicketReport complaint = new TicketReport();
            complaint.ticketId = survivor.id;
            complaint.originTicketId = duplicate.id;
            complaint.source = duplicate.source;
            complaint.reporterName = duplicate.reporterName;
            complaint.reporterContact = duplicate.reporterContact;
            complaint.note = duplicate.title + " — " + duplicate.description;
            complaint.receivedAt = duplicate.createdAt;
            complaint.recordedBy = duplicate.createdBy;
            reports.persist(complaint);
            moved++;
        }
        duplicate.duplicateOf = survivor.id;
        survivor.updatedAt = now;
        record(duplicate, now, caller.username(), TicketEventType.MARKED_DUPLICATE, duplicate.step, duplicate.step,
                "Duplicate of " + survivor.number + "; " + moved + " report(s) moved there");
        record(survivor, now, caller.username(), TicketEventType.DUPLICATE_MERGED, survivor.step, survivor.step,
                duplicate.number + " cancelled as a duplicate of this ticket; " + moved + " report(s) moved here");
    }

    /**
     * Completes the ticket's current step with its output and starts the next one (or ends the ticket),
     * keeping the SOP's records. The caller has checked that the move is legal and permitted.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Ticket advance(Ticket ticket, SopStateMachine machine, String to, String output, String note,
            ThirdPartyCommand thirdParty, Caller caller) {
        String from = ticket.step;
        Move move = machine.move(from, to);
        Instant now = clock.instant();
        TicketStep current = completeStep(ticket, machine, output, caller, now);
        if (ticket.assignee == null && caller.person() && caller.roles().stream().anyMatch(Role::worksTickets)) {
            ticket.assignee = caller.username();
        }
        if (move.decision() != null) {
            recordDecision(ticket, move, current);
        }
        if (move.leavesThirdParty()) {
            finishThirdParty(ticket, thirdParty, caller, now);
        }
        if (move.startsAnotherRound()) {
            ticket.round++;
        }
        String remark = trimToNull(note);
        String type = TicketEventType.TRANSITION;
        if (move.ends()) {
            remark = end(ticket, move, remark, now);
            type = move.cancels() ? TicketEventType.CANCELLED : TicketEventType.CLOSED;
        } else {
            startNext(ticket, machine, move, current.seq + 1, thirdParty, caller, now);
        }
        ticket.step = to;
        ticket.updatedAt = now;
        record(ticket, now, caller.username(), type, from, to, remark);
        if (ticket.state == TicketState.CLOSED) {
            // the finished repair joins the knowledge of past repairs in this same transaction
            tickets.flush();
            knowledge.recordClosed(ticket.id);
        }
        metrics.transition(from, to);
        return ticket;
    }

    /** @return the ticket's current step record, now ended with its output */
    private TicketStep completeStep(Ticket ticket, SopStateMachine machine, String output, Caller caller, Instant now) {
        TicketStep current = ticket.startedStepRecord();
        if (current == null || current.endedAt != null || !steps.isPersistent(current)) {
            current = steps.findCurrent(ticket.id)
                    .orElseThrow(() -> new IllegalStateException("ticket " + ticket.number + " has no open step record"));
        }
        current.endedAt = now;
        current.actor = caller.username();
        current.output = trimToNull(output);
        metrics.stepCompleted(current, machine.minDuration(ticket.step).orElse(null),
                machine.maxDuration(ticket.step).orElse(null));
        return current;
    }

    /** Keeps the decision (YES / NO); a NO is escalated to the JF ADB. */
    private void recordDecision(Ticket ticket, Move move, TicketStep decided) {
        ticket.decision = move.decision();
        if (move.decidesNo()) {
            escalations.raise(new EscalationService.Draft(EscalationKey.step(ticket.id, decided.seq),
                    EscalationReason.DECISION_NO, 1, Role.JF_ADB, ticket.id, ticket.serverId, move.from(), decided.seq,
                    null, "Tiket " + ticket.number + ": keputusan \"Tidak\" — software belum berfungsi baik ("
                            + ticket.title + ")"));
        }
    }

    /** The third party has repaired: an approval still missing is given by whoever records the repair. */
    private void finishThirdParty(Ticket ticket, ThirdPartyCommand thirdParty, Caller caller, Instant now) {
        ticket.thirdPartyRepairedAt = now;
        if (ticket.thirdPartyApprovedBy == null) {
            ticket.thirdPartyApprovedBy = caller.username();
            ticket.thirdPartyApprovedAt = now;
            escalations.acknowledgeForTicket(ticket.id, EscalationReason.THIRD_PARTY, caller.username());
        }
        updateThirdParty(ticket, thirdParty);
    }

    /** Ends the ticket, cancelled or closed (numbered in the agenda when the SOP's agenda step closes it). */
    private String end(Ticket ticket, Move move, String remark, Instant now) {
        if (move.cancels()) {
            ticket.state = TicketState.CANCELLED;
            ticket.cancelReason = remark;
        } else {
            if (move.assignsAgendaNumber()) {
                int year = now.atZone(config.zone()).getYear();
                int seq = numbering.next(NumberingService.AGENDA, year);
                ticket.agendaNumber = String.format("%03d/%s/%d", seq, config.agendaUnit(), year);
                remark = remark == null ? "Agenda " + ticket.agendaNumber : remark + " (agenda " + ticket.agendaNumber + ")";
            }
            ticket.state = TicketState.CLOSED;
            ticket.endState = config.endState();
        }
        ticket.closedAt = now;
        ticket.dueAt = null;
        return remark;
    }

    /** Starts the next step's record and clock; a move to a third party waits for the Kabid's approval. */
    private void startNext(Ticket ticket, SopStateMachine machine, Move move, int seq, ThirdPartyCommand thirdParty,
            Caller caller, Instant now) {
        if (move.entersThirdParty()) {
            ticket.thirdPartyName = thirdParty.name().trim();
            ticket.thirdPartyContact = null;
            ticket.thirdPartyReference = null;
            ticket.thirdPartyRepairedAt = null;
            ticket.thirdPartyApprovedBy = null;
            ticket.thirdPartyApprovedAt = null;
            updateThirdParty(ticket, thirdParty);
            ticket.thirdPartyContactedAt = now;
            if (machine.mayApproveThirdParty(caller.roles())) {
                ticket.thirdPartyApprovedBy = caller.username();
                ticket.thirdPartyApprovedAt = now;
            }
        }
        TicketStep next = startStep(ticket, machine, move.to(), seq, now);
        ticket.dueAt = next.dueAt;
        ticket.stepStartedAt = now;
        if (move.entersThirdParty()) {
            escalations.raise(new EscalationService.Draft(EscalationKey.step(ticket.id, next.seq),
                    EscalationReason.THIRD_PARTY, 1, Role.KABID, ticket.id, ticket.serverId, move.to(), next.seq, null,
                    "Tiket " + ticket.number + ": perbaikan oleh pihak ketiga (" + ticket.thirdPartyName
                            + ") perlu persetujuan Kabid"));
            if (ticket.thirdPartyApprovedBy != null) {
                escalations.acknowledgeForTicket(ticket.id, EscalationReason.THIRD_PARTY, caller.username());
            }
        }
    }

    /**
     * The Kabid approves the third-party repair of a ticket at that step (SOP: the Kabid decides on third-party
     * repair).
     *
     * @throws id.siaga.ticket.domain.TransitionForbiddenException when the caller is no Kabid
     * @throws ConflictException when the ticket is not at a third-party repair, or it is approved already
     */
    @Transactional
    public Ticket approveThirdParty(long id, String note, Caller caller) {
        Ticket ticket = tickets.findForUpdate(id)
                .orElseThrow(() -> new ResourceNotFoundException("There is no ticket with id " + id + "."));
        SopStateMachine machine = machineOf(ticket);
        machine.checkApproval(caller.roles());
        if (!machine.isThirdPartyStep(ticket.step)) {
            throw new ConflictException("Ticket " + ticket.number + " is at " + ticket.step
                    + ", not at THIRD_PARTY_REPAIR; there is no third-party repair to approve.");
        }
        if (ticket.thirdPartyApprovedBy != null) {
            throw new ConflictException("The third-party repair of " + ticket.number + " was already approved by "
                    + ticket.thirdPartyApprovedBy + ".");
        }
        Instant now = clock.instant();
        ticket.thirdPartyApprovedBy = caller.username();
        ticket.thirdPartyApprovedAt = now;
        escalations.acknowledgeForTicket(ticket.id, EscalationReason.THIRD_PARTY, caller.username());
        ticket.updatedAt = now;
        record(ticket, now, caller.username(), TicketEventType.THIRD_PARTY_APPROVED, ticket.step, ticket.step,
                trimToNull(note) == null ? "Third-party repair by " + ticket.thirdPartyName + " approved" : note.trim());
        return ticket;
    }

    /**
     * Writes, changes or (with blank text) removes what the public status page says about the ticket's incident, and
     * records it in the audit trail. Nothing is recorded when the text does not change.
     *
     * @throws ResourceNotFoundException when the ticket does not exist
     * @throws ConflictException         when the ticket is closed or cancelled
     */
    @Transactional
    public Ticket setPublicSummary(long id, String text, Caller caller) {
        Ticket ticket = tickets.findForUpdate(id)
                .orElseThrow(() -> new ResourceNotFoundException("There is no ticket with id " + id + "."));
        if (!ticket.isOpen()) {
            throw new ConflictException("Ticket " + ticket.number + " is " + ticket.step
                    + "; the public summary of a finished incident can no longer change.");
        }
        String summary = trimToNull(text);
        if (java.util.Objects.equals(summary, ticket.publicSummary)) {
            return ticket;
        }
        Instant now = clock.instant();
        ticket.publicSummary = summary;
        ticket.publicSummaryAt = summary == null ? null : now;
        ticket.updatedAt = now;
        record(ticket, now, caller.username(), TicketEventType.PUBLIC_SUMMARY, ticket.step, ticket.step,
                summary == null ? "Public summary removed" : summary);
        return ticket;
    }

    /** Appends an audit event for the ticket. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Ticket ticket, Instant at, String actor, String type, String from, String to, String note) {
        record(ticket.id, at, actor, type, from, to, note);
    }

    /** Appends an audit event for the ticket with that id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(long ticketId, Instant at, String actor, String type, String from, String to, String note) {
        TicketEvent event = new TicketEvent();
        event.ticketId = ticketId;
        event.at = at;
        event.actor = actor;
        event.type = type;
        event.fromStep = from;
        event.toStep = to;
        event.note = note;
        events.persist(event);
    }

    /** @return whether a step record is (or was) past its due time */
    public static boolean isOverdue(TicketStep step, Instant now) {
        if (step.dueAt == null) {
            return false;
        }
        Instant end = step.endedAt == null ? now : step.endedAt;
        return end.isAfter(step.dueAt);
    }

    private TicketStep startStep(Ticket ticket, SopStateMachine machine, String code, int seq, Instant now) {
        TicketStep step = new TicketStep();
        step.ticketId = ticket.id;
        step.seq = seq;
        step.code = code;
        step.startedAt = now;
        Duration standard = machine.maxDuration(code).orElse(null);
        step.dueAt = standard == null ? null : stepClock.dueAt(ticket.serverId, ticket.severity, now, standard);
        steps.persist(step);
        ticket.rememberStartedStep(step);
        return step;
    }

    private static void requireWhatTheMoveNeeds(Move move, TransitionCommand request) {
        if (move.cancels() && trimToNull(request.remark()) == null) {
            throw new InvalidRequestException("note", "a reason is required to cancel a ticket "
                    + "(e.g. opened in error, duplicate of another ticket)");
        }
        if (move.entersThirdParty()
                && (request.thirdParty() == null || trimToNull(request.thirdParty().name()) == null)) {
            throw new InvalidRequestException("thirdParty.name", "the third party contacted is required when "
                    + "moving to THIRD_PARTY_REPAIR");
        }
    }

    private static void updateThirdParty(Ticket ticket, ThirdPartyCommand thirdParty) {
        if (thirdParty == null) {
            return;
        }
        if (trimToNull(thirdParty.contact()) != null) {
            ticket.thirdPartyContact = thirdParty.contact().trim();
        }
        if (trimToNull(thirdParty.reference()) != null) {
            ticket.thirdPartyReference = thirdParty.reference().trim();
        }
    }

    private static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
