package id.siaga.ticket.rest.error;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import id.siaga.ticket.domain.ConflictException;
import id.siaga.ticket.domain.IllegalTransitionException;
import id.siaga.ticket.domain.InvalidRequestException;
import id.siaga.ticket.domain.ResourceNotFoundException;
import id.siaga.ticket.domain.NotPermittedException;
import id.siaga.ticket.domain.sop.FieldError;
import id.siaga.ticket.rest.dto.Problem;
import id.siaga.ticket.rest.json.RefusedValueException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns every error into an {@code application/problem+json} answer with a message a person understands,
 * without stack traces or class names. One method per kind of failure.
 */
public class ProblemMappers {

    /** Base of the problem type URIs. */
    public static final String TYPE_BASE = "https://siaga.id/problems/";

    /** Resource methods name their request body parameter "request"; it is left out of field paths. */
    private static final String BODY_PARAMETER = "request";
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'", Pattern.DOTALL);
    private static final Pattern TYPE_NAME = Pattern.compile("`([^`]*)`");

    @ServerExceptionMapper
    public Response illegalTransition(IllegalTransitionException e, UriInfo uri) {
        return respond(new Problem(TYPE_BASE + "illegal-transition", "Transition not allowed", 409, e.getMessage(),
                path(uri), null).with("currentStep", e.from()).with("requestedStep", e.to()).with("allowed", e.allowed()));
    }

    @ServerExceptionMapper
    public Response notPermitted(NotPermittedException e, UriInfo uri) {
        return respond(new Problem(TYPE_BASE + "forbidden", "Forbidden", 403, e.getMessage(), path(uri), null));
    }

    @ServerExceptionMapper
    public Response notFound(ResourceNotFoundException e, UriInfo uri) {
        return respond(new Problem(TYPE_BASE + "not-found", "Not found", 404, e.getMessage(), path(uri), null));
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri) {
        return respond(new Problem(TYPE_BASE + "conflict", "Conflict", 409, e.getMessage(), path(uri), null));
    }

    @ServerExceptionMapper
    public Response concurrentChange(OptimisticLockException e, UriInfo uri) {
        return respond(new Problem(TYPE_BASE + "conflict", "Conflict", 409,
                "The resource was changed by someone else at the same time; reload it and try again.", path(uri), null));
    }

    @ServerExceptionMapper
    public Response lockTimeout(PessimisticLockException e, UriInfo uri) {
        return concurrentChange(null, uri);
    }

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e, UriInfo uri) {
        return respond(new Problem(TYPE_BASE + "invalid-request", "Unprocessable request", 422, e.getMessage(),
                path(uri), e.errors()));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
        return respond(new Problem(TYPE_BASE + "validation", "Invalid request", 400,
                "The request has invalid fields: " + detail + ".", path(uri), errors));
    }

    @ServerExceptionMapper
    public Response invalidQuery(InvalidQueryException e, UriInfo uri) {
        return respond(new Problem(TYPE_BASE + "validation", "Invalid request", 400,
                "The request has invalid parameters: " + e.getMessage() + ".", path(uri), e.errors()));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.matches()) {
            String field = duplicate.group(1);
            return respond(new Problem(TYPE_BASE + "malformed-json", "Malformed JSON", 400,
                    "The body is not valid JSON: the field " + field + " appears more than once" + location(e),
                    path(uri), List.of(new FieldError(field, "appears more than once"))));
        }
        return respond(new Problem(TYPE_BASE + "malformed-json", "Malformed JSON", 400,
                "The body is not valid JSON: " + withoutTypeNames(e.getOriginalMessage()) + location(e), path(uri), null));
    }

    @ServerExceptionMapper
    public Response refusedValue(RefusedValueException e, UriInfo uri) {
        return fieldProblem(jsonPath(e), e.reason(), uri);
    }

    @ServerExceptionMapper
    public Response invalidBody(InvalidBodyException e, UriInfo uri) {
        return fieldProblem(e.field(), e.reason(), uri);
    }

    @ServerExceptionMapper
    public Response invalidValue(InvalidFormatException e, UriInfo uri) {
        String field = jsonPath(e);
        String message;
        Class<?> target = e.getTargetType();
        boolean number = target != null && simpleType(target).equals("number");
        boolean whole = target != null && (target == Long.class || target == long.class || target == Integer.class
                || target == int.class || target == Short.class || target == short.class);
        if (e.getValue() instanceof String text && (number || target == Boolean.class || target == boolean.class)) {
            message = "must be a JSON " + simpleType(target) + ", not the string \"" + text + "\"";
        } else if (e.getValue() instanceof String text && text.isEmpty()) {
            message = "must not be an empty string (leave the field out instead)";
        } else if (whole && e.getValue() instanceof Number value) {
            message = "must be a whole number, not " + value;
        } else if (e.getValue() instanceof Number && target != null && target.isEnum()) {
            message = "must be one of " + Arrays.stream(target.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ")) + " as a string";
        } else if (e.getTargetType() != null && e.getTargetType().isEnum()) {
            String allowed = Arrays.stream(e.getTargetType().getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            message = "'" + e.getValue() + "' is not one of " + allowed;
        } else {
            message = "'" + e.getValue() + "' is not a valid " + simpleType(e.getTargetType());
        }
        return respond(new Problem(TYPE_BASE + "validation", "Invalid request", 400, field + ": " + message + ".",
                path(uri), List.of(new FieldError(field, message))));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        if (e instanceof RefusedValueException refused) {
            return refusedValue(refused, uri);
        }
        if (String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
            return respond(new Problem(TYPE_BASE + "malformed-json", "Malformed JSON", 400,
                    "The body is not valid JSON: there is more after the JSON value" + location(e), path(uri), null));
        }
        String field = jsonPath(e);
        String message = e.getTargetType() == null ? "has the wrong shape"
                : "must be " + article(simpleType(e.getTargetType()));
        if (field.isEmpty()) {
            return respond(new Problem(TYPE_BASE + "malformed-json", "Malformed JSON", 400,
                    "The body does not have the expected shape (" + message + ").", path(uri), null));
        }
        return respond(new Problem(TYPE_BASE + "validation", "Invalid request", 400, field + " " + message + ".",
                path(uri), List.of(new FieldError(field, message))));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonMappingException e, UriInfo uri) {
        String field = jsonPath(e);
        String message = withoutTypeNames(e.getOriginalMessage());
        return respond(new Problem(TYPE_BASE + "validation", "Invalid request", 400,
                (field.isEmpty() ? "The body" : field) + " could not be read: " + message, path(uri),
                field.isEmpty() ? null : List.of(new FieldError(field, message))));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri, HttpHeaders headers) {
        return challenge(uri, headers, "Sign in first: this endpoint needs a user name and password (HTTP Basic), "
                + "or an agent token (Bearer).");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri, HttpHeaders headers) {
        if (DatabaseUnavailable.isCause(e)) {
            return databaseUnavailable(uri);
        }
        return challenge(uri, headers, "The user name and password, or the agent token, are not valid.");
    }

    @ServerExceptionMapper
    public Response authenticationIncomplete(AuthenticationCompletionException e, UriInfo uri, HttpHeaders headers) {
        if (DatabaseUnavailable.isCause(e)) {
            return databaseUnavailable(uri);
        }
        return challenge(uri, headers, "The user name and password, or the agent token, are not valid.");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(TYPE_BASE + "forbidden", "Forbidden", 403,
                "Your role does not allow this. Ask a user with the right role, or an administrator.", path(uri), null));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status < 400) {
            return original;
        }
        if (e.getCause() instanceof RefusedValueException cause) {
            return refusedValue(cause, uri);
        }
        if (e.getCause() instanceof JsonParseException cause) {
            return malformedJson(cause, uri);
        }
        if (e.getCause() instanceof InvalidFormatException cause) {
            return invalidValue(cause, uri);
        }
        if (e.getCause() instanceof MismatchedInputException cause) {
            return mismatchedInput(cause, uri);
        }
        if (e.getCause() instanceof JsonMappingException cause) {
            return unreadableJson(cause, uri);
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "There is nothing at " + path(uri) + ".";
            case 405 -> "This method is not allowed on " + path(uri) + ".";
            case 406 -> "This resource cannot answer in the media type asked for; ask for application/json.";
            case 413 -> "The request body is too large.";
            case 415 -> "Send the body as application/json.";
            default -> e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? title : e.getMessage();
        };
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(status == 404 ? TYPE_BASE + "not-found" : "about:blank", title, status, detail,
                        path(uri), null));
        original.getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (DatabaseUnavailable.isCause(e)) {
            LOG.warnf("The database cannot be reached on %s: %s", path(uri), e.getMessage());
            return databaseUnavailable(uri);
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", id, path(uri));
        return respond(new Problem("about:blank", "Internal Server Error", 500,
                "Something went wrong on the server. Tell the administrator this error id: " + id + ".", path(uri), null)
                .with("errorId", id));
    }

    /** @return 503 with Retry-After: the database connection was lost or could not be had; the request may be sent again */
    static Response databaseUnavailable(UriInfo uri) {
        return Response.status(503).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
                .entity(new Problem(TYPE_BASE + "unavailable", "Service Unavailable", 503,
                        "The database cannot be reached just now; send the request again in a few seconds.",
                        path(uri), null))
                .build();
    }

    private static Response fieldProblem(String field, String message, UriInfo uri) {
        String named = field.isEmpty() ? "The body" : field;
        return respond(new Problem(TYPE_BASE + "validation", "Invalid request", 400, named + " " + message + ".",
                path(uri), List.of(new FieldError(field, message))));
    }

    /** @return Jackson's message with Java type names ({@code `java.lang.Long`}) replaced by plain words */
    static String withoutTypeNames(String message) {
        if (message == null) {
            return "";
        }
        Matcher m = TYPE_NAME.matcher(message);
        StringBuilder plain = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String word;
            if (name.matches(".*\\b(Long|Integer|Short|Double|Float|BigDecimal|BigInteger|long|int|short|double|float)")) {
                word = "number";
            } else if (name.endsWith("String")) {
                word = "string";
            } else if (name.matches(".*\\b(Boolean|boolean)")) {
                word = "boolean";
            } else if (name.contains("List") || name.contains("Set") || name.endsWith("[]")) {
                word = "list";
            } else if (name.contains(".") || name.contains("$")) {
                word = "object";
            } else {
                word = "'" + name + "'";
            }
            m.appendReplacement(plain, Matcher.quoteReplacement(word));
        }
        m.appendTail(plain);
        return plain.toString();
    }

    private static Response challenge(UriInfo uri, HttpHeaders headers, String detail) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, bearer ? "Bearer realm=\"SIAGA\"" : "Basic realm=\"SIAGA\"")
                .entity(new Problem(TYPE_BASE + "unauthorized", "Unauthorized", 401, detail, path(uri), null))
                .build();
    }

    static Response respond(Problem problem) {
        return Response.status(problem.getStatus()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /** @return the violation's path as a client sees it: {@code title}, {@code roles[0]}, {@code size} */
    private static String field(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                }
                case PARAMETER -> {
                    if (!BODY_PARAMETER.equals(node.getName())) {
                        appendName(field, node.getName());
                    }
                }
                case CONTAINER_ELEMENT -> appendIndex(field, node.getIndex());
                default -> {
                    appendIndex(field, node.getIndex());
                    appendName(field, node.getName());
                }
            }
        }
        return field.toString();
    }

    private static void appendName(StringBuilder field, String name) {
        if (name != null) {
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(name);
        }
    }

    private static void appendIndex(StringBuilder field, Integer index) {
        if (index != null) {
            field.append('[').append(index).append(']');
        }
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null ? "." : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ").";
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == String.class) {
            return "string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        if (type.getSimpleName().equals("Instant") || type.getSimpleName().equals("OffsetDateTime")) {
            return "timestamp such as 2026-11-25T08:00:00Z";
        }
        if (type.getSimpleName().equals("UUID")) {
            return "UUID";
        }
        return "object";
    }

    private static String article(String noun) {
        return (noun.matches("^[aeiouAEIOU].*") ? "an " : "a ") + noun;
    }
}
