package id.siaga.ticket.web;

import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Pages;
import id.siaga.ticket.support.RawRequest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the browser is told besides the page: the security headers, how cookies are marked (Secure only when the
 * service is reached over HTTPS, through a proxy that says so), and redirects that never repeat the Host header.
 */
@QuarkusTest
class PageHeadersTest {

    private static final String EVIL = "evil.example";
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"" + Pages.CSRF_FIELD + "\" value=\"([^\"]+)\"");

    @Test
    void sendsTheSecurityHeadersWithPagesAssetsAndTheApi() {
        Pages adb = Pages.signIn(Api.ADB);
        for (RawRequest.Answer answer : List.of(RawRequest.get("/masuk").send(), signedIn(adb, RawRequest.get("/papan")).send(),
                RawRequest.get("/assets/siaga.css").send(), RawRequest.get("/assets/siaga.js").send(),
                RawRequest.get("/papan").send())) {
            assertPageHeaders(answer);
        }
        for (RawRequest.Answer answer : List.of(RawRequest.get("/api/v1/tickets").send(),
                RawRequest.get("/api/v1/tickets").header("Authorization", Api.basicHeader(Api.ADB, Api.PASSWORD)).send())) {
            assertEquals("DENY", answer.header("X-Frame-Options"), answer.headers().toString());
            assertEquals("nosniff", answer.header("X-Content-Type-Options"));
            assertEquals("same-origin", answer.header("Referrer-Policy"));
            String csp = answer.header("Content-Security-Policy");
            assertNotNull(csp, answer.headers().toString());
            assertTrue(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"), csp);
        }
        RawRequest.Answer swagger = RawRequest.get("/q/swagger-ui/").header("Authorization", Api.basicHeader(Api.VIEWER, Api.PASSWORD)).send();
        assertEquals(200, swagger.status());
        assertEquals("DENY", swagger.header("X-Frame-Options"));
        assertEquals("nosniff", swagger.header("X-Content-Type-Options"));
    }

    @Test
    void marksEveryCookieSecureOnlyWhenReachedOverHttps() {
        Api.ensureUsers();
        RawRequest.Answer plainSignIn = signIn(RawRequest.post("/j_security_check"));
        String plainSession = cookie(plainSignIn, Pages.SESSION_COOKIE);
        assertFalse(attributes(plainSession).contains("secure"), plainSession);
        RawRequest.Answer plainPage = RawRequest.get("/papan?lang=en").header("Cookie", value(plainSession)).send();
        assertEquals(200, plainPage.status(), plainPage.body());
        String plainCsrf = cookie(plainPage, Pages.CSRF_COOKIE);
        assertFalse(attributes(plainCsrf).contains("secure"), plainCsrf);
        assertTrue(attributes(plainCsrf).contains("samesite=lax"), plainCsrf);
        String plainLanguage = cookie(plainPage, "siaga-lang");
        assertFalse(attributes(plainLanguage).contains("secure"), plainLanguage);

        RawRequest.Answer httpsSignIn = signIn(RawRequest.post("/j_security_check").header("X-Forwarded-Proto", "https"));
        String session = cookie(httpsSignIn, Pages.SESSION_COOKIE);
        assertTrue(attributes(session).contains("secure"), session);
        assertTrue(attributes(session).contains("httponly"), session);
        RawRequest.Answer page = RawRequest.get("/papan?lang=en").header("X-Forwarded-Proto", "https")
                .header("Cookie", value(session)).send();
        assertEquals(200, page.status(), page.body());
        String csrf = cookie(page, Pages.CSRF_COOKIE);
        assertTrue(attributes(csrf).contains("secure"), csrf);
        assertTrue(attributes(csrf).contains("samesite=lax"), csrf);
        String language = cookie(page, "siaga-lang");
        assertTrue(attributes(language).contains("secure"), language);
    }

    @Test
    void redirectsWithoutRepeatingTheHostHeader() {
        Api.ensureUsers();
        RawRequest.Answer signIn = signIn(RawRequest.post("/j_security_check").header("Host", EVIL));
        assertEquals(302, signIn.status());
        assertNoEvil(signIn);
        assertTrue(signIn.header("Location").endsWith("/papan"), signIn.header("Location"));

        RawRequest.Answer wrong = RawRequest.post("/j_security_check").header("Host", EVIL)
                .body("application/x-www-form-urlencoded", "username=" + Api.ADB + "&password=wrong").send();
        assertEquals(302, wrong.status());
        assertNoEvil(wrong);

        for (String path : List.of("/papan", "/tiket/1", "/")) {
            RawRequest.Answer answer = RawRequest.get(path).header("Host", EVIL).send();
            assertEquals(302, answer.status(), path);
            assertNoEvil(answer);
        }

        String session = value(cookie(signIn(RawRequest.post("/j_security_check")), Pages.SESSION_COOKIE));
        RawRequest.Answer board = RawRequest.get("/masuk").header("Host", EVIL).header("Cookie", session).send();
        assertEquals(303, board.status());
        assertNoEvil(board);

        RawRequest.Answer page = RawRequest.get("/papan").header("Cookie", session).send();
        Matcher token = CSRF_INPUT.matcher(page.body());
        assertTrue(token.find(), page.body());
        String cookies = session + "; " + value(cookie(page, Pages.CSRF_COOKIE));
        RawRequest.Answer signOut = RawRequest.post("/keluar").header("Host", EVIL).header("Cookie", cookies)
                .body("application/x-www-form-urlencoded", Pages.CSRF_FIELD + "=" + token.group(1)).send();
        assertEquals(303, signOut.status(), signOut.body());
        assertNoEvil(signOut);
        assertTrue(signOut.header("Location").endsWith("/masuk?keluar=1"), signOut.header("Location"));
    }

    private static void assertPageHeaders(RawRequest.Answer answer) {
        String csp = answer.header("Content-Security-Policy");
        assertNotNull(csp, answer.headers().toString());
        for (String directive : List.of("default-src 'self'", "frame-ancestors 'none'", "form-action 'self'",
                "base-uri 'none'", "object-src 'none'")) {
            assertTrue(csp.contains(directive), directive + " in " + csp);
        }
        assertFalse(csp.contains("unsafe-inline"), csp);
        assertEquals("DENY", answer.header("X-Frame-Options"));
        assertEquals("nosniff", answer.header("X-Content-Type-Options"));
        assertEquals("same-origin", answer.header("Referrer-Policy"));
    }

    private static void assertNoEvil(RawRequest.Answer answer) {
        String location = answer.header("Location");
        assertNotNull(location, answer.headers().toString());
        assertFalse(location.contains(EVIL), location);
        assertTrue(location.startsWith("/"), "a path on the same site: " + location);
    }

    private static RawRequest.Answer signIn(RawRequest request) {
        return request.body("application/x-www-form-urlencoded",
                "username=" + URLEncoder.encode(Api.ADB, StandardCharsets.UTF_8) + "&password=" + Api.PASSWORD).send();
    }

    private static RawRequest signedIn(Pages pages, RawRequest request) {
        return request.header("Cookie", Pages.SESSION_COOKIE + "=" + pages.sessionCookie());
    }

    /** @return the whole Set-Cookie header that sets the cookie */
    private static String cookie(RawRequest.Answer answer, String name) {
        return answer.all("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + answer.headers()));
    }

    /** @return the cookie's name=value, as a browser sends it back */
    private static String value(String setCookie) {
        return setCookie.split(";")[0];
    }

    /** @return the cookie's attributes, lower case, without spaces */
    private static String attributes(String setCookie) {
        return setCookie.substring(setCookie.indexOf(';') + 1).toLowerCase(Locale.ROOT).replace(" ", "");
    }
}
