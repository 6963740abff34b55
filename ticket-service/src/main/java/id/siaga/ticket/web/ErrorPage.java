package id.siaga.ticket.web;

import id.siaga.ticket.i18n.WebMessages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A page that says, in plain words, why the request could not be served (403, 404). */
final class ErrorPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(Page page, String heading, String message);
    }

    private ErrorPage() {
    }

    /** @return an HTML answer with the status */
    static Response render(PageContext context, int status, String heading, String message, String path) {
        Page page = context.errorPage(heading, path);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(context.localized(Templates.error(page, heading, message))).build();
    }

    /** @return the 403 page: the role does not allow it */
    static Response forbidden(PageContext context, String path) {
        WebMessages msg = context.msg();
        return render(context, 403, msg.forbiddenTitle(), msg.forbiddenText(), path);
    }

    /**
     * @return the page that explains a refused form (an expired page, or a form that did not come from SIAGA), with
     *         the status (400 or 403)
     */
    static Response formRefused(PageContext context, int status) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(formRefusedHtml(context))
                .build();
    }

    /**
     * @return the HTML of the "form refused" page, rendered (it is also set as the entity of a finished answer); its
     *         frame names nobody, as it may be rendered before the request's identity is known
     */
    static String formRefusedHtml(PageContext context) {
        WebMessages msg = context.msg();
        Page page = context.anonymousPage(msg.formRefusedTitle(), BoardPage.PATH, null);
        return context.localized(Templates.error(page, msg.formRefusedTitle(), msg.formRefusedText())).render();
    }

    /** @return the 404 page */
    static Response notFound(PageContext context, String path) {
        WebMessages msg = context.msg();
        return render(context, 404, msg.notFoundTitle(), msg.notFoundText(), path);
    }
}
