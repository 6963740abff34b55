package id.siaga.ticket.rest.error;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.Optional;

/**
 * Answers requests refused before JAX-RS sees them with {@code application/problem+json} rather than an empty body:
 * a URI longer than {@value #MAX_URI_LENGTH} characters (414), headers larger than {@value #MAX_HEADER_BYTES}
 * bytes (431), and failures of the HTTP layer such as a body over {@code quarkus.http.limits.max-body-size} (413).
 * Vert.x's own line and header limits are set higher (application.properties) so that these checks see the request;
 * beyond them Vert.x still answers 414 or 431 itself, without a body.
 */
@ApplicationScoped
public class HttpLimits {

    /** Longest request URI taken, in characters (path and query). */
    static final int MAX_URI_LENGTH = 4096;
    /** Largest total of header names and values taken, in bytes (about). */
    static final int MAX_HEADER_BYTES = 20 * 1024;

    private final long maxBodyBytes;

    public HttpLimits(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.maxBodyBytes = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::checkLimits);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::explainFailure);
    }

    private void checkLimits(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > MAX_URI_LENGTH) {
            answer(context, 414, "URI Too Long", "The request URI is longer than " + MAX_URI_LENGTH
                    + " characters; send fewer or shorter query parameters.");
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > MAX_HEADER_BYTES) {
            answer(context, 431, "Request Header Fields Too Large", "The request headers are larger than "
                    + MAX_HEADER_BYTES + " bytes.");
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.matches("[0-9]{1,18}") && Long.parseLong(length) > maxBodyBytes) {
            answer(context, 413, "Payload Too Large", "The request body is larger than " + maxBodyBytes + " bytes.");
            return;
        }
        context.next();
    }

    private void explainFailure(RoutingContext context) {
        int status = context.statusCode();
        if (context.failure() != null || status < 400 || status >= 500 || context.response().headWritten()) {
            context.next();
            return;
        }
        String title = status == 413 ? "Payload Too Large" : HttpResponseStatus.valueOf(status).reasonPhrase();
        answer(context, status, title, status == 413 ? "The request body is too large." : title + ".");
    }

    private static void answer(RoutingContext context, int status, String title, String detail) {
        JsonObject problem = new JsonObject().put("type", "about:blank").put("title", title).put("status", status)
                .put("detail", detail).put("instance", context.request().path());
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.CONNECTION, "close").end(problem.encode());
    }
}
