package id.siaga.ticket.web;

import id.siaga.ticket.domain.ConflictException;
import id.siaga.ticket.domain.InvalidRequestException;
import id.siaga.ticket.domain.ResourceNotFoundException;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.domain.TicketSource;
import id.siaga.ticket.domain.sop.FieldError;
import id.siaga.ticket.http.WebPage;
import id.siaga.ticket.i18n.WebMessages;
import id.siaga.ticket.rest.dto.LinkedReportRequest;
import id.siaga.ticket.service.LinkedReportService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.Validator;
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
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Linked reports on the pages: the fragment of open tickets the intake form shows for the chosen application and
 * server, and the form recording a further complaint on an open ticket, posted from the ticket page or from the
 * intake form (its button on an open ticket). Post/redirect/get; a refused form is shown again on the ticket page.
 */
@Path(TicketPages.PATH)
@WebPage
@Produces(MediaType.TEXT_HTML)
public class LinkedReportPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance related(RelatedTicketsView related);
    }

    private final PageContext context;
    private final LinkedReportService linked;
    private final LinkedReportViews views;
    private final TicketPages ticketPages;
    private final Validator validator;

    public LinkedReportPages(PageContext context, LinkedReportService linked, LinkedReportViews views,
            TicketPages ticketPages, Validator validator) {
        this.context = context;
        this.linked = linked;
        this.views = views;
        this.ticketPages = ticketPages;
        this.validator = validator;
    }

    /** The open tickets for the application and server chosen on the intake form: a fragment. */
    @GET
    @Path("terkait")
    @RolesAllowed({Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
    public TemplateInstance related(@RestQuery("aplikasi") String application, @RestQuery("server") String server) {
        return context.localized(Templates.related(views.related(application, server)));
    }

    /**
     * Records a further complaint on an open ticket. From the intake form there is no note field: the complaint's
     * title and description are the note.
     */
    @POST
    @Path("{id: [0-9]+}/laporan")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
    public Response link(@PathParam("id") long id, @RestForm String source, @RestForm String reporterName,
            @RestForm String reporterContact, @RestForm String note, @RestForm String title,
            @RestForm String description) {
        WebMessages msg = context.msg();
        String said = trim(note) != null ? trim(note)
                : Stream.of(trim(title), trim(description)).filter(s -> s != null).collect(Collectors.joining(" — "));
        LinkForm form = new LinkForm(true, source, trim(reporterName), trim(reporterContact), said);
        FormErrors errors = FormErrors.none();
        TicketSource chosen = source(source);
        if (chosen == null) {
            errors.add("link-source", msg.errorChoose());
        }
        LinkedReportRequest request = new LinkedReportRequest(chosen, form.reporterName(), form.reporterContact(),
                said.isEmpty() ? null : said);
        errors.addViolations(validator.validate(request), field -> "link-" + field, msg);
        if (errors.any()) {
            return ticketPages.refused(id, form, errors.general(msg.errorFixFields()), 400);
        }
        try {
            linked.link(id, request.command(), context.caller());
            return Response.seeOther(URI.create(TicketPages.PATH + "/" + id + "?" + PageContext.NOTICE + "=linked#laporan-h"))
                    .build();
        } catch (InvalidRequestException e) {
            for (FieldError field : e.errors()) {
                errors.add("link-" + field.field(), msg.errorChoose());
            }
            return ticketPages.refused(id, form, errors.general(msg.errorFixFields()), 422);
        } catch (ConflictException e) {
            return ticketPages.refused(id, form, errors.general(context.lnk().errorClosed()), 409);
        } catch (OptimisticLockException | PessimisticLockException e) {
            return ticketPages.refused(id, form, errors.general(msg.errorChangedMeanwhile()), 409);
        }
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ErrorPage.forbidden(context, uri.getPath());
    }

    @ServerExceptionMapper
    public Response notFound(ResourceNotFoundException e, UriInfo uri) {
        return ErrorPage.notFound(context, TicketPages.PATH);
    }

    /** @return the source chosen on a form, or null when it is none a person may choose */
    private static TicketSource source(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            TicketSource source = TicketSource.valueOf(value.trim().toUpperCase(Locale.ROOT));
            return source == TicketSource.AGENT ? null : source;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
