package id.siaga.ticket.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Entity;
import jakarta.persistence.Persistence;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;

import java.lang.annotation.ElementType;

/**
 * Where Bean Validation may look: everywhere in request bodies, and only in loaded attributes of JPA entities (so that
 * validating never loads a lazy association). Quarkus's default asks JPA whether every attribute of every validated
 * object is loaded, records included; on the findings path that was a measurable part of each post's CPU, for
 * objects JPA does not know.
 */
@ApplicationScoped
public class ValidationTraversal implements TraversableResolver {

    private static final ClassValue<Boolean> ENTITY = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                if (c.isAnnotationPresent(Entity.class)) {
                    return true;
                }
            }
            return false;
        }
    };

    @Override
    public boolean isReachable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
            Path pathToTraversableObject, ElementType elementType) {
        return traversableObject == null || !ENTITY.get(traversableObject.getClass())
                || Persistence.getPersistenceUtil().isLoaded(traversableObject, traversableProperty.getName());
    }

    @Override
    public boolean isCascadable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
            Path pathToTraversableObject, ElementType elementType) {
        return true;
    }
}
