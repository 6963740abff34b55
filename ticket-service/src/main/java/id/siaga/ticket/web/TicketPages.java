package id.siaga.ticket.web;

import id.siaga.ticket.config.WebConfig;
import id.siaga.ticket.domain.Application;
import id.siaga.ticket.domain.ConflictException;
import id.siaga.ticket.domain.IllegalTransitionException;
import id.siaga.ticket.domain.InvalidRequestException;
import id.siaga.ticket.domain.ResourceNotFoundException;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.domain.Severity;
import id.siaga.ticket.domain.Ticket;
import id.siaga.ticket.domain.TicketSource;
import id.siaga.ticket.domain.TransitionForbiddenException;
import id.siaga.ticket.domain.sop.FieldError;
import id.siaga.ticket.domain.sop.StepCodes;
import id.siaga.ticket.http.WebPage;
import id.siaga.ticket.i18n.WebMessages;
import id.siaga.ticket.ingest.RecheckService;
import id.siaga.ticket.knowledge.KnowledgeService;
import id.siaga.ticket.rest.dto.CreateTicketRequest;
import id.siaga.ticket.rest.dto.PublicSummaryRequest;
import id.siaga.ticket.rest.dto.ThirdPartyRequest;
import id.siaga.ticket.rest.dto.TransitionRequest;
import id.siaga.ticket.service.AuditVerifier;
import id.siaga.ticket.service.TicketService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The ticket pages: the list by step with each clock against its standard, complaint intake, and one ticket
 * with its SOP timeline and the forms for the moves the signed-in person may make. Forms post, then redirect
 * (post/redirect/get); a refused form is shown again with the reason next to the field, and nothing is saved.
 */
@Path(TicketPages.PATH)
@WebPage
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.NAME_ADMIN, Role.NAME_VIEWER, Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
public class TicketPages {

    /** The ticket list path. */
    public static final String PATH = "/tiket";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page page, TicketListView list);

        static native TemplateInstance intake(Page page, IntakeView intake, RelatedTicketsView related);

        static native TemplateInstance detail(Page page, TicketView ticket, TransitionForm form, FormErrors errors,
                boolean auditIntact, List<KnowledgePages.SuggestionView> suggestions, LinkedReportsView links,
                String publicSummary);
    }

    private final PageContext context;
    private final TicketViews views;
    private final TicketService tickets;
    private final RecheckService rechecks;
    private final Validator validator;
    private final WebConfig config;
    private final AuditVerifier audit;
    private final KnowledgeService knowledge;
    private final KnowledgePages knowledgePages;
    private final LinkedReportViews links;

    public TicketPages(PageContext context, TicketViews views, TicketService tickets, RecheckService rechecks,
            Validator validator, WebConfig config, AuditVerifier audit, KnowledgeService knowledge,
            KnowledgePages knowledgePages, LinkedReportViews links) {
        this.links = links;
        this.audit = audit;
        this.knowledge = knowledge;
        this.knowledgePages = knowledgePages;
        this.context = context;
        this.views = views;
        this.tickets = tickets;
        this.rechecks = rechecks;
        this.validator = validator;
        this.config = config;
    }

    @GET
    public TemplateInstance list(@RestQuery("langkah") String step, @RestQuery("status") String state,
            @RestQuery("server") String server, @RestQuery("terlambat") String overdue) {
        TicketListView list = views.list(step, state, id(server), overdue != null && !overdue.isBlank(),
                config.ticketListLimit());
        return context.localized(Templates.list(context.page(context.msg().ticketsTitle(), "tickets", PATH), list));
    }

    @GET
    @Path("baru")
    @RolesAllowed({Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
    public TemplateInstance intakeForm() {
        return intakePage(IntakeForm.blank(), FormErrors.none());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
    public Response intake(@BeanParam IntakeForm form) {
        WebMessages msg = context.msg();
        FormErrors errors = FormErrors.none();
        TicketSource source = choice(TicketSource.class, form.source, errors, "source");
        if (source == TicketSource.AGENT) {
            errors.add("source", msg.errorChoose());
        }
        Application application = choice(Application.class, form.application, errors, "application");
        Severity severity = choice(Severity.class, form.severity, errors, "severity");
        Long serverId = null;
        if (form.serverId != null && !form.serverId.isBlank()) {
            serverId = id(form.serverId);
            if (serverId == null) {
                errors.add("serverId", msg.errorChoose());
            }
        }
        CreateTicketRequest request = new CreateTicketRequest(source, trim(form.reporterName), trim(form.reporterContact),
                serverId, application, trim(form.title), trim(form.description), severity);
        errors.addViolations(validator.validate(request), field -> field, msg);
        if (errors.any()) {
            return Response.status(400).entity(intakePage(form, errors.general(msg.errorFixFields()))).build();
        }
        try {
            Ticket ticket = tickets.create(request.command(), context.caller());
            return Response.seeOther(URI.create(PATH + "/" + ticket.id + "?" + PageContext.NOTICE + "=created")).build();
        } catch (InvalidRequestException e) {
            for (FieldError field : e.errors()) {
                errors.add(field.field(), "serverId".equals(field.field()) ? msg.errorUnknownServer() : field.message());
            }
            return Response.status(422).entity(intakePage(form, errors.general(msg.errorFixFields()))).build();
        }
    }

    @GET
    @Path("{id: [0-9]+}")
    public TemplateInstance ticket(@PathParam("id") long id) {
        return detail(id, TransitionForm.empty(), FormErrors.none());
    }

    /**
     * Completes the current step and moves the ticket on; one endpoint for the main form (its buttons name the
     * next step), the third-party form and the cancellation form.
     */
    @POST
    @Path("{id: [0-9]+}/langkah")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
    public Response move(@PathParam("id") long id, @RestForm String form, @RestForm String to, @RestForm String output,
            @RestForm String note, @RestForm String thirdPartyName, @RestForm String thirdPartyContact,
            @RestForm String thirdPartyReference, @RestForm String duplicateOf) {
        WebMessages msg = context.msg();
        TransitionForm typed = new TransitionForm(form == null ? TransitionForm.MAIN : form, output, note, thirdPartyName,
                thirdPartyContact, thirdPartyReference);
        Long duplicate = LinkedReportViews.id(duplicateOf);
        ThirdPartyRequest thirdParty = null;
        if (typed.is(TransitionForm.THIRD_PARTY) || StepCodes.THIRD_PARTY_REPAIR.equals(to)) {
            thirdParty = new ThirdPartyRequest(trim(thirdPartyName), trim(thirdPartyContact), trim(thirdPartyReference));
        } else if (trim(thirdPartyReference) != null || trim(thirdPartyContact) != null) {
            thirdParty = new ThirdPartyRequest(null, trim(thirdPartyContact), trim(thirdPartyReference));
        }
        TransitionRequest request = new TransitionRequest(to == null ? "" : to.trim(), trim(output), trim(note), thirdParty,
                null, duplicate);
        FormErrors errors = FormErrors.none().addViolations(validator.validate(request), TicketPages::formField, msg);
        if (duplicate == null && trim(duplicateOf) != null) {
            errors.add("duplicateOf", context.lnk().errorDuplicateChoice());
        }
        if (errors.any()) {
            return refused(id, typed, errors.general(msg.errorFixFields()), 400);
        }
        try {
            tickets.transition(id, request.command(), context.caller());
            return Response.seeOther(URI.create(PATH + "/" + id + "?" + PageContext.NOTICE + "=moved")).build();
        } catch (InvalidRequestException e) {
            for (FieldError field : e.errors()) {
                errors.add(formField(field.field()), switch (field.field()) {
                    case "note" -> msg.errorCancelReason();
                    case "thirdParty.name" -> msg.errorThirdPartyName();
                    case "duplicateOf" -> context.lnk().errorDuplicateChoice();
                    default -> field.message();
                });
            }
            return refused(id, typed, errors.general(msg.errorFixFields()), 422);
        } catch (IllegalTransitionException e) {
            return refused(id, typed, errors.general(msg.errorIllegalMove()), 409);
        } catch (TransitionForbiddenException e) {
            return refused(id, typed, errors.general(msg.errorNotYourStep()), 403);
        } catch (ConflictException e) {
            return refused(id, typed, errors.general(context.lnk().errorDuplicateTarget()), 409);
        } catch (OptimisticLockException | PessimisticLockException e) {
            return refused(id, typed, errors.general(msg.errorChangedMeanwhile()), 409);
        }
    }

    /** The Kabid approves the third-party repair (SOP step 11). */
    @POST
    @Path("{id: [0-9]+}/persetujuan")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.NAME_KABID)
    public Response approve(@PathParam("id") long id) {
        try {
            tickets.approveThirdParty(id, null, context.caller());
            return Response.seeOther(URI.create(PATH + "/" + id + "?" + PageContext.NOTICE + "=approved")).build();
        } catch (ConflictException e) {
            return refused(id, TransitionForm.empty(), FormErrors.none().general(context.msg().errorChangedMeanwhile()), 409);
        }
    }

    /** Writes (or, empty, removes) what the public status page says about the ticket's incident. */
    @POST
    @Path("{id: [0-9]+}/ringkasan-publik")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
    public Response publicSummary(@PathParam("id") long id, @RestForm String publicSummary) {
        String text = publicSummary == null ? "" : publicSummary;
        if (text.strip().length() > PublicSummaryRequest.MAX_LENGTH) {
            return refused(id, TransitionForm.empty(), FormErrors.none()
                    .add("publicSummary", context.msg().errorTooLong(String.valueOf(PublicSummaryRequest.MAX_LENGTH)))
                    .general(context.msg().errorFixFields()), 400, text);
        }
        try {
            tickets.setPublicSummary(id, text, context.caller());
            return Response.seeOther(URI.create(PATH + "/" + id + "?" + PageContext.NOTICE + "=summary")).build();
        } catch (ConflictException e) {
            return refused(id, TransitionForm.empty(), FormErrors.none().general(context.msg().errorChangedMeanwhile()), 409);
        }
    }

    /** Asks the ticket's server agent to run its checks again ("cek ulang", SOP step 6). */
    @POST
    @Path("{id: [0-9]+}/cek-ulang")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
    public Response recheck(@PathParam("id") long id) {
        try {
            rechecks.forTicket(id, context.caller());
            return Response.seeOther(URI.create(PATH + "/" + id + "?" + PageContext.NOTICE + "=recheck")).build();
        } catch (InvalidRequestException e) {
            return refused(id, TransitionForm.empty(), FormErrors.none().general(context.msg().errorNoServer()), 422);
        }
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ErrorPage.forbidden(context, uri.getPath());
    }

    @ServerExceptionMapper
    public Response notFound(ResourceNotFoundException e, UriInfo uri) {
        return ErrorPage.notFound(context, PATH);
    }

    private TemplateInstance intakePage(IntakeForm form, FormErrors errors) {
        Page page = context.page(context.msg().intakeTitle(), "intake", PATH + "/baru");
        return context.localized(Templates.intake(page, views.intake(form, errors),
                links.related(form.application, form.serverId)));
    }

    private TemplateInstance detail(long id, TransitionForm form, FormErrors errors) {
        return detail(id, form, errors, LinkForm.empty(), null);
    }

    /** @param typedSummary the public summary as typed into a refused form, or null to show the ticket's own */
    private TemplateInstance detail(long id, TransitionForm form, FormErrors errors, LinkForm linkForm,
            String typedSummary) {
        TicketView ticket = views.detail(id);
        Page page = context.page(context.msg().ticketTitle(ticket.number()), "tickets", PATH + "/" + id);
        boolean auditIntact = audit.firstInvalidEventOfTicket(id) == null;
        Ticket entity = tickets.get(id);
        List<KnowledgePages.SuggestionView> suggestions = entity.isOpen() && KnowledgeService.SUGGESTING_STEPS.contains(entity.step)
                ? knowledgePages.views(knowledge.suggestionsFor(entity)) : null;
        return context.localized(Templates.detail(page, ticket, form, errors, auditIntact, suggestions,
                links.forTicket(entity, linkForm), typedSummary != null ? typedSummary : entity.publicSummary));
    }

    /** The ticket page again after its linked-report form was refused, with the reason next to the fields. */
    Response refused(long id, LinkForm form, FormErrors errors, int status) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(detail(id, TransitionForm.empty(), errors, form, null)).build();
    }

    private Response refused(long id, TransitionForm form, FormErrors errors, int status) {
        return refused(id, form, errors, status, null);
    }

    private Response refused(long id, TransitionForm form, FormErrors errors, int status, String typedSummary) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(detail(id, form, errors, LinkForm.empty(), typedSummary)).build();
    }

    /** @return the form field showing a property of the transition request */
    private static String formField(String property) {
        return switch (property) {
            case "thirdParty.name" -> "thirdPartyName";
            case "thirdParty.contact" -> "thirdPartyContact";
            case "thirdParty.reference" -> "thirdPartyReference";
            default -> property;
        };
    }

    private <E extends Enum<E>> E choice(Class<E> type, String value, FormErrors errors, String field) {
        if (value != null && !value.isBlank()) {
            try {
                return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // answered below
            }
        }
        errors.add(field, context.msg().errorChoose());
        return null;
    }

    private static Long id(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.trim());
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
