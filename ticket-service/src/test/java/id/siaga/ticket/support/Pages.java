package id.siaga.ticket.support;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signed-in browser session on the web pages without a browser: the session cookie from the sign-in form,
 * and the CSRF cookie and form token from a page.
 */
public final class Pages {

    public static final String SESSION_COOKIE = "siaga-session";
    public static final String CSRF_COOKIE = "siaga-csrf";
    public static final String CSRF_FIELD = "csrf-token";
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"" + CSRF_FIELD + "\" value=\"([^\"]+)\"");

    private final Map<String, String> cookies = new HashMap<>();

    private Pages() {
    }

    /** Signs in through the form as a test user (see {@link Api}). */
    public static Pages signIn(String username) {
        Api.ensureUsers();
        return signIn(username, Api.PASSWORD);
    }

    public static Pages signIn(String username, String password) {
        Pages pages = new Pages();
        Response response = RestAssured.given().redirects().follow(false)
                .formParam("username", username).formParam("password", password)
                .post("/j_security_check");
        if (response.statusCode() != 302 || response.getCookie(SESSION_COOKIE) == null) {
            throw new IllegalStateException("sign-in as " + username + " failed: " + response.statusCode());
        }
        pages.cookies.put(SESSION_COOKIE, response.getCookie(SESSION_COOKIE));
        return pages;
    }

    /** @return the value of the session cookie */
    public String sessionCookie() {
        return cookies.get(SESSION_COOKIE);
    }

    /** @return the session and CSRF cookies as a browser sends them back ({@code Cookie} header) */
    public String cookieHeader() {
        return String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    /** @return a request carrying the session (and CSRF) cookies, not following redirects */
    public RequestSpecification request() {
        return RestAssured.given().redirects().follow(false).cookies(cookies);
    }

    /** GETs a page, keeping any cookie it sets, and returns the response. */
    public Response get(String path) {
        Response response = request().get(path);
        response.getCookies().forEach(cookies::put);
        return response;
    }

    /** @return the CSRF token of the forms on the page, after reading the page (which also sets the CSRF cookie) */
    public String csrfToken(String path) {
        String html = get(path).then().statusCode(200).extract().asString();
        Matcher m = CSRF_INPUT.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + path);
        }
        return m.group(1);
    }
}
