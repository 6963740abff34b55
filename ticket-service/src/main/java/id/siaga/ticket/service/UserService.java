package id.siaga.ticket.service;

import id.siaga.ticket.config.SiagaConfig;
import id.siaga.ticket.domain.AppUser;
import id.siaga.ticket.domain.ConflictException;
import id.siaga.ticket.domain.InvalidRequestException;
import id.siaga.ticket.domain.ResourceNotFoundException;
import id.siaga.ticket.security.CachedPasswordIdentityProvider;
import id.siaga.ticket.security.PasswordChecks;
import id.siaga.ticket.security.SessionCutoffs;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.repository.UserRepository;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Manages people's accounts; passwords are stored only as bcrypt hashes. */
@ApplicationScoped
public class UserService {

    /** The account created on first start. */
    public static final String ADMIN_USERNAME = "admin";

    private static final Logger LOG = Logger.getLogger(UserService.class);

    private final UserRepository users;
    private final EntityManager entityManager;
    private final SiagaConfig config;
    private final CachedPasswordIdentityProvider credentials;
    private final SessionCutoffs sessions;
    private final PasswordChecks passwords;

    public UserService(UserRepository users, EntityManager entityManager, SiagaConfig config,
            CachedPasswordIdentityProvider credentials, SessionCutoffs sessions, PasswordChecks passwords) {
        this.passwords = passwords;
        this.users = users;
        this.entityManager = entityManager;
        this.config = config;
        this.credentials = credentials;
        this.sessions = sessions;
    }

    /**
     * @throws ConflictException when the user name is taken
     */
    @Transactional
    public AppUser create(String username, String fullName, String password, Set<Role> roles, String email) {
        if (users.findByUsername(username).isPresent()) {
            throw new ConflictException("The user name '" + username + "' is already taken.");
        }
        AppUser user = new AppUser();
        user.username = username;
        user.fullName = fullName.trim();
        user.passwordHash = BcryptUtil.bcryptHash(password);
        user.roleSet(EnumSet.copyOf(roles));
        user.email = email == null || email.isBlank() ? null : email.trim();
        user.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        users.persist(user);
        LOG.infof("Created user %s with roles %s", username, user.roles);
        return user;
    }

    /**
     * Changes an account; null fields stay as they are. Verified passwords remembered for the user are forgotten,
     * and a new password ends the user's web page sessions.
     *
     * @throws ResourceNotFoundException when there is no such user
     */
    @Transactional
    public AppUser update(long id, String fullName, String password, Set<Role> roles, String email) {
        AppUser user = users.findByIdOptional(id)
                .orElseThrow(() -> new ResourceNotFoundException("There is no user with id " + id + "."));
        if (fullName != null) {
            user.fullName = fullName.trim();
        }
        if (password != null) {
            user.passwordHash = BcryptUtil.bcryptHash(password);
            sessions.endSessions(user.username);
        }
        if (roles != null) {
            user.roleSet(EnumSet.copyOf(roles));
        }
        if (email != null) {
            user.email = email.isBlank() ? null : email.trim();
        }
        credentials.forget(user.username);
        LOG.infof("Updated user %s (roles %s)", user.username, user.roles);
        return user;
    }

    /**
     * A person changes their own password, which ends their web page sessions.
     *
     * @throws InvalidRequestException when the current password is wrong
     */
    @Transactional
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        AppUser user = users.findByUsername(username)
                .orElseThrow(() -> new ResourceNotFoundException("Your account no longer exists."));
        if (!passwords.matches(currentPassword, user.passwordHash)) {
            throw new InvalidRequestException("currentPassword", "is not your current password");
        }
        user.passwordHash = BcryptUtil.bcryptHash(newPassword);
        sessions.endSessions(username);
        credentials.forget(username);
        LOG.infof("User %s changed their password", username);
    }

    public List<AppUser> list() {
        return users.listAll(io.quarkus.panache.common.Sort.ascending("username"));
    }

    /**
     * Creates {@code admin} when no user exists yet, with the configured password or a generated one that
     * is printed once. Safe when several instances start on one empty database.
     */
    @Transactional
    public void createFirstAdmin() {
        if (users.count() > 0) {
            return;
        }
        String password = config.admin().password().filter(p -> !p.isBlank()).orElse(null);
        boolean generated = password == null;
        if (generated) {
            byte[] bytes = new byte[15];
            new SecureRandom().nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        int inserted = entityManager.createNativeQuery("""
                insert into app_user (username, full_name, password_hash, roles)
                values (?1, 'Administrator', ?2, 'ADMIN')
                on conflict (username) do nothing""")
                .setParameter(1, ADMIN_USERNAME)
                .setParameter(2, BcryptUtil.bcryptHash(password))
                .executeUpdate();
        if (inserted == 1 && generated) {
            LOG.warnf("Created the first user '%s' with the generated password: %s  (set SIAGA_ADMIN_PASSWORD to "
                    + "choose it; this password is not shown again)", ADMIN_USERNAME, password);
        } else if (inserted == 1) {
            LOG.infof("Created the first user '%s' with the password from SIAGA_ADMIN_PASSWORD", ADMIN_USERNAME);
        }
    }
}
