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
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
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
    private final AdminAudit audit;
    private final PasswordChecks passwords;
    private final Clock clock;

    public UserService(UserRepository users, EntityManager entityManager, SiagaConfig config,
            CachedPasswordIdentityProvider credentials, SessionCutoffs sessions, AdminAudit audit,
            PasswordChecks passwords, Clock clock) {
        this.clock = clock;
        this.passwords = passwords;
        this.users = users;
        this.entityManager = entityManager;
        this.config = config;
        this.credentials = credentials;
        this.sessions = sessions;
        this.audit = audit;
    }

    /**
     * Changes to an account; null fields stay as they are.
     *
     * @param email  the new e-mail, or an empty string to remove it
     * @param active false disables the account, true enables it again
     */
    public record AccountChange(String fullName, String password, Set<Role> roles, String email, Boolean active) {
    }

    /**
     * @throws ConflictException when the user name is taken
     */
    @Transactional
    public AppUser create(String username, String fullName, String password, Set<Role> roles, String email,
            String actor) {
        if (users.findByUsername(username).isPresent()) {
            throw new ConflictException("The user name '" + username + "' is already taken.");
        }
        AppUser user = new AppUser();
        user.username = username;
        user.fullName = fullName.trim();
        user.passwordHash = BcryptUtil.bcryptHash(password);
        user.roleSet(EnumSet.copyOf(roles));
        user.email = email == null || email.isBlank() ? null : email.trim();
        user.createdAt = clock.instant();
        users.persist(user);
        audit.record(actor, AdminAudit.USER_CREATED, subject(user), "roles " + user.roles
                + (user.email == null ? "" : ", e-mail " + user.email));
        LOG.infof("Created user %s with roles %s", username, user.roles);
        return user;
    }

    /**
     * Changes an account. Verified passwords remembered for the user are forgotten, and a new password or disabling
     * the account ends the user's web page sessions.
     *
     * @throws ResourceNotFoundException when there is no such user
     * @throws ConflictException         when the change would leave no active administrator
     */
    @Transactional
    public AppUser update(long id, AccountChange change, String actor) {
        int otherAdmins = lockAdmins(id);
        AppUser user = users.findByIdOptional(id)
                .orElseThrow(() -> new ResourceNotFoundException("There is no user with id " + id + "."));
        boolean activeAfter = change.active() == null ? user.active : change.active();
        Set<Role> rolesAfter = change.roles() == null ? user.roleSet() : change.roles();
        if (isActiveAdmin(user.active, user.roleSet()) && !isActiveAdmin(activeAfter, rolesAfter)
                && otherAdmins == 0) {
            throw new ConflictException("'" + user.username + "' is the last active administrator: another active "
                    + "administrator is needed before this account is disabled or loses the ADMIN role.");
        }
        List<String> changed = new ArrayList<>();
        if (change.fullName() != null && !change.fullName().trim().equals(user.fullName)) {
            user.fullName = change.fullName().trim();
            changed.add("name " + user.fullName);
        }
        if (change.password() != null) {
            user.passwordHash = BcryptUtil.bcryptHash(change.password());
            changed.add("password reset");
        }
        if (change.roles() != null && !rolesAfter.equals(user.roleSet())) {
            user.roleSet(EnumSet.copyOf(rolesAfter));
            changed.add("roles " + user.roles);
        }
        if (change.email() != null) {
            String email = change.email().isBlank() ? null : change.email().trim();
            if (!Objects.equals(email, user.email)) {
                user.email = email;
                changed.add(email == null ? "e-mail removed" : "e-mail " + email);
            }
        }
        if (activeAfter != user.active) {
            user.active = activeAfter;
            changed.add(activeAfter ? "enabled" : "disabled");
        }
        if (change.password() != null || !user.active) {
            sessions.endSessions(user.username);
        }
        credentials.forget(user.username);
        if (!changed.isEmpty()) {
            audit.record(actor, AdminAudit.USER_CHANGED, subject(user), String.join("; ", changed));
        }
        LOG.infof("Updated user %s (roles %s, active %s)", user.username, user.roles, user.active);
        return user;
    }

    /**
     * A person changes their own e-mail and page language.
     *
     * @param email    the new e-mail, or blank to remove it
     * @param language {@code id}, {@code en}, or null for the default
     */
    @Transactional
    public AppUser changeOwnProfile(String username, String email, String language) {
        AppUser user = users.findByUsername(username)
                .orElseThrow(() -> new ResourceNotFoundException("Your account no longer exists."));
        String newEmail = email == null || email.isBlank() ? null : email.trim();
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(newEmail, user.email)) {
            user.email = newEmail;
            changed.add(newEmail == null ? "e-mail removed" : "e-mail " + newEmail);
        }
        if (!Objects.equals(language, user.language)) {
            user.language = language;
            changed.add("language " + (language == null ? "default" : language));
        }
        if (!changed.isEmpty()) {
            audit.record(username, AdminAudit.PROFILE_CHANGED, subject(user), String.join("; ", changed));
        }
        return user;
    }

    private static boolean isActiveAdmin(boolean active, Set<Role> roles) {
        return active && roles.contains(Role.ADMIN);
    }

    /**
     * Locks, in id order, the rows of the user and of every active administrator until the transaction ends, so that
     * two administrators disabling themselves at once cannot both pass the last-administrator check.
     *
     * @return how many active administrators there are besides that user
     */
    private int lockAdmins(long userId) {
        List<?> rows = entityManager.createNativeQuery("""
                select id from app_user where id = ?1 or (active and concat(',', roles, ',') like '%,ADMIN,%')
                order by id for update""").setParameter(1, userId).getResultList();
        return (int) rows.stream().filter(r -> ((Number) r).longValue() != userId).count();
    }

    private static String subject(AppUser user) {
        return "user:" + user.username;
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
        audit.record(username, AdminAudit.PROFILE_CHANGED, subject(user), "password changed");
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
        String hash = BcryptUtil.bcryptHash(password);
        int inserted = entityManager.createNativeQuery("""
                insert into app_user (username, full_name, password_hash, roles)
                values (?1, 'Administrator', ?2, 'ADMIN')
                on conflict (username) do nothing""")
                .setParameter(1, ADMIN_USERNAME)
                .setParameter(2, hash)
                .executeUpdate();
        if (inserted == 1) {
            credentials.remember(ADMIN_USERNAME, hash, password);
        }
        if (inserted == 1 && generated) {
            LOG.warnf("Created the first user '%s' with the generated password: %s  (set SIAGA_ADMIN_PASSWORD to "
                    + "choose it; this password is not shown again)", ADMIN_USERNAME, password);
        } else if (inserted == 1) {
            LOG.infof("Created the first user '%s' with the password from SIAGA_ADMIN_PASSWORD", ADMIN_USERNAME);
        }
    }
}
