package id.siaga.ticket.repository;

import id.siaga.ticket.domain.SopVersion;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** Access to stored SOP versions; the highest version is the active one. */
@ApplicationScoped
public class SopVersionRepository implements PanacheRepository<SopVersion> {

    public Optional<SopVersion> findActive() {
        return findAll(Sort.descending("version")).firstResultOptional();
    }

    public Optional<SopVersion> findByVersion(int version) {
        return find("version", version).firstResultOptional();
    }

    public List<SopVersion> listByVersion() {
        return listAll(Sort.ascending("version"));
    }
}
