package id.siaga.ticket.rest;

import id.siaga.ticket.security.CachedPasswordIdentityProvider;
import id.siaga.ticket.support.Api;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person's repeated HTTP Basic calls cost one bcrypt verification within the cache time, concurrent first calls
 * included, counted by {@code siaga_auth_password_hash_checks_total} as {@code /q/metrics} shows it; and the cache
 * never lets in what the user store would refuse.
 */
@QuarkusTest
class PasswordCacheTest {

    private static final Pattern CHECKS = Pattern.compile("(?m)^siaga_auth_password_hash_checks_total(?:\\{[^}]*})? ([0-9.E+]+)$");
    private static final AtomicInteger USERS = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    DataSource dataSource;

    @Inject
    @Any
    Instance<IdentityProvider<?>> providers;

    @Inject
    CachedPasswordIdentityProvider credentials;

    @Test
    void concurrentAndRepeatedCallsOfOnePersonCostOneVerification() throws Exception {
        String user = newUser("ADB");
        String reader = newUser("VIEWER");
        double before = checksReadBy(newUser("VIEWER"));

        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return get("/api/v1/users/me", user, Api.PASSWORD);
                }));
            }
            ready.await();
            go.countDown();
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < 30; i++) {
            assertEquals(200, get("/api/v1/tickets", user, Api.PASSWORD));
        }

        double after = checksReadBy(reader);
        assertEquals(1, after - before - 1, "16 concurrent first calls and 30 more cost one bcrypt check "
                + "(the other one counted is the reader's own sign-in)");
    }

    @Test
    void neverRemembersAWrongPasswordAndEachCostsACheck() throws Exception {
        String user = newUser("ADB");
        String reader = newUser("VIEWER");
        assertEquals(200, get("/api/v1/users/me", user, Api.PASSWORD));
        double before = checksReadBy(newUser("VIEWER"));
        for (int i = 0; i < 3; i++) {
            assertEquals(401, get("/api/v1/users/me", user, "wrong-password"));
        }
        assertEquals(200, get("/api/v1/users/me", user, Api.PASSWORD), "a wrong password does not evict the right one");
        double after = checksReadBy(reader);
        assertEquals(3, after - before - 1, "each wrong password is verified; the remembered right one is not");
    }

    /** As when the first administrator is made at the first start: its first call needs no second bcrypt. */
    @Test
    void aPasswordJustSetCostsNoVerificationAndCountsOnlyWithTheHashItWasSetWith() throws Exception {
        String user = newUser("ADB");
        String reader = newUser("VIEWER");
        String hash = BcryptUtil.bcryptHash("just-set-password");
        update("update app_user set password_hash = ? where username = ?", hash, user);
        credentials.remember(user, hash, "just-set-password");
        double before = checksReadBy(newUser("VIEWER"));
        assertEquals(200, get("/api/v1/users/me", user, "just-set-password"));
        assertEquals(200, get("/api/v1/users/me", user, "just-set-password"));
        assertEquals(401, get("/api/v1/users/me", user, Api.PASSWORD), "the password before it is refused");
        assertEquals(1, checksReadBy(reader) - before - 1, "only the refused password was verified");

        String neverStored = BcryptUtil.bcryptHash("never-stored-password");
        credentials.remember(user, neverStored, "never-stored-password");
        assertEquals(401, get("/api/v1/users/me", user, "never-stored-password"),
                "a password remembered with a hash the account does not have lets nobody in");
        assertEquals(200, get("/api/v1/users/me", user, "just-set-password"));
    }

    @Test
    void refusesAPasswordChangedThroughTheApiAtOnce() throws Exception {
        String user = newUser("ADB");
        long id = idOf(user);
        assertEquals(200, get("/api/v1/users/me", user, Api.PASSWORD));
        Api.admin().body(Map.of("password", "changed-by-admin")).patch("/api/v1/users/{id}", id).then().statusCode(200);
        assertEquals(401, get("/api/v1/users/me", user, Api.PASSWORD));
        assertEquals(200, get("/api/v1/users/me", user, "changed-by-admin"));

        RestAssured.given().auth().preemptive().basic(user, "changed-by-admin").contentType("application/json")
                .body(Map.of("currentPassword", "changed-by-admin", "newPassword", "changed-by-self"))
                .put("/api/v1/users/me/password").then().statusCode(204);
        assertEquals(401, get("/api/v1/users/me", user, "changed-by-admin"));
        assertEquals(200, get("/api/v1/users/me", user, "changed-by-self"));
    }

    /** Another instance changes the password in the shared database: this one's memory must not let the old one in. */
    @Test
    void refusesAPasswordChangedByAnotherInstanceAtOnce() throws Exception {
        String user = newUser("ADB");
        assertEquals(200, get("/api/v1/users/me", user, Api.PASSWORD));
        assertEquals(200, get("/api/v1/users/me", user, Api.PASSWORD));
        update("update app_user set password_hash = ? where username = ?", BcryptUtil.bcryptHash("changed-elsewhere"), user);
        assertEquals(401, get("/api/v1/users/me", user, Api.PASSWORD));
        assertEquals(200, get("/api/v1/users/me", user, "changed-elsewhere"));
    }

    @Test
    void refusesARemovedAccountAndTakesRolesChangedElsewhereAtOnce() throws Exception {
        String user = newUser("ADMIN");
        assertEquals(200, get("/api/v1/users", user, Api.PASSWORD));
        update("update app_user set roles = ? where username = ?", "VIEWER", user);
        assertEquals(403, get("/api/v1/users", user, Api.PASSWORD), "roles come from the account, not the memory");
        assertEquals(200, get("/api/v1/users/me", user, Api.PASSWORD));
        update("delete from app_user where username = ? and ? is not null", user, user);
        assertEquals(401, get("/api/v1/users/me", user, Api.PASSWORD));
    }

    @Test
    void theCacheRunsBeforeTheUserStoreAndIsTheOnlyOneAsked() {
        List<IdentityProvider<?>> forPasswords = providers.stream()
                .filter(p -> p.getRequestType() == UsernamePasswordAuthenticationRequest.class)
                .sorted(Comparator.comparingInt(IdentityProvider<?>::priority).reversed()).toList();
        assertTrue(forPasswords.size() >= 1);
        assertInstanceOf(CachedPasswordIdentityProvider.class, forPasswords.get(0));
        for (IdentityProvider<?> other : forPasswords.subList(1, forPasswords.size())) {
            assertTrue(other.priority() < forPasswords.get(0).priority(), other + " would run first");
        }
    }

    private static String newUser(String role) {
        String name = "cache" + USERS.incrementAndGet() + "." + System.nanoTime() % 100_000;
        Api.admin().body(Map.of("username", name, "fullName", "Cache test", "password", Api.PASSWORD,
                "roles", List.of(role))).post("/api/v1/users").then().statusCode(201);
        return name;
    }

    private static long idOf(String user) {
        return ((Number) RestAssured.given().auth().preemptive().basic(user, Api.PASSWORD).get("/api/v1/users/me")
                .then().statusCode(200).extract().path("id")).longValue();
    }

    /** @return the counter as a person's first call to /q/metrics shows it (that call's own check included) */
    private static double checksReadBy(String reader) throws Exception {
        HttpResponse<String> metrics = HTTP.send(request("/q/metrics", reader, Api.PASSWORD).header("Accept", "text/plain")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metrics.statusCode());
        Matcher m = CHECKS.matcher(metrics.body());
        assertTrue(m.find(), "siaga_auth_password_hash_checks_total is exported");
        return Double.parseDouble(m.group(1));
    }

    private static int get(String path, String user, String password) throws Exception {
        return HTTP.send(request(path, user, password).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static HttpRequest.Builder request(String path, String user, String password) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", "Basic " + basic);
    }

    private void update(String sql, String first, String second) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, first);
            s.setString(2, second);
            assertEquals(1, s.executeUpdate());
        }
    }
}
