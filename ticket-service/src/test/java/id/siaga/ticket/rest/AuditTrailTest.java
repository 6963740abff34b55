package id.siaga.ticket.rest;

import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit trail is append-only in the database itself, also for the application's own user. */
@QuarkusTest
class AuditTrailTest {

    @Inject
    DataSource dataSource;

    @Test
    void databaseRefusesToChangeOrDeleteAuditEvents() {
        long id = Api.newTicket("audit");
        Api.move(Api.ADB, id, "INSPECTION", "diperiksa");
        long before = Sql.count(dataSource, "select count(*) from ticket_event where ticket_id = " + id);
        assertEquals(2, before);

        SQLException update = Sql.tryExecute(dataSource, "update ticket_event set note = 'forged' where ticket_id = " + id);
        assertNotNull(update, "UPDATE must fail");
        assertTrue(update.getMessage().contains("append-only"), update.getMessage());
        SQLException delete = Sql.tryExecute(dataSource, "delete from ticket_event where ticket_id = " + id);
        assertNotNull(delete, "DELETE must fail");
        SQLException truncate = Sql.tryExecute(dataSource, "truncate ticket_event cascade");
        assertNotNull(truncate, "TRUNCATE must fail");

        assertEquals(before, Sql.count(dataSource, "select count(*) from ticket_event where ticket_id = " + id));
        assertEquals(0, Sql.count(dataSource, "select count(*) from ticket_event where note = 'forged'"));
    }
}
