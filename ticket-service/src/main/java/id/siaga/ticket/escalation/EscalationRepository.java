package id.siaga.ticket.escalation;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Access to escalations. */
@ApplicationScoped
public class EscalationRepository implements PanacheRepository<Escalation> {

    /** @return escalations for the role (all roles when null), open ones only when asked, newest first */
    public PanacheQuery<Escalation> search(String recipient, Boolean open, Long ticketId, int page, int size) {
        return search(recipient == null ? List.of() : List.of(recipient), open, ticketId, page, size);
    }

    /**
     * @param recipients the recipient roles to list (all roles when empty)
     * @return escalations for those roles, open (or acknowledged) ones only when asked; second level first, then
     *         newest first
     */
    public PanacheQuery<Escalation> search(Collection<String> recipients, Boolean open, Long ticketId, int page,
            int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (!recipients.isEmpty()) {
            where.add("recipientRole in :recipients");
            params.and("recipients", recipients);
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

    /** @return how many escalations for those roles wait for acknowledgement (none when no role is given) */
    public long countOpen(Collection<String> recipients) {
        return recipients.isEmpty() ? 0 : count("recipientRole in ?1 and acknowledgedAt is null", recipients);
    }

    public List<Escalation> forTicket(long ticketId) {
        return list("ticketId = ?1 order by createdAt, id", ticketId);
    }
}
