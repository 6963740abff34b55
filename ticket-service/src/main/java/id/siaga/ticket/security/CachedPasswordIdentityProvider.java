package id.siaga.ticket.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for a minute, that a user name and password were right, so that a script or dashboard calling
 * the API with HTTP Basic does not pay a bcrypt verification (tens of milliseconds of CPU) on every request.
 * The first request, and any with another password, goes to the user store (quarkus-security-jpa, bcrypt);
 * only a salted SHA-256 of a verified password is kept, in memory. Every sign-in passes {@link SignInThrottle}
 * first: a locked name or address is refused without looking at the password, and failures are slowed down.
 * Every sign-in, remembered or not, then checks that the account is still active (one indexed read), so that an
 * account disabled on any instance is refused at once everywhere.
 */
@ApplicationScoped
public class CachedPasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    static final Duration TTL = Duration.ofSeconds(60);
    private static final int MAX_ENTRIES = 10_000;

    private record Verified(byte[] digest, SecurityIdentity identity, long expiresAtNanos) {
    }

    private final Instance<IdentityProvider<?>> providers;
    private final SessionCutoffs sessions;
    private final SignInThrottle throttle;
    private final String formPostLocation;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final byte[] salt = new byte[32];
    private volatile IdentityProvider<UsernamePasswordAuthenticationRequest> store;

    public CachedPasswordIdentityProvider(@Any Instance<IdentityProvider<?>> providers, SessionCutoffs sessions,
            SignInThrottle throttle, @ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check")
            String formPostLocation) {
        this.providers = providers;
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
        Uni<SecurityIdentity> verified = verify(request, context)
                .call(identity -> context.runBlocking(() -> {
                    if (!sessions.isActive(username)) {
                        throw new AuthenticationFailedException("the account is disabled");
                    }
                    return identity;
                }))
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

    private Uni<SecurityIdentity> verify(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        String username = request.getUsername();
        byte[] digest = digest(username, request.getPassword().getPassword());
        Verified known = verified.get(username);
        if (known != null && known.expiresAtNanos() > System.nanoTime() && MessageDigest.isEqual(known.digest(), digest)) {
            return Uni.createFrom().item(known.identity());
        }
        return store().authenticate(request, context).invoke(identity -> {
            if (identity != null && !identity.isAnonymous()) {
                if (verified.size() >= MAX_ENTRIES) {
                    verified.clear();
                }
                verified.put(username, new Verified(digest, identity, System.nanoTime() + TTL.toNanos()));
            }
        });
    }

    /** @return whether the request is the sign-in form's post (else HTTP Basic on the API) */
    private boolean isFormSignIn(RoutingContext routing) {
        return routing != null && routing.request().method() == HttpMethod.POST
                && routing.normalizedPath().endsWith(formPostLocation);
    }

    /** Forgets what was verified for a user (password or roles changed). */
    public void forget(String username) {
        verified.remove(username);
    }

    /** @return the user store: the next provider of user names and passwords */
    @SuppressWarnings("unchecked")
    private IdentityProvider<UsernamePasswordAuthenticationRequest> store() {
        IdentityProvider<UsernamePasswordAuthenticationRequest> found = store;
        if (found == null) {
            List<IdentityProvider<?>> candidates = providers.stream()
                    .filter(p -> p.getRequestType() == UsernamePasswordAuthenticationRequest.class)
                    .filter(p -> !(p instanceof CachedPasswordIdentityProvider))
                    .sorted(Comparator.comparingInt(IdentityProvider<?>::priority).reversed())
                    .toList();
            if (candidates.isEmpty()) {
                throw new IllegalStateException("no user store for user names and passwords");
            }
            found = (IdentityProvider<UsernamePasswordAuthenticationRequest>) candidates.get(0);
            store = found;
        }
        return found;
    }

    private byte[] digest(String username, char[] password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(new String(password).getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
