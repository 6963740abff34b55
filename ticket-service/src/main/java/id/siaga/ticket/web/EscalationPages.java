package id.siaga.ticket.web;

import id.siaga.ticket.domain.ConflictException;
import id.siaga.ticket.domain.NotPermittedException;
import id.siaga.ticket.domain.ResourceNotFoundException;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.escalation.AckChannel;
import id.siaga.ticket.escalation.Escalation;
import id.siaga.ticket.escalation.EscalationService;
import id.siaga.ticket.http.WebPage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
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

/**
 * The escalation list, meant for the Kasi and the Kabid: the open escalations for the signed-in person's own
 * role(s) first, with a button to acknowledge those their role may acknowledge. Acknowledging posts, then redirects
 * back to the same list (post/redirect/get); a refusal is shown on the list in plain words.
 */
@Path(EscalationPages.PATH)
@WebPage
@Produces(MediaType.TEXT_HTML)
public class EscalationPages {

    /** The escalation list path. */
    public static final String PATH = "/eskalasi";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page page, EscalationListView list, FormErrors errors);
    }

    private final PageContext context;
    private final EscalationViews views;
    private final EscalationService escalations;

    public EscalationPages(PageContext context, EscalationViews views, EscalationService escalations) {
        this.context = context;
        this.views = views;
        this.escalations = escalations;
    }

    @GET
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_VIEWER, Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
    public TemplateInstance list(@RestQuery("untuk") String recipient, @RestQuery("status") String state,
            @RestQuery("halaman") String page) {
        return page(recipient, state, number(page), null);
    }

    /** Acknowledges one escalation through {@link EscalationService#acknowledge}, which decides who may. */
    @POST
    @Path("{id: [0-9]+}/tanggapan")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
    public Response acknowledge(@PathParam("id") long id, @RestForm("untuk") String recipient,
            @RestForm("status") String state, @RestForm("halaman") String page) {
        OversightMessages ovs = context.ovs();
        try {
            escalations.acknowledge(id, context.caller(), AckChannel.WEB);
            String back = PATH + "?untuk=" + views.recipient(recipient) + "&status=" + EscalationViews.state(state)
                    + "&halaman=" + number(page) + "&" + PageContext.NOTICE + "=acknowledged";
            return Response.seeOther(URI.create(back)).build();
        } catch (ConflictException e) {
            Escalation escalation = escalations.get(id);
            String error = ovs.errorAlreadyAcknowledged(escalation.acknowledgedBy,
                    context.formats().dateTime(escalation.acknowledgedAt));
            return refused(409, recipient, state, page, error);
        } catch (NotPermittedException e) {
            String error = ovs.errorNotYourEscalation(context.labels().role(escalations.get(id).recipientRole));
            return refused(403, recipient, state, page, error);
        }
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ErrorPage.forbidden(context, PATH);
    }

    @ServerExceptionMapper
    public Response notFound(ResourceNotFoundException e, UriInfo uri) {
        return ErrorPage.notFound(context, PATH);
    }

    private TemplateInstance page(String recipient, String state, int number, String error) {
        EscalationListView list = views.list(recipient, state, number);
        Page page = context.page(context.ovs().escalationsTitle(), "escalations", PATH);
        FormErrors errors = error == null ? FormErrors.none() : FormErrors.none().general(error);
        return context.localized(Templates.list(page, list, errors));
    }

    private Response refused(int status, String recipient, String state, String page, String error) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page(recipient, state, number(page), error)).build();
    }

    /** @return a page number as given, or 1 */
    private static int number(String value) {
        try {
            return value == null ? 1 : Math.max(1, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
