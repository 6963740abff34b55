package id.siaga.ticket.arch;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import id.siaga.ticket.domain.Role;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every {@code @RolesAllowed} of the service, on a class or a method, names exactly one of the role sets declared in
 * {@link Role}, in the declared order (the order is the scopes' order in the OpenAPI document). A list written by hand
 * that drifts from its set fails here.
 */
class RoleSetsTest {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("id.siaga.ticket");

    @Test
    void everyRolesAllowedNamesOneDeclaredSet() {
        Map<String, List<String>> declared = declaredSets();
        List<String> drifted = new ArrayList<>();
        int checked = 0;
        for (JavaClass c : SERVICE) {
            Map<String, JavaAnnotation<?>> annotated = new LinkedHashMap<>();
            c.tryGetAnnotationOfType(RolesAllowed.class.getName()).ifPresent(a -> annotated.put(c.getName(), a));
            for (JavaMethod m : c.getMethods()) {
                m.tryGetAnnotationOfType(RolesAllowed.class.getName())
                        .ifPresent(a -> annotated.put(c.getName() + "." + m.getName(), a));
            }
            for (Map.Entry<String, JavaAnnotation<?>> e : annotated.entrySet()) {
                checked++;
                List<String> roles = Arrays.asList((String[]) e.getValue().get("value").orElseThrow());
                if (!declared.containsValue(roles)) {
                    drifted.add(e.getKey() + " " + roles);
                }
            }
        }
        assertTrue(checked > 0, "no @RolesAllowed found: the import is broken");
        assertEquals(List.of(), drifted, "@RolesAllowed lists that are none of Role's sets " + declared);
    }

    @Test
    void theDeclaredSetsAreDistinctAndHoldOnlyRoleNames() {
        Map<String, List<String>> declared = declaredSets();
        Set<Set<String>> seen = new HashSet<>();
        for (Map.Entry<String, List<String>> e : declared.entrySet()) {
            assertTrue(seen.add(Set.copyOf(e.getValue())), e.getKey() + " repeats another set's roles");
            assertEquals(e.getValue().size(), Set.copyOf(e.getValue()).size(), e.getKey() + " names a role twice");
        }
        assertEquals(Arrays.stream(Role.values()).filter(Role::worksTickets).map(Role::name).toList(), Role.HANDLERS);
    }

    /** @return Role's public constant lists of role names, by field name */
    private static Map<String, List<String>> declaredSets() {
        Map<String, List<String>> sets = new LinkedHashMap<>();
        for (Field field : Role.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && List.class.isAssignableFrom(field.getType())) {
                try {
                    @SuppressWarnings("unchecked")
                    List<String> roles = (List<String>) field.get(null);
                    sets.put(field.getName(), roles);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        assertTrue(sets.size() > 1, "Role declares no role sets");
        return sets;
    }
}
