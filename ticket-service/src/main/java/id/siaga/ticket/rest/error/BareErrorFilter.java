package id.siaga.ticket.rest.error;

import id.siaga.ticket.rest.dto.Problem;
import id.siaga.ticket.http.WebPage;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.annotation.Annotation;

/**
 * Gives an API error answered without a body (a filter that refused the request with a bare status, such as the
 * CSRF check refusing a form post to the API) its {@code application/problem+json} body. Pages are left to
 * {@code RefusedFormFilter}.
 */
public class BareErrorFilter {

    @ServerResponseFilter
    public void explain(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        int status = response.getStatus();
        if (status < 400 || response.hasEntity() || (resource.getResourceClass() != null
                && resource.getResourceClass().isAnnotationPresent(WebPage.class))) {
            return;
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = switch (status) {
            case 400 -> "The request cannot be read here: send the body as application/json.";
            case 415 -> "Send the body as application/json.";
            default -> title;
        };
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        response.setEntity(new Problem("about:blank", title, status, detail, path, null), new Annotation[0],
                MediaType.valueOf(Problem.MEDIA_TYPE));
    }
}
