package id.siaga.ticket.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.siaga.ticket.domain.InvalidRequestException;
import id.siaga.ticket.domain.ResourceNotFoundException;
import id.siaga.ticket.domain.SopVersion;
import id.siaga.ticket.domain.sop.FieldError;
import id.siaga.ticket.domain.sop.SopDocument;
import id.siaga.ticket.domain.sop.SopStateMachine;
import id.siaga.ticket.domain.sop.SopValidator;
import id.siaga.ticket.repository.SopVersionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the SOP versions: seeds the default SOP 800/488/DKPS-PS/2022 as version 1, adds validated
 * revisions, and hands out the state machine of any stored version (a ticket keeps the version it
 * started under).
 */
@ApplicationScoped
public class SopService {

    /** The SOP shipped with the service. */
    public static final String DEFAULT_SOP_RESOURCE = "sop/sop-800-488-DKPS-PS-2022.json";

    private static final Logger LOG = Logger.getLogger(SopService.class);

    private final SopVersionRepository versions;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Map<Long, SopStateMachine> machines = new ConcurrentHashMap<>();
    private final Map<Long, Integer> versionNumbers = new ConcurrentHashMap<>();
    private final Clock clock;

    public SopService(SopVersionRepository versions, EntityManager entityManager, ObjectMapper json, Clock clock) {
        this.clock = clock;
        this.versions = versions;
        this.entityManager = entityManager;
        this.json = json;
    }

    /** Stores the default SOP as version 1 unless a version exists; safe when several instances start at once. */
    @Transactional
    public void seedDefault() {
        SopDocument document = loadDefault();
        int inserted = entityManager.createNativeQuery("""
                insert into sop_version (version, number, title, effective_date, definition, created_by)
                values (1, ?1, ?2, ?3, cast(?4 as jsonb), 'system')
                on conflict (version) do nothing""")
                .setParameter(1, document.number())
                .setParameter(2, document.title())
                .setParameter(3, LocalDate.parse(document.effectiveDate()))
                .setParameter(4, write(document))
                .executeUpdate();
        if (inserted == 1) {
            LOG.infof("Stored SOP %s \"%s\" as version 1", document.number(), document.title());
        }
    }

    /** @return the default SOP shipped with the service */
    public SopDocument loadDefault() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(DEFAULT_SOP_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_SOP_RESOURCE);
            }
            return json.readValue(in, SopDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the active (highest) SOP version */
    public SopVersion active() {
        return versions.findActive().orElseThrow(() -> new IllegalStateException("no SOP version stored"));
    }

    /**
     * @return the database id of the active (highest) SOP version, read without its document: what opening a ticket
     *         needs, with {@link #machine(long)} (cached per version)
     */
    public long activeId() {
        List<?> ids = entityManager.createNativeQuery("select id from sop_version order by version desc limit 1")
                .unwrap(NativeQuery.class).addSynchronizedEntityClass(SopVersion.class).getResultList();
        if (ids.isEmpty()) {
            throw new IllegalStateException("no SOP version stored");
        }
        return ((Number) ids.get(0)).longValue();
    }

    public SopVersion byVersion(int version) {
        return versions.findByVersion(version)
                .orElseThrow(() -> new ResourceNotFoundException("There is no SOP version " + version + "."));
    }

    public List<SopVersion> all() {
        return versions.listByVersion();
    }

    /** @return the state machine of a stored version */
    public SopStateMachine machine(SopVersion version) {
        return machines.computeIfAbsent(version.id, id -> SopStateMachine.of(version.definition));
    }

    /** @return the version number of the stored version with that database id */
    public int version(long sopVersionId) {
        return versionNumbers.computeIfAbsent(sopVersionId, id -> versions.findByIdOptional(id)
                .orElseThrow(() -> new IllegalStateException("missing SOP version id " + id)).version);
    }

    /** @return the state machine of the stored version with that database id */
    public SopStateMachine machine(long sopVersionId) {
        SopStateMachine machine = machines.get(sopVersionId);
        if (machine != null) {
            return machine;
        }
        SopVersion version = versions.findByIdOptional(sopVersionId)
                .orElseThrow(() -> new IllegalStateException("missing SOP version id " + sopVersionId));
        return machine(version);
    }

    /**
     * Validates and stores a revision as the next version, which becomes active for new tickets.
     *
     * @throws InvalidRequestException naming every problem when the document is not a usable SOP
     */
    @Transactional
    public SopVersion add(SopDocument document, String actor) {
        List<FieldError> errors = SopValidator.validate(document);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The SOP is not valid: " + errors.get(0).field() + " "
                    + errors.get(0).message() + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""),
                    errors);
        }
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext('siaga.sop_version'))").getSingleResult();
        SopVersion version = new SopVersion();
        version.version = versions.findActive().map(v -> v.version + 1).orElse(1);
        version.number = document.number().trim();
        version.title = document.title().trim();
        version.effectiveDate = document.effectiveDate() == null ? null : LocalDate.parse(document.effectiveDate());
        version.definition = document;
        version.createdAt = clock.instant();
        version.createdBy = actor;
        versions.persist(version);
        LOG.infof("%s added SOP %s version %d", actor, version.number, version.version);
        return version;
    }

    private String write(SopDocument document) {
        try {
            return json.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
