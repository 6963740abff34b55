package id.siaga.ticket.i18n;

import id.siaga.ticket.domain.Application;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.domain.ServerRole;
import id.siaga.ticket.domain.Severity;
import id.siaga.ticket.domain.TicketEventType;
import id.siaga.ticket.domain.TicketSource;
import id.siaga.ticket.domain.sop.SopStateMachine;
import id.siaga.ticket.domain.sop.SopStep;
import id.siaga.ticket.domain.sop.StepCodes;
import id.siaga.ticket.status.LineState;
import id.siaga.ticket.domain.CheckStatus;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The words for codes shown on the pages and in Telegram notices: roles, sources, statuses, steps (from the SOP data),
 * events.
 */
public final class Labels {

    private final WebMessages msg;
    private final Language language;

    public Labels(WebMessages msg, Language language) {
        this.msg = msg;
        this.language = language;
    }

    public String role(Role role) {
        return switch (role) {
            case ADMIN -> msg.roleAdmin();
            case VIEWER -> msg.roleViewer();
            case ADB -> msg.roleAdb();
            case JF_ADB -> msg.roleJfAdb();
            case KASI -> msg.roleKasi();
            case KABID -> msg.roleKabid();
        };
    }

    /** @return a role named in the SOP data, or the name itself when unknown */
    public String role(String name) {
        Role role = Role.parse(name);
        return role == null ? String.valueOf(name) : role(role);
    }

    public String source(TicketSource source) {
        return switch (source) {
            case PHONE -> msg.sourcePhone();
            case WALK_IN -> msg.sourceWalkIn();
            case LETTER -> msg.sourceLetter();
            case MESSAGE -> msg.sourceMessage();
            case AGENT -> msg.sourceAgent();
        };
    }

    public String application(Application application) {
        return switch (application) {
            case SIAK -> msg.appSiak();
            case KTP_EL -> msg.appKtpEl();
            case OTHER -> msg.appOther();
        };
    }

    public String severity(Severity severity) {
        return switch (severity) {
            case LOW -> msg.severityLow();
            case MEDIUM -> msg.severityMedium();
            case HIGH -> msg.severityHigh();
            case CRITICAL -> msg.severityCritical();
        };
    }

    public String serverRole(ServerRole role) {
        return switch (role) {
            case SIAK_APP -> msg.serverRoleSiakApp();
            case SIAK_DB -> msg.serverRoleSiakDb();
            case KTPEL -> msg.serverRoleKtpel();
            case NETWORK -> msg.serverRoleNetwork();
            case OTHER -> msg.serverRoleOther();
        };
    }

    /** @return the words for a check status; null (no report yet) has its own words */
    public String status(String status) {
        if (status == null) {
            return msg.statusNone();
        }
        return switch (CheckStatus.valueOf(status)) {
            case OK -> msg.statusOk();
            case WARN -> msg.statusWarn();
            case CRIT -> msg.statusCrit();
            case UNKNOWN -> msg.statusUnknown();
        };
    }

    /** @return the step's name in the page language from the ticket's SOP, with its number: "2. Melakukan pemeriksaan" */
    public String step(SopStateMachine machine, String code) {
        if (StepCodes.CLOSED.equals(code)) {
            return msg.stepClosed();
        }
        if (StepCodes.CANCELLED.equals(code)) {
            return msg.stepCancelled();
        }
        return machine.step(code).map(this::step).orElse(code);
    }

    /** @return the step's number and name in the page language */
    public String step(SopStep step) {
        return step.no() + ". " + stepName(step);
    }

    /** @return the step's name in the page language, without its number */
    public String stepName(SopStep step) {
        return language == Language.EN ? step.nameEn() : step.nameId();
    }

    public String event(String type) {
        return switch (type) {
            case TicketEventType.CREATED -> msg.eventCreated();
            case TicketEventType.TRANSITION -> msg.eventTransition();
            case TicketEventType.CLOSED -> msg.eventClosed();
            case TicketEventType.CANCELLED -> msg.eventCancelled();
            case TicketEventType.THIRD_PARTY_APPROVED -> msg.eventThirdPartyApproved();
            case TicketEventType.RECOVERED -> msg.eventRecovered();
            case TicketEventType.RECHECK_REQUESTED -> msg.eventRecheckRequested();
            case TicketEventType.RECHECK_RESULT -> msg.eventRecheckResult();
            case TicketEventType.FLAPPING -> msg.eventFlapping();
            case TicketEventType.REPORT_LINKED, TicketEventType.MARKED_DUPLICATE, TicketEventType.DUPLICATE_MERGED ->
                    linkEvent(type);
            case TicketEventType.ESCALATION_ACKNOWLEDGED -> msg.eventEscalationAcknowledged();
            case TicketEventType.AGENT_WALK_STOPPED -> msg.eventAgentWalkStopped();
            default -> type;
        };
    }

    private String linkEvent(String type) {
        LinkMessages lnk = MessageBundles.get(LinkMessages.class, Localized.Literal.of(language.tag()));
        return switch (type) {
            case TicketEventType.REPORT_LINKED -> lnk.eventReportLinked();
            case TicketEventType.MARKED_DUPLICATE -> lnk.eventMarkedDuplicate();
            default -> lnk.eventDuplicateMerged();
        };
    }

    public String evidence(String kind) {
        return switch (kind) {
            case "FAILURE" -> msg.evidenceFailure();
            case "RECOVERY" -> msg.evidenceRecovery();
            case "RECHECK" -> msg.evidenceRecheck();
            case "FLAPPING" -> msg.evidenceFlapping();
            default -> kind;
        };
    }

    /** @return the state of a line of the public status page in its words */
    public static String lineState(LineState state, StatusMessages sts) {
        return switch (state) {
            case OPERATIONAL -> sts.stateOperational();
            case PARTIAL_OUTAGE -> sts.statePartialOutage();
            case MAJOR_OUTAGE -> sts.stateMajorOutage();
            case MAINTENANCE -> sts.stateMaintenance();
        };
    }

    /** @return the outcome of the decision step (YES / NO) in words, or a dash */
    public String decision(String decision) {
        if (StepCodes.YES.equals(decision)) {
            return msg.decisionYes();
        }
        if (StepCodes.NO.equals(decision)) {
            return msg.decisionNo();
        }
        return Formats.NONE;
    }
}
