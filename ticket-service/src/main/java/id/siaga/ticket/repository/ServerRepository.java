package id.siaga.ticket.repository;

import id.siaga.ticket.domain.Server;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Access to monitored servers. */
@ApplicationScoped
public class ServerRepository implements PanacheRepository<Server> {

    public Optional<Server> findByName(String name) {
        return find("name", name).firstResultOptional();
    }
}
