package id.siaga.ticket.repository;

import id.siaga.ticket.domain.AppUser;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** Access to people's accounts. */
@ApplicationScoped
public class UserRepository implements PanacheRepository<AppUser> {

    public Optional<AppUser> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    /** @return the users holding the role, by user name */
    public List<AppUser> findByRole(String role) {
        return list("from AppUser u where concat(',', u.roles, ',') like ?1 order by u.username", "%," + role + ",%");
    }
}
