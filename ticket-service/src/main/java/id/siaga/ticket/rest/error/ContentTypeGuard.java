package id.siaga.ticket.rest.error;

import id.siaga.ticket.rest.dto.Problem;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a request whose {@code Content-Type} header is there but names no media type (empty or blank): the filters
 * after matching (quarkus-rest-csrf's among them) parse it and would fail with a 500. Answered 415 with a problem
 * body before matching, on the API and the pages alike; a request without the header is left as it was. GET, HEAD
 * and OPTIONS carry no body here, so their header is not looked at.
 */
public class ContentTypeGuard {

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Response check(ContainerRequestContext request) {
        String method = request.getMethod();
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method)) {
            return null;
        }
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (type == null || readable(type)) {
            return null;
        }
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        return Response.status(Response.Status.UNSUPPORTED_MEDIA_TYPE)
                .entity(new Problem("about:blank", "Unsupported Media Type", 415,
                        "The Content-Type header names no media type: send the body as application/json.", path, null))
                .type(Problem.MEDIA_TYPE).build();
    }

    /** @return whether JAX-RS can read the header as a media type */
    private static boolean readable(String type) {
        try {
            MediaType.valueOf(type);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
