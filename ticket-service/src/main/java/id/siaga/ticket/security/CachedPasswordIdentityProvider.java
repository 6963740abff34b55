package id.siaga.ticket.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs people in with a user name and password (HTTP Basic on the API, the sign-in form on the pages) against
 * {@code app_user}, and remembers for {@link #TTL} that a password was right, so that a script or dashboard calling
 * the API does not pay a bcrypt verification (tens of milliseconds of CPU, {@link PasswordChecks}) on every request.
 * <ul>
 * <li>Every request reads the account's row (one indexed query): a removed account is refused at once, its roles
 * are the current ones, and a remembered password counts only together with the stored hash it was verified
 * against, so a password changed on any instance makes the old one fail at once everywhere.</li>
 * <li>Only a salted SHA-256 of (user name, stored hash, password) is kept, in memory, one per user; failures are
 * never remembered. An unknown user name costs a bcrypt verification too (against a random hash), so that the time
 * of the answer does not tell which names exist.</li>
 * <li>Concurrent requests with the same not yet remembered credentials wait for one verification instead of
 * each paying their own.</li>
 * </ul>
 * Every sign-in passes {@link SignInThrottle} first: a locked name or address is refused without looking at the
 * password, and failures are slowed down. It runs before the quarkus-security-jpa user store (higher priority) and
 * never hands a request on to it: it answers every user name and password itself. A disabled account ({@code active}
 * false, on any instance) is refused at once, remembered password or not.
 */
@ApplicationScoped
public class CachedPasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    static final Duration TTL = Duration.ofSeconds(60);
    private static final int MAX_ENTRIES = 10_000;

    private record Verified(byte[] digest, long expiresAtNanos) {
    }

    private record Account(String passwordHash, String roles, boolean active) {
    }

    private final AgroalDataSource dataSource;
    private final PasswordChecks checks;
    private final SessionCutoffs sessions;
    private final SignInThrottle throttle;
    private final String formPostLocation;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Boolean>> verifying = new ConcurrentHashMap<>();
    private final byte[] salt = new byte[32];
    private volatile String unknownUserHash;

    public CachedPasswordIdentityProvider(AgroalDataSource dataSource, PasswordChecks checks, SessionCutoffs sessions,
            SignInThrottle throttle, @ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check")
            String formPostLocation) {
        this.dataSource = dataSource;
        this.checks = checks;
        this.sessions = sessions;
        this.throttle = throttle;
        this.formPostLocation = formPostLocation;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    /** Before the user store, whose priority is the default {@code SYSTEM_FIRST + 1}. */
    @Override
    public int priority() {
        return SYSTEM_FIRST + 10;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String username = request.getUsername();
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        boolean form = isFormSignIn(routing);
        String address = clientAddress(routing);
        Optional<Duration> locked = throttle.lockedFor(username, address);
        if (locked.isPresent()) {
            return Uni.createFrom().failure(new SignInLockedException(locked.get()));
        }
        Uni<SecurityIdentity> verified = context.runBlocking(() -> verify(request))
                .onFailure(AuthenticationFailedException.class).recoverWithUni(failure -> Uni.createFrom().deferred(() -> {
                    Duration delay = throttle.failed(username, address,
                            form ? SignInThrottle.Channel.FORM : SignInThrottle.Channel.API);
                    Uni<SecurityIdentity> refusal = Uni.createFrom().failure(failure);
                    return delay.isZero() ? refusal : Uni.createFrom().voidItem().onItem().delayIt().by(delay)
                            .chain(() -> refusal);
                }))
                .invoke(() -> throttle.succeeded(username));
        if (!form) {
            return verified;
        }
        return verified.call(identity -> context.runBlocking(() -> {
            sessions.signedIn(username);
            return identity;
        }));
    }

    private static String clientAddress(RoutingContext routing) {
        if (routing == null || routing.request().remoteAddress() == null) {
            return "unknown";
        }
        String host = routing.request().remoteAddress().hostAddress();
        return host == null ? "unknown" : host;
    }

    /**
     * @return the identity of the account, when the password is right for its current stored hash
     * @throws AuthenticationFailedException for an unknown user name or a wrong password
     */
    private SecurityIdentity verify(UsernamePasswordAuthenticationRequest request) {
        String username = request.getUsername();
        Account account = account(username);
        String password = new String(request.getPassword().getPassword());
        if (account == null || account.passwordHash() == null || !account.active()) {
            // As long as for a known user, so that the answer's time does not tell which names exist.
            checks.matches(password, unknownUserHash());
            throw new AuthenticationFailedException();
        }
        byte[] digest = digest(username, account.passwordHash(), password);
        if (!isRemembered(username, digest) && !verifyOnce(username, account.passwordHash(), password, digest)) {
            throw new AuthenticationFailedException();
        }
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(username)).addCredential(request.getPassword());
        if (account.roles() != null) {
            Arrays.stream(account.roles().split(",")).map(String::trim).filter(r -> !r.isEmpty()).forEach(identity::addRole);
        }
        return identity.build();
    }

    /** @return a bcrypt hash of a random secret, made once, to verify unknown users' passwords against */
    private String unknownUserHash() {
        String hash = unknownUserHash;
        if (hash == null) {
            byte[] secret = new byte[24];
            new SecureRandom().nextBytes(secret);
            hash = BcryptUtil.bcryptHash(HexFormat.of().formatHex(secret));
            unknownUserHash = hash;
        }
        return hash;
    }

    private boolean isRemembered(String username, byte[] digest) {
        Verified known = verified.get(username);
        return known != null && known.expiresAtNanos() > System.nanoTime() && MessageDigest.isEqual(known.digest(), digest);
    }

    /**
     * Verifies the password against the stored hash; requests with the same credentials meanwhile wait for this
     * verification rather than starting their own. A right password is remembered before the waiting ones are told.
     */
    private boolean verifyOnce(String username, String storedHash, String password, byte[] digest) {
        String key = HexFormat.of().formatHex(digest);
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> running = verifying.putIfAbsent(key, mine);
        if (running != null) {
            return running.join();
        }
        try {
            // Another request may have verified and remembered these credentials just before this one took its turn.
            boolean right = isRemembered(username, digest) || checks.matches(password, storedHash);
            if (right) {
                remember(username, digest);
            }
            mine.complete(right);
            return right;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            verifying.remove(key, mine);
        }
    }

    /**
     * @return the account's stored password hash and roles, or null when there is no such user (as for a name with a
     * NUL character, which no stored name has: PostgreSQL would refuse to compare it)
     */
    private Account account(String username) {
        if (username.indexOf('\u0000') >= 0) {
            return null;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select password_hash, roles, active from app_user where username = ?")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new Account(rs.getString(1), rs.getString(2), rs.getBoolean(3)) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read an account", e);
        }
    }

    /** @return whether the request is the sign-in form's post (else HTTP Basic on the API) */
    private boolean isFormSignIn(RoutingContext routing) {
        return routing != null && routing.request().method() == HttpMethod.POST
                && routing.normalizedPath().endsWith(formPostLocation);
    }

    /**
     * Remembers a password just set, with the hash made from it, as a verified sign-in would: the first request
     * with it (the first administrator's, right after the first start) does not pay a second bcrypt. It counts only
     * while that hash is the account's stored one, like every remembered password.
     */
    public void remember(String username, String storedHash, String password) {
        remember(username, digest(username, storedHash, password));
    }

    private void remember(String username, byte[] digest) {
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(username, new Verified(digest, System.nanoTime() + TTL.toNanos()));
    }

    /** Forgets what was verified for a user (password or roles changed). */
    public void forget(String username) {
        verified.remove(username);
    }

    private byte[] digest(String username, String storedHash, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(storedHash.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
