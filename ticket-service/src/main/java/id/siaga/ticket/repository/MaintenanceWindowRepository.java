package id.siaga.ticket.repository;

import id.siaga.ticket.domain.MaintenanceWindow;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/** Access to maintenance windows; deleted windows are kept but ignored. */
@ApplicationScoped
public class MaintenanceWindowRepository implements PanacheRepository<MaintenanceWindow> {

    /** @return live windows for the server (or all servers) that overlap [from, to) */
    public List<MaintenanceWindow> overlapping(Long serverId, Instant from, Instant to) {
        if (serverId == null) {
            return list("deletedAt is null and serverId is null and endsAt > ?1 and startsAt < ?2 order by startsAt", from, to);
        }
        return list("deletedAt is null and (serverId is null or serverId = ?3) and endsAt > ?1 and startsAt < ?2 "
                + "order by startsAt", from, to, serverId);
    }

    /** @return live windows that have not ended, soonest first */
    public List<MaintenanceWindow> current(Instant now) {
        return list("deletedAt is null and endsAt > ?1 order by startsAt", now);
    }
}
