package id.siaga.ticket.web;

import id.siaga.ticket.http.WebPage;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;

/**
 * Explains a form refused by the CSRF check (a page left open past its token's lifetime, or a form that did not
 * come from SIAGA): the check answers a bare 400, which a browser would show as an empty page. {@link FormGuard}
 * answers its own refusals with the same page.
 */
@Provider
@WebPage
public class RefusedFormFilter implements ContainerResponseFilter {

    private final PageContext context;

    public RefusedFormFilter(PageContext context) {
        this.context = context;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!HttpMethod.POST.equals(request.getMethod()) || response.getStatus() != 400 || response.hasEntity()) {
            return;
        }
        response.setEntity(ErrorPage.formRefusedHtml(context), new Annotation[0], MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }
}
