package id.siaga.ticket.it;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three real service processes, each on its own PostgreSQL, chained as a regency reports to its province and the
 * province to the national SIAGA: a failing check at the regency shows on the province's {@code /wilayah} within two
 * intervals and reaches the national roll-up through the province; the province stopped for several intervals and
 * started again gets every summary once, and forwards every summary of the regency to the national level once (its
 * history, not only its latest); wrong tokens are refused; an office gone silent is escalated once.
 */
class OfficesIT {

    private static final String ADMIN_PASSWORD = "admin-offices";
    private static final int INTERVAL_SECONDS = 3;
    private static final String REGENCY = "13.01";
    private static final String PROVINCE = "13";
    private static final String SILENT = "13.02";

    private static EmbeddedPostgres regencyDb;
    private static EmbeddedPostgres provinceDb;
    private static EmbeddedPostgres nationalDb;
    private static ServiceProcess regency;
    private static ServiceProcess province;
    private static ServiceProcess national;
    private static Map<String, String> provinceEnv;
    private static String silentToken;

    @BeforeAll
    static void start() throws Exception {
        regencyDb = EmbeddedPostgres.builder().start();
        provinceDb = EmbeddedPostgres.builder().start();
        nationalDb = EmbeddedPostgres.builder().start();
        national = ServiceProcess.start("national", env(nationalDb, "00", "Ditjen Dukcapil", null, null));
        String provinceToken = register(national, PROVINCE, "Dinas Dukcapil Provinsi Sumatera Barat");
        int provincePort = ServiceProcess.freePort();
        provinceEnv = env(provinceDb, PROVINCE, "Dinas Dukcapil Provinsi Sumatera Barat", national.url(), provinceToken);
        province = ServiceProcess.start("province", provinceEnv, provincePort);
        String regencyToken = register(province, REGENCY, "Disdukcapil Kabupaten Pesisir Selatan");
        silentToken = register(province, SILENT, "Disdukcapil Kabupaten Solok");
        regency = ServiceProcess.start("regency", env(regencyDb, REGENCY, "Disdukcapil Kabupaten Pesisir Selatan",
                province.url(), regencyToken));
        admin(province).body(Map.of("username", "kasi", "fullName", "Kasi Provinsi", "password", "password-123",
                "roles", List.of("KASI"))).post("/api/v1/users").then().statusCode(201);
    }

    private static Map<String, String> env(EmbeddedPostgres db, String code, String name, String upstream, String token) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", db.getJdbcUrl("postgres", "postgres"));
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("SIAGA_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("SIAGA_NOTIFY_EMAIL", "false");
        env.put("SIAGA_ESCALATION_SWEEP", "1s");
        env.put("SIAGA_OFFICE_CODE", code);
        env.put("SIAGA_OFFICE_NAME", name);
        env.put("SIAGA_UPSTREAM_INTERVAL", INTERVAL_SECONDS + "s");
        env.put("SIAGA_UPSTREAM_MAX_BACKOFF", "2s");
        env.put("SIAGA_UPSTREAM_SILENT_AFTER", "8s");
        env.put("SIAGA_UPSTREAM_SILENT_KABID_AFTER", "2s");
        if (upstream != null) {
            env.put("SIAGA_UPSTREAM_URL", upstream);
            env.put("SIAGA_UPSTREAM_TOKEN", token);
        }
        return env;
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {regency, province, national, regencyDb, provinceDb, nationalDb}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void failingCheckAtTheRegencyShowsUpstreamWithinTwoIntervalsAndReachesTheNationalRollUp() throws Exception {
        Response created = admin(regency).body(Map.of("name", "siak-db-01", "role", "SIAK_DB", "location", "Painan"))
                .post("/api/v1/servers");
        created.then().statusCode(201);
        String agentToken = created.path("agentToken");
        List<Map<String, Object>> findings = new ArrayList<>();
        findings.add(Map.of("id", UUID.randomUUID().toString(), "check", "siak-db-port", "kind", "tcp", "status", "CRIT",
                "message", "connection refused", "observedAt", Instant.now().toString(), "durationMs", 3));
        findings.add(Map.of("id", UUID.randomUUID().toString(), "check", "agent", "kind", "heartbeat", "status", "OK",
                "message", "agent 1.4.2 alive; 1 checks", "observedAt", Instant.now().toString(), "durationMs", 0));
        RestAssured.given().baseUri(regency.url()).header("Authorization", "Bearer " + agentToken)
                .header("User-Agent", "siaga-agent/1.4.2").contentType(ContentType.JSON).body(findings)
                .post("/api/v1/findings").then().statusCode(200);
        long failedAt = System.nanoTime();

        await(Duration.ofSeconds(2L * INTERVAL_SECONDS), () -> "CRIT".equals(state(province, REGENCY)));
        long seconds = Duration.ofNanos(System.nanoTime() - failedAt).toSeconds();
        assertTrue(seconds <= 2L * INTERVAL_SECONDS, "shown after " + seconds + " s");

        String page = signedIn(province).get("/wilayah").then().statusCode(200).extract().asString();
        assertTrue(page.contains("data-office=\"" + REGENCY + "\" data-state=\"CRIT\""), page);
        assertTrue(page.contains("Disdukcapil Kabupaten Pesisir Selatan"));
        assertTrue(page.contains("13 · Dinas Dukcapil Provinsi Sumatera Barat"), "the province's own identity in its frame");

        JsonPath item = item(province, REGENCY);
        assertEquals("SIAK", item.getString("summary.servers[0].application"));
        assertEquals("SIAK_DB", item.getString("summary.servers[0].role"));
        assertNotNull(item.getString("summary.servers[0].worstSince"));
        assertEquals(1, item.getInt("summary.servers[0].reporting"));
        assertEquals("1.4.2", awaitVersion());
        assertFalse(item.prettify().contains("connection refused"), "no check text leaves the office");
        assertFalse(item.prettify().contains("Painan"), "no server details leave the office");

        await(Duration.ofSeconds(4L * INTERVAL_SECONDS), () -> "CRIT".equals(state(national, REGENCY)));
        assertEquals(PROVINCE, item(national, REGENCY).getString("via"));
        assertNationalHasEveryRegencySummaryOnce();
    }

    @Test
    void summariesSentWhileTheUpstreamWasStoppedArriveOnceEach() throws Exception {
        await(Duration.ofSeconds(3L * INTERVAL_SECONDS), () -> count(regencyDb, "select count(*) from office_outbox where sent_at is not null") > 0);
        province.close();
        long before = count(regencyDb, "select count(*) from office_outbox");
        Thread.sleep(Duration.ofSeconds(4L * INTERVAL_SECONDS).toMillis());
        long waiting = count(regencyDb, "select count(*) from office_outbox where sent_at is null");
        assertTrue(waiting >= 3, "summaries kept while the upstream is down: " + waiting);
        assertTrue(count(regencyDb, "select count(*) from office_outbox") >= before + 3);

        province = ServiceProcess.start("province", provinceEnv, province.port());
        await(Duration.ofSeconds(30), () -> count(regencyDb, "select count(*) from office_outbox where sent_at is null") <= 1);
        await(Duration.ofSeconds(10), () -> count(regencyDb, "select count(*) from office_outbox where sent_at is null") == 0);
        Set<String> sent = ids(regencyDb, "select id::text from office_outbox where sent_at is not null");
        Set<String> received = ids(provinceDb, "select id::text from office_summary where office_code = '" + REGENCY + "'");
        assertTrue(received.containsAll(sent), "every summary the regency sent is stored upstream");
        assertEquals(received.size(), count(provinceDb, "select count(*) from office_summary where office_code = '"
                + REGENCY + "'"), "each once");
        assertEquals(0, count(regencyDb, "select count(*) from office_outbox where sent_at is not null and last_error is not null"),
                "none set aside");
        assertTrue(count(nationalDb, "select count(*) from office_summary where office_code = '" + REGENCY + "'") >= waiting,
                "the national level holds the regency's history, not only its latest summary");
        assertNationalHasEveryRegencySummaryOnce();
    }

    /**
     * Every summary of the regency the province stored is forwarded to the national level (within a few of the
     * province's intervals), each once: one per slot, and the same ids.
     */
    private static void assertNationalHasEveryRegencySummaryOnce() throws Exception {
        String regencyRows = "select id::text from office_summary where office_code = '" + REGENCY + "'";
        Set<String> atProvince = ids(provinceDb, regencyRows);
        assertFalse(atProvince.isEmpty());
        await(Duration.ofSeconds(6L * INTERVAL_SECONDS), () -> {
            try {
                return ids(nationalDb, regencyRows).containsAll(atProvince);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(0, count(nationalDb, "select count(*) - count(distinct generated_at) from office_summary where office_code = '"
                + REGENCY + "'"), "no slot of the regency twice at the national level");
        assertTrue(ids(provinceDb, regencyRows).containsAll(ids(nationalDb, regencyRows)),
                "nothing at the national level that the province did not receive");
        assertEquals(0, count(provinceDb, "select count(*) from office_forward where sent_at is null and generated_at < now() - interval '"
                + (6 * INTERVAL_SECONDS) + " seconds'"), "nothing left behind in the province's forward queue");
    }

    @Test
    void refusesMissingWrongAndOtherOfficesTokensAndStoresARepeatOnce() throws Exception {
        String silentRows = "select count(*) from office_summary where office_code = '" + SILENT + "'";
        long stored = count(provinceDb, silentRows);
        long offices = count(provinceDb, "select count(*) from office");
        String body = summary(SILENT, UUID.randomUUID());
        post(province, SILENT, null, body).then().statusCode(401);
        post(province, SILENT, "siaga-office_not-a-real-token", body).then().statusCode(401);
        post(province, REGENCY, silentToken, summary(REGENCY, UUID.randomUUID())).then().statusCode(403);
        post(province, SILENT, silentToken, summary(REGENCY, UUID.randomUUID())).then().statusCode(422);
        post(province, SILENT, silentToken, "{\"summaryId\": ").then().statusCode(400);
        post(province, SILENT, silentToken, "{\"summaryId\": \"" + UUID.randomUUID() + "\"}").then().statusCode(400);
        admin(province).body(Map.of("code", REGENCY, "name", "Dua kali")).post("/api/v1/offices").then().statusCode(409);
        admin(province).body(Map.of("code", "=13", "name", "Bukan kode")).post("/api/v1/offices").then().statusCode(400);
        RestAssured.given().baseUri(province.url()).auth().preemptive().basic("kasi", "password-123")
                .contentType(ContentType.JSON).body(Map.of("code", "13.99", "name", "Kasi tidak boleh"))
                .post("/api/v1/offices").then().statusCode(403);
        assertEquals(stored, count(provinceDb, silentRows), "nothing stored on a refusal");
        assertEquals(offices, count(provinceDb, "select count(*) from office"), "no office registered on a refusal");
    }

    @Test
    void aSummaryPostedTwiceIsStoredOnce() throws Exception {
        UUID id = UUID.randomUUID();
        String body = summary(SILENT, id);
        post(province, SILENT, silentToken, body).then().statusCode(202).body("stored", org.hamcrest.Matchers.is(true));
        post(province, SILENT, silentToken, body).then().statusCode(200).body("stored", org.hamcrest.Matchers.is(false));
        assertEquals(1, count(provinceDb, "select count(*) from office_summary where id = '" + id + "'"));
    }

    @Test
    void anOfficeGoneSilentIsEscalatedOnceToTheKasiThenTheKabid() throws Exception {
        String office = "13.03";
        register(province, office, "Disdukcapil Kota Padang");
        await(Duration.ofSeconds(20), () -> count(provinceDb, "select count(*) from escalation where reason = 'OFFICE_SILENT' "
                + "and level = 2 and dedup_key like 'OFFICE_SILENT:office:" + office + ":%'") == 1);
        Thread.sleep(3000);
        assertEquals(1, count(provinceDb, "select count(*) from escalation where reason = 'OFFICE_SILENT' and level = 1 "
                + "and recipient_role = 'KASI' and dedup_key like 'OFFICE_SILENT:office:" + office + ":%'"));
        assertEquals(1, count(provinceDb, "select count(*) from escalation where reason = 'OFFICE_SILENT' and level = 2 "
                + "and recipient_role = 'KABID' and dedup_key like 'OFFICE_SILENT:office:" + office + ":%'"));
        assertEquals("SILENT", state(province, office));
        String page = signedIn(province).get("/wilayah?urut=state").then().statusCode(200).extract().asString();
        assertTrue(page.contains("data-office=\"" + office + "\" data-state=\"SILENT\""));
    }

    // ---- helpers

    private static String summary(String code, UUID id) {
        return """
                {"summaryId":"%s","office":{"code":"%s","name":"Kantor %s"},"generatedAt":"%s","intervalSeconds":60,
                 "thinnedBefore":0,"servers":[],"tickets":[{"step":"ANALYSIS","open":2,"overdue":1}],
                 "escalations":{"open":[{"level":1,"count":1}]},"compliance":{"month":"2026-12","steps":[]},
                 "findingsIngested":0,"agentVersions":[]}""".formatted(id, code, code, Instant.now().minusSeconds(1));
    }

    private static Response post(ServiceProcess to, String code, String token, String body) {
        RequestSpecification request = RestAssured.given().baseUri(to.url()).contentType(ContentType.JSON).body(body);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.post("/api/v1/offices/{code}/summaries", code);
    }

    private static String register(ServiceProcess at, String code, String name) {
        return admin(at).body(Map.of("code", code, "name", name)).post("/api/v1/offices").then().statusCode(201)
                .extract().path("token");
    }

    private static RequestSpecification admin(ServiceProcess instance) {
        return RestAssured.given().baseUri(instance.url()).auth().preemptive().basic("admin", ADMIN_PASSWORD)
                .contentType(ContentType.JSON);
    }

    private static RequestSpecification signedIn(ServiceProcess instance) {
        Response login = RestAssured.given().baseUri(instance.url()).redirects().follow(false)
                .formParam("username", "admin").formParam("password", ADMIN_PASSWORD).post("/j_security_check");
        assertEquals(302, login.statusCode());
        return RestAssured.given().baseUri(instance.url()).redirects().follow(false)
                .cookie("siaga-session", login.getCookie("siaga-session"));
    }

    private static JsonPath item(ServiceProcess at, String code) {
        JsonPath all = admin(at).get("/api/v1/offices").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = all.getList("items");
        for (int i = 0; i < items.size(); i++) {
            if (code.equals(items.get(i).get("code"))) {
                return new JsonPath(all.prettify()).setRootPath("items[" + i + "]");
            }
        }
        throw new AssertionError("no office " + code + " in " + all.prettify());
    }

    private static String state(ServiceProcess at, String code) {
        try {
            return item(at, code).getString("state");
        } catch (AssertionError notYet) {
            return null;
        }
    }

    private static String awaitVersion() throws Exception {
        await(Duration.ofSeconds(30), () -> {
            try {
                return "1.4.2".equals(item(province, REGENCY).getString("summary.agentVersions[0].version"));
            } catch (RuntimeException e) {
                return false;
            }
        });
        return item(province, REGENCY).getString("summary.agentVersions[0].version");
    }

    private static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout);
            }
            Thread.sleep(200);
        }
    }

    private static long count(EmbeddedPostgres db, String sql) {
        try (Connection c = db.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> ids(EmbeddedPostgres db, String sql) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection c = db.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
