package id.siaga.ticket.rest;

import id.siaga.ticket.domain.sop.FieldError;
import id.siaga.ticket.rest.error.InvalidQueryException;
import id.siaga.ticket.rest.json.TextRules;
import id.siaga.ticket.http.WebPage;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks every query parameter, path parameter and form field before a resource sees it: text that
 * {@link TextRules} refuses (a NUL character, an unpaired surrogate) and numbers that are not plain digits
 * ({@code +1}, {@code 1e3}, {@code abc} for a numeric path or query parameter) are answered with a 400 naming the
 * parameter, where JAX-RS would answer 404 or the database would fail. A refused form field on a page gets the
 * page's "form refused" answer ({@code RefusedFormFilter}).
 */
public class ParameterGuard {

    private static final Pattern WHOLE = Pattern.compile("-?[0-9]{1,18}");
    private static final Pattern ID = Pattern.compile("[0-9]{1,18}");
    private static final Set<Class<?>> NUMBERS = Set.of(long.class, Long.class, int.class, Integer.class,
            short.class, Short.class);

    /** The numeric parameters of a resource method, by kind: path or query, and name. */
    private record Numeric(Map<String, Class<?>> path, Map<String, Class<?>> query) {
    }

    private final Map<Method, Numeric> numericParameters = new ConcurrentHashMap<>();

    @ServerRequestFilter(priority = 900)
    @WithFormRead
    public Response check(ResteasyReactiveContainerRequestContext request, ResourceInfo resource) {
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
        Method method = resource.getResourceMethod();
        Numeric numeric = method == null ? new Numeric(Map.of(), Map.of())
                : numericParameters.computeIfAbsent(method, ParameterGuard::numeric);
        for (Map.Entry<String, List<String>> p : query.entrySet()) {
            check(p.getKey(), p.getKey());
            for (String value : p.getValue()) {
                check(p.getKey(), value);
                Class<?> type = numeric.query().get(p.getKey());
                if (type != null && !fits(type, value)) {
                    throw invalid(p.getKey(), "must be a whole number");
                }
            }
        }
        for (Map.Entry<String, List<String>> p : path.entrySet()) {
            for (String value : p.getValue()) {
                check(p.getKey(), value);
                Class<?> type = numeric.path().get(p.getKey());
                if (type != null && (!ID.matcher(value).matches() || !fits(type, value))) {
                    throw invalid(p.getKey(), "must be a positive whole number, written with digits only");
                }
            }
        }
        if (HttpMethod.POST.equals(request.getMethod())
                && request.getServerRequestContext() instanceof ResteasyReactiveRequestContext context
                && context.getFormData() != null) {
            FieldError refused = refusedField(context.getFormData());
            if (refused != null) {
                if (resource.getResourceClass() != null && resource.getResourceClass().isAnnotationPresent(WebPage.class)) {
                    return Response.status(400).build();
                }
                throw new InvalidQueryException(List.of(refused));
            }
        }
        return null;
    }

    /** @return true when the value is written in plain digits (with an optional minus) and fits the type */
    private static boolean fits(Class<?> type, String value) {
        if (!WHOLE.matcher(value).matches()) {
            return false;
        }
        long number = Long.parseLong(value);
        if (type == int.class || type == Integer.class) {
            return number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE;
        }
        if (type == short.class || type == Short.class) {
            return number >= Short.MIN_VALUE && number <= Short.MAX_VALUE;
        }
        return true;
    }

    /** @return the first form field whose name or text {@link TextRules} refuses, and why; or null */
    private static FieldError refusedField(FormData form) {
        for (String name : form) {
            if (TextRules.problem(name) != null) {
                return new FieldError("(field name)", TextRules.problem(name));
            }
            for (FormValue value : form.get(name)) {
                if (!value.isFileItem() && TextRules.problem(value.getValue()) != null) {
                    return new FieldError(name, TextRules.problem(value.getValue()));
                }
            }
        }
        return null;
    }

    private static void check(String name, String value) {
        String problem = TextRules.problem(value);
        if (problem != null) {
            throw invalid(TextRules.problem(name) == null ? name : "(parameter name)", problem);
        }
    }

    private static InvalidQueryException invalid(String name, String message) {
        return new InvalidQueryException(List.of(new FieldError(name, message)));
    }

    private static Numeric numeric(Method method) {
        Map<String, Class<?>> path = new HashMap<>();
        Map<String, Class<?>> query = new HashMap<>();
        for (Parameter parameter : method.getParameters()) {
            if (!NUMBERS.contains(parameter.getType())) {
                continue;
            }
            if (parameter.getAnnotation(PathParam.class) != null) {
                path.put(parameter.getAnnotation(PathParam.class).value(), parameter.getType());
            } else if (parameter.getAnnotation(RestPath.class) != null) {
                path.put(name(parameter.getAnnotation(RestPath.class).value(), parameter), parameter.getType());
            } else if (parameter.getAnnotation(QueryParam.class) != null) {
                query.put(parameter.getAnnotation(QueryParam.class).value(), parameter.getType());
            } else if (parameter.getAnnotation(RestQuery.class) != null) {
                query.put(name(parameter.getAnnotation(RestQuery.class).value(), parameter), parameter.getType());
            }
        }
        return new Numeric(Map.copyOf(path), Map.copyOf(query));
    }

    private static String name(String declared, Parameter parameter) {
        return declared == null || declared.isEmpty() ? parameter.getName() : declared;
    }
}
