package id.siaga.ticket;

import id.siaga.ticket.config.ClassArchiveRun;
import id.siaga.ticket.config.EmbeddedDatabase;
import id.siaga.ticket.config.SessionKeyStore;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

import java.io.IOException;

/**
 * Entry point of the ticket service. With no database configured ({@code QUARKUS_DATASOURCE_JDBC_URL}
 * unset) it first starts an embedded PostgreSQL kept in a local folder, so the service runs with zero
 * set-up, and stops it after the service has stopped; with a database configured it starts none. Without a
 * configured session key it then takes the web pages' session key from the database ({@link SessionKeyStore}).
 * The package build's class-data sharing run starts instead as {@link ClassArchiveRun} says.
 */
@QuarkusMain
public final class SiagaMain implements QuarkusApplication {

    public static void main(String... args) throws IOException {
        if (ClassArchiveRun.requested()) {
            ClassArchiveRun.start(SiagaMain.class, args);
            return;
        }
        EmbeddedDatabase database = EmbeddedDatabase.startIfNoDatabaseConfigured();
        try {
            SessionKeyStore.provideIfUnset();
        } catch (RuntimeException e) {
            if (database != null) {
                database.close();
            }
            throw e;
        }
        if (database == null) {
            Quarkus.run(args);
            return;
        }
        Quarkus.run(SiagaMain.class, (exitCode, failure) -> {
            database.close();
            if (failure != null) {
                failure.printStackTrace();
            }
            if (!database.isShuttingDown()) {
                System.exit(exitCode);
            }
        }, args);
    }

    @Override
    public int run(String... args) {
        if (ClassArchiveRun.active()) {
            ClassArchiveRun.sendFirstRequests();
            return 0;
        }
        Quarkus.waitForExit();
        return 0;
    }
}
