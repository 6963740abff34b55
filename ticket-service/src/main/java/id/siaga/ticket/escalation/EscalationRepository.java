package id.siaga.ticket.escalation;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/** Access to escalations. */
@ApplicationScoped
public class EscalationRepository implements PanacheRepository<Escalation> {

    /** @return escalations for the role (all roles when null), open ones only when asked, newest first */
    public PanacheQuery<Escalation> search(String recipient, Boolean open, Long ticketId, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (recipient != null) {
            where.add("recipientRole = :recipient");
            params.and("recipient", recipient);
        }
        if (open != null) {
            where.add(open ? "acknowledgedAt is null" : "acknowledgedAt is not null");
        }
        if (ticketId != null) {
            where.add("ticketId = :ticketId");
            params.and("ticketId", ticketId);
        }
        String query = (where.isEmpty() ? "from Escalation" : String.join(" and ", where))
                + " order by level desc, createdAt desc, id desc";
        return find(query, params).page(Page.of(page, size));
    }

    public List<Escalation> forTicket(long ticketId) {
        return list("ticketId = ?1 order by createdAt, id", ticketId);
    }
}
