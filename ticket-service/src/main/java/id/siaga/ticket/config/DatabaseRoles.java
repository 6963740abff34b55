package id.siaga.ticket.config;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Says at start, once, when the service's own database role could rewrite the audit trail: migrations and the
 * service share one role (no {@code QUARKUS_FLYWAY_USERNAME}, or the same one), or the role is a superuser or a
 * member of the tables' owner. Then only triggers protect {@code ticket_event}, and that role may disable them.
 * With a separate owner role for Flyway, the {@code afterMigrate} callback gives the runtime role only what it needs.
 */
@ApplicationScoped
public class DatabaseRoles {

    private static final Logger LOG = Logger.getLogger(DatabaseRoles.class);

    private final AgroalDataSource dataSource;
    private final Config config;

    public DatabaseRoles(AgroalDataSource dataSource, Config config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        Optional<String> runtime = setting("quarkus.datasource.username");
        Optional<String> owner = setting("quarkus.flyway.username");
        if (owner.isEmpty() || owner.equals(runtime)) {
            LOG.warnf("One database role (%s) runs both the migrations and the service: the audit trail's protection "
                    + "relies on triggers the service's own role could disable. Set QUARKUS_FLYWAY_USERNAME/PASSWORD to "
                    + "an owner role and QUARKUS_DATASOURCE_USERNAME/PASSWORD to a separate runtime role "
                    + "(see deploy/ticket-service/create-roles.sql).", runtime.orElse("the datasource user"));
        } else if (runtimeRoleOwnsAuditTrail()) {
            LOG.warnf("The service's database role %s is a superuser or a member of the owner of ticket_event: the "
                    + "audit trail's protection relies on triggers that role could disable. Give it no owner rights "
                    + "(see deploy/ticket-service/create-roles.sql).", runtime.orElse("(unnamed)"));
        }
    }

    private boolean runtimeRoleOwnsAuditTrail() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select r.rolsuper or pg_has_role(current_user, t.relowner, 'USAGE')
                from pg_roles r, pg_class t where r.rolname = current_user and t.oid = 'ticket_event'::regclass""")) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the database role's rights", e);
        }
    }

    private Optional<String> setting(String name) {
        return config.getOptionalValue(name, String.class).map(String::trim).filter(v -> !v.isEmpty());
    }
}
