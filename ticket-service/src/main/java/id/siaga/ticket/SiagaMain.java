package id.siaga.ticket;

import id.siaga.ticket.config.EmbeddedDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point of the ticket service. With no database configured ({@code QUARKUS_DATASOURCE_JDBC_URL}
 * unset) it first starts an embedded PostgreSQL kept in a local folder, so the service runs with zero
 * set-up; with a database configured it starts none.
 */
@QuarkusMain
public final class SiagaMain {

    private SiagaMain() {
    }

    public static void main(String... args) {
        EmbeddedDatabase database = EmbeddedDatabase.startIfNoDatabaseConfigured();
        try {
            Quarkus.run(args);
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }
}
