package id.siaga.ticket.support;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Marker carrying the embedded PostgreSQL resource. Every {@code @QuarkusTest} shares one application and
 * one database per run.
 */
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
public final class TestDatabase {
    private TestDatabase() {
    }
}
