package id.siaga.ticket.it;

import com.fasterxml.jackson.databind.JsonNode;
import id.siaga.ticket.support.Await;
import id.siaga.ticket.support.Sops;
import id.siaga.ticket.support.TelegramStandIn;
import io.restassured.specification.RequestSpecification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two processes of the packaged service share one PostgreSQL and one bot (a local Bot API stand-in): every
 * escalation is one message per chat although both send notices, only one of them polls getUpdates at a time, each
 * button press is handled once, and when that instance stops the other one takes the presses.
 */
class TelegramTwoInstancesIT {

    private static final String ADMIN_PASSWORD = "admin-two-telegram";
    private static final long KASI_CHAT = -100_500;
    private static final long KABID_CHAT = -100_600;
    private static final long KASI_TELEGRAM = 8001;
    private static final long KABID_TELEGRAM = 8002;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static EmbeddedPostgres postgres;
    private static TelegramStandIn telegram;
    private static ServiceProcess a;
    private static ServiceProcess b;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        telegram = TelegramStandIn.start();
        Map<String, String> env = ServiceProcess.sweepingEnvironment(postgres, ADMIN_PASSWORD);
        env.put("SIAGA_NOTIFY_EMAIL", "false");
        env.put("SIAGA_NOTIFY_SEND_EVERY", "1s");
        env.put("SIAGA_NOTIFY_TELEGRAM_BOT_TOKEN", TelegramStandIn.TOKEN);
        env.put("SIAGA_NOTIFY_TELEGRAM_API_URL", telegram.url());
        env.put("SIAGA_NOTIFY_TELEGRAM_CHATS", "KASI:" + KASI_CHAT + ",KABID:" + KABID_CHAT);
        env.put("SIAGA_NOTIFY_TELEGRAM_POLL_TIMEOUT", "1s");
        env.put("SIAGA_NOTIFY_TELEGRAM_LEASE", "PT11S");
        a = ServiceProcess.start("telegram-a", env);
        b = ServiceProcess.start("telegram-b", env);
    }

    @AfterAll
    static void stop() throws Exception {
        for (ServiceProcess instance : new ServiceProcess[] {a, b}) {
            if (instance != null) {
                instance.close();
            }
        }
        if (telegram != null) {
            telegram.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void sendsEachMessageOnceAndHandlesEachPressOnceWithTwoInstances() throws Exception {
        admin(a).body(Sops.withSecondStandards(1)).post("/api/v1/sop").then().statusCode(201);
        for (String role : List.of("ADB", "KASI", "KABID")) {
            admin(b).body(Map.of("username", role.toLowerCase(), "fullName", "Test " + role, "password", "password-123",
                    "roles", List.of(role))).post("/api/v1/users").then().statusCode(201);
        }
        execute("insert into telegram_link (username, telegram_user_id, chat_id, telegram_name, linked_at) values "
                + "('kasi', " + KASI_TELEGRAM + ", " + KASI_TELEGRAM + ", 'Kasi', now()), "
                + "('kabid', " + KABID_TELEGRAM + ", " + KABID_TELEGRAM + ", 'Kabid', now())");
        int tickets = 6;
        for (int i = 0; i < tickets; i++) {
            int id = as(i % 2 == 0 ? a : b, "adb").body(Map.of("source", "PHONE", "reporterName", "Kecamatan " + i,
                    "application", "SIAK", "title", "Gangguan " + i, "description", "SIAK lambat", "severity", "HIGH"))
                    .post("/api/v1/tickets").then().statusCode(201).extract().path("id");
            as(i % 3 == 0 ? b : a, "adb").body(Map.of("to", "INSPECTION")).post("/api/v1/tickets/{id}/transitions", id)
                    .then().statusCode(200);
        }
        Await.until("a message per escalation in every chat", WAIT, () -> telegram.messages(KASI_CHAT).size() >= tickets
                && telegram.messages(KASI_TELEGRAM).size() >= tickets && telegram.messages(KABID_CHAT).size() >= tickets
                && telegram.messages(KABID_TELEGRAM).size() >= tickets);
        Await.until("the Kasi's messages say the chain moved up", WAIT, () -> telegram.messages(KASI_CHAT).stream()
                .allMatch(m -> m.text().contains("dinaikkan ke Kabid")));

        List<String> presses = new ArrayList<>();
        for (TelegramStandIn.Message m : telegram.messages(KASI_CHAT)) {
            presses.add(telegram.press(KASI_TELEGRAM, "Kasi", KASI_CHAT, m.messageId()));
        }
        for (String press : presses) {
            JsonNode answer = Await.value("the answer to " + press, WAIT, () -> telegram.answerTo(press));
            assertEquals("Ditanggapi oleh Kasi Test KASI (kasi).", answer.path("text").asText());
        }
        Await.until("the Kasi's messages edited", WAIT, () -> telegram.messages(KASI_CHAT).stream()
                .allMatch(m -> m.text().contains("Ditanggapi oleh Kasi Test KASI (kasi)") && m.keyboard() == null));
        Thread.sleep(3000);

        for (long chat : List.of(KASI_CHAT, KASI_TELEGRAM, KABID_CHAT, KABID_TELEGRAM)) {
            assertEquals(tickets, telegram.messages(chat).size(), "one message per escalation in chat " + chat);
        }
        assertEquals(4L * tickets, telegram.calls("sendMessage").stream().filter(c -> c.status() == 200).count(),
                "no message sent twice");
        assertEquals(tickets, telegram.calls("answerCallbackQuery").size(), "each press answered once");
        assertEquals(tickets, count("select count(*) from escalation where recipient_role = 'KASI' "
                + "and acknowledged_by = 'kasi' and acknowledged_via = 'telegram'"));
        assertEquals(tickets, count("select count(*) from ticket_event where type = 'ESCALATION_ACKNOWLEDGED' "
                + "and note like '%via telegram'"), "each press in the audit trail once");
        assertEquals(0, telegram.overlappingPolls(), "one instance polls at a time");

        ServiceProcess leader = a.log().contains("this instance polls updates") ? a : b;
        ServiceProcess other = leader == a ? b : a;
        leader.close();
        TelegramStandIn.Message kabid = telegram.messages(KABID_CHAT).get(0);
        String press = telegram.press(KABID_TELEGRAM, "Kabid", KABID_CHAT, kabid.messageId());
        JsonNode answer = Await.value("the other instance answers", WAIT, () -> telegram.answerTo(press));
        assertEquals("Ditanggapi oleh Kabid Test KABID (kabid).", answer.path("text").asText());
        assertTrue(other.log().contains("this instance polls updates"), "the other instance took over");
        assertTrue(!a.log().contains(TelegramStandIn.TOKEN) && !b.log().contains(TelegramStandIn.TOKEN),
                "the bot token is never logged");
    }

    private static RequestSpecification admin(ServiceProcess instance) {
        return instance.as("admin", ADMIN_PASSWORD);
    }

    private static RequestSpecification as(ServiceProcess instance, String user) {
        return instance.as(user, "password-123");
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
