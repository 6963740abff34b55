package id.siaga.ticket.rest;

import id.siaga.ticket.rest.dto.FindingRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link FindingShape} lets a post through without Hibernate Validator only when it checked every constraint of
 * {@link FindingRequest} itself, so it must know each of them: a constraint added to or changed on FindingRequest
 * fails here until FindingShape checks it too.
 */
class FindingShapeTest {

    /** The constraints FindingShape.plainlyValid checks, by field (container elements as field&lt;i&gt;). */
    private static final Map<String, List<String>> CHECKED = Map.ofEntries(
            Map.entry("id", List.of("NotNull")),
            Map.entry("check", List.of("NotBlank", "Size 0..100", "Pattern [^,\\s][^,]*")),
            Map.entry("kind", List.of("NotBlank", "Size 0..30")),
            Map.entry("status", List.of("NotNull")),
            Map.entry("message", List.of("Size 0..2000")),
            Map.entry("measurements", List.of("Size 0..200")),
            Map.entry("measurements<0>", List.of("NotBlank", "Size 0..100")),
            Map.entry("measurements<1>", List.of("NotNull")),
            Map.entry("observedAt", List.of("NotNull")),
            Map.entry("durationMs", List.of("PositiveOrZero")),
            Map.entry("dependsOn", List.of("Size 0..100")),
            Map.entry("openAfter", List.of("Min 1", "Max 100")),
            Map.entry("recoverAfter", List.of("Min 1", "Max 100")));

    @Test
    void checksEveryConstraintOfAFindingRequest() throws Exception {
        Map<String, List<String>> declared = new TreeMap<>();
        for (RecordComponent component : FindingRequest.class.getRecordComponents()) {
            String name = component.getName();
            add(declared, name, FindingRequest.class.getDeclaredField(name).getAnnotations());
            AnnotatedType type = component.getAnnotatedType();
            if (type instanceof AnnotatedParameterizedType parameterized) {
                AnnotatedType[] arguments = parameterized.getAnnotatedActualTypeArguments();
                for (int i = 0; i < arguments.length; i++) {
                    add(declared, name + "<" + i + ">", arguments[i].getAnnotations());
                }
            }
        }
        assertEquals(new TreeMap<>(CHECKED), declared);
    }

    private static void add(Map<String, List<String>> declared, String field, Annotation[] annotations) {
        List<String> constraints = new ArrayList<>();
        Arrays.stream(annotations).filter(a -> a.annotationType().getPackageName().equals("jakarta.validation.constraints"))
                .map(FindingShapeTest::describe).forEach(constraints::add);
        if (!constraints.isEmpty()) {
            declared.put(field, constraints);
        }
    }

    private static String describe(Annotation constraint) {
        if (constraint instanceof Size size) {
            return "Size " + size.min() + ".." + size.max();
        } else if (constraint instanceof Min min) {
            return "Min " + min.value();
        } else if (constraint instanceof Max max) {
            return "Max " + max.value();
        } else if (constraint instanceof Pattern pattern) {
            return "Pattern " + pattern.regexp();
        }
        return constraint.annotationType().getSimpleName();
    }
}
