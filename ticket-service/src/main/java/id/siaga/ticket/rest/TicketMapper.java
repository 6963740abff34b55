package id.siaga.ticket.rest;

import id.siaga.ticket.clock.StepClock;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.domain.Ticket;
import id.siaga.ticket.domain.TicketEvent;
import id.siaga.ticket.domain.TicketStep;
import id.siaga.ticket.domain.sop.SopStateMachine;
import id.siaga.ticket.domain.sop.SopStep;
import id.siaga.ticket.ingest.FindingQuery;
import id.siaga.ticket.knowledge.KnowledgeService;
import id.siaga.ticket.repository.TicketReportRepository;
import id.siaga.ticket.rest.dto.LinkedReportResponse;
import id.siaga.ticket.rest.dto.SuggestionResponse;
import id.siaga.ticket.rest.dto.EvidenceResponse;
import id.siaga.ticket.rest.dto.StepRecordResponse;
import id.siaga.ticket.rest.dto.ThirdPartyResponse;
import id.siaga.ticket.rest.dto.TicketEventResponse;
import id.siaga.ticket.rest.dto.TicketResponse;
import id.siaga.ticket.rest.dto.TicketSummary;
import id.siaga.ticket.service.SopService;
import id.siaga.ticket.service.TicketService;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Converts tickets, their step records and events into API answers. */
@ApplicationScoped
public class TicketMapper {

    /** Evidence entries shown with a ticket; the rest is at /evidence. */
    static final int EVIDENCE_SHOWN = 20;

    private final SopService sop;
    private final FindingQuery findings;
    private final StepClock clock;
    private final KnowledgeService knowledge;
    private final TicketReportRepository reports;

    public TicketMapper(SopService sop, FindingQuery findings, StepClock clock, KnowledgeService knowledge,
            TicketReportRepository reports) {
        this.reports = reports;
        this.knowledge = knowledge;
        this.sop = sop;
        this.findings = findings;
        this.clock = clock;
    }

    public TicketSummary summary(Ticket t, Instant now) {
        return new TicketSummary(t.id, t.number, t.source, t.serverId, t.application, t.title, t.severity, t.step,
                t.state, t.isOpen(), t.assignee, t.stepStartedAt, t.dueAt, isOverdue(t, now), t.agendaNumber,
                t.createdAt, t.closedAt);
    }

    /**
     * @param roles the caller's roles, which decide {@code allowedNext}
     */
    public TicketResponse detail(Ticket t, List<TicketStep> steps, Collection<Role> roles, Instant now) {
        SopStateMachine machine = sop.machine(t.sopVersionId);
        List<StepRecordResponse> records = steps.stream().map(s -> step(t, s, machine, now)).toList();
        ThirdPartyResponse thirdParty = t.thirdPartyName == null ? null
                : new ThirdPartyResponse(t.thirdPartyName, t.thirdPartyContact, t.thirdPartyReference,
                        t.thirdPartyContactedAt, t.thirdPartyRepairedAt, t.thirdPartyApprovedBy, t.thirdPartyApprovedAt);
        List<String> allowedNext = t.isOpen() ? machine.allowedNext(t.step, roles) : List.of();
        String checkStatus = t.checkKey == null || t.serverId == null ? null : findings.status(t.serverId, t.checkKey);
        List<EvidenceResponse> evidence = t.serverId == null ? List.of()
                : findings.evidence(t.id, EVIDENCE_SHOWN).stream().map(EvidenceResponse::of).toList();
        return new TicketResponse(t.id, t.number, sopVersion(t), machine.document().number(), t.source,
                t.reporterName, t.reporterContact, t.serverId, t.application, t.checkKey, checkStatus, t.title, t.description,
                t.severity, t.step, t.state, t.isOpen(), t.assignee, t.stepStartedAt, t.dueAt, isOverdue(t, now),
                t.decision, t.round, t.agendaNumber, thirdParty, t.endState, t.cancelReason, t.createdAt, t.createdBy,
                t.updatedAt, t.closedAt, records, evidence, allowedNext,
                knowledge.suggestionsFor(t).stream().map(SuggestionResponse::of).toList(),
                reports.listForTicket(t.id).stream().map(LinkedReportResponse::of).toList(), t.duplicateOf,
                t.publicSummary);
    }

    public TicketEventResponse event(TicketEvent e) {
        return new TicketEventResponse(e.id, e.at, e.actor, e.type, e.fromStep, e.toStep, e.note);
    }

    private StepRecordResponse step(Ticket t, TicketStep s, SopStateMachine machine, Instant now) {
        SopStep def = machine.step(s.code).orElse(null);
        Instant end = s.endedAt == null ? now : s.endedAt;
        Duration counted = s.dueAt == null ? Duration.between(s.startedAt, end) : clock.counted(t.serverId, t.severity, s.startedAt, end);
        return new StepRecordResponse(s.seq, s.code, def == null ? null : def.no(), def == null ? null : def.nameId(),
                def == null ? null : def.nameEn(), def == null ? null : def.role(), s.startedAt, s.endedAt, s.actor,
                s.output, def == null ? null : def.minDuration(), def == null ? null : def.maxDuration(), s.dueAt,
                TicketService.isOverdue(s, now), Math.max(0, counted.toSeconds()));
    }

    private int sopVersion(Ticket t) {
        return sop.version(t.sopVersionId);
    }

    private static boolean isOverdue(Ticket t, Instant now) {
        return t.isOpen() && t.dueAt != null && now.isAfter(t.dueAt);
    }
}
