package id.siaga.ticket.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Bearer tokens that are random 256-bit secrets stored as their SHA-256 (agents', offices'): the hash is looked up
 * directly (no slow password hash per request) and compared in constant time, and what it names is cached for
 * {@code ttl}, so most requests do not read the database.
 *
 * @param <T> what a token names (a server, an office)
 */
public final class HashedTokens<T> {

    /** A token's owner and its identity, made once: a security identity is immutable, so requests share it. */
    private record Known<T>(T owner, SecurityIdentity identity, byte[] hash, long expiresAtNanos) {
    }

    /** Bounds the memory a flood of distinct valid tokens could take. */
    private static final int MAX_ENTRIES = 100_000;

    private final Duration ttl;
    private final Function<byte[], T> lookup;
    private final Function<T, SecurityIdentity> identity;
    private final String unknown;
    private final Map<String, Known<T>> cache = new ConcurrentHashMap<>();

    /**
     * @param lookup   finds the owner of a hash in the database (blocking), or null
     * @param identity the security identity of an owner
     * @param unknown  the message of the failure for a token nobody owns
     */
    public HashedTokens(Duration ttl, Function<byte[], T> lookup, Function<T, SecurityIdentity> identity, String unknown) {
        this.ttl = ttl;
        this.lookup = lookup;
        this.identity = identity;
        this.unknown = unknown;
    }

    /** @return the identity of the token's owner; fails with {@link AuthenticationFailedException} when none */
    public Uni<SecurityIdentity> authenticate(String token, AuthenticationRequestContext context) {
        byte[] hash = Tokens.hash(token);
        String key = Base64.getEncoder().encodeToString(hash);
        Known<T> known = cache.get(key);
        if (known != null && known.expiresAtNanos() > System.nanoTime() && MessageDigest.isEqual(known.hash(), hash)) {
            return Uni.createFrom().item(known.identity());
        }
        return context.runBlocking(() -> {
            T found = lookup.apply(hash);
            if (found == null) {
                cache.remove(key);
                throw new AuthenticationFailedException(unknown);
            }
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            SecurityIdentity made = identity.apply(found);
            cache.put(key, new Known<>(found, made, hash, System.nanoTime() + ttl.toNanos()));
            return made;
        });
    }

    /** Forgets the cached tokens of the owners that match (e.g. a server whose token was renewed). */
    public void forget(Predicate<T> owners) {
        cache.values().removeIf(k -> owners.test(k.owner()));
    }
}
