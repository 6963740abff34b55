package id.siaga.ticket.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Await;
import id.siaga.ticket.support.Pages;
import id.siaga.ticket.support.Sops;
import id.siaga.ticket.support.Sql;
import id.siaga.ticket.support.TelegramStandIn;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static id.siaga.ticket.support.TelegramStandInResource.KABID_CHAT;
import static id.siaga.ticket.support.TelegramStandInResource.KASI_CHAT;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Escalations on Telegram against a local Bot API stand-in (a real HTTP server): one message per escalation and
 * chat, edited as the chain moves up, is acknowledged and resolved; "Tanggapi" pressed in the chat acknowledges as
 * the linked person when their role may, and is answered in the chat either way; a 429 is waited out; accounts are
 * linked with one-time codes sent to the bot, and unlinked with one button.
 */
@QuarkusTest
@TestProfile(TelegramProfile.class)
class TelegramTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern CODE = Pattern.compile("<code id=\"telegram-code\">/hubungkan ([A-Z0-9]+)</code>");

    TelegramStandIn telegram;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void secondLongStandards() {
        Sops.activateSecondStandards();
        Api.ensureUsers();
    }

    @Test
    void postsOneMessagePerEscalationEditedAsItMovesUpIsAcknowledgedFromTheChatAndResolved() {
        long kabidTelegram = 7001;
        link(Api.KABID, kabidTelegram, "Budi");
        Overdue overdue = overdueTicket("Telegram: cetak KTP-el gagal");
        long ticket = overdue.id();
        String number = overdue.number();
        TelegramStandIn.Message kasi = overdue.kasiMessage();
        long first = overdue.kasiEscalation();
        assertTrue(kasi.text().startsWith("SIAGA · Eskalasi untuk Kasi (tingkat 1)"), kasi.text());
        assertTrue(kasi.text().contains("Alasan: langkah SOP melewati standar waktu"), kasi.text());
        assertTrue(kasi.text().contains("Tiket: " + number + " — Telegram: cetak KTP-el gagal"), kasi.text());
        assertTrue(kasi.text().contains("Buka: http://localhost:8080/tiket/" + ticket), kasi.text());
        assertTrue(kasi.text().contains("Menunggu tanggapan Kasi"), kasi.text());
        assertEquals("Tanggapi", kasi.buttonText());
        assertEquals("ack:" + first, kasi.buttonData());

        TelegramStandIn.Message group = message(KABID_CHAT, number);
        TelegramStandIn.Message own = message(kabidTelegram, number);
        long second = escalationId(ticket, "KABID");
        assertEquals("ack:" + second, group.buttonData());
        assertTrue(group.text().startsWith("SIAGA · Eskalasi untuk Kabid (tingkat 2)"), group.text());
        TelegramStandIn.Message movedUp = edited(KASI_CHAT, kasi.messageId(), "Belum ditanggapi: dinaikkan ke Kabid");
        assertEquals("ack:" + first, movedUp.buttonData(), "the Kasi may still acknowledge");

        String press = telegram.press(kabidTelegram, "Budi", KABID_CHAT, group.messageId());
        JsonNode answer = answer(press);
        assertEquals("Ditanggapi oleh Kabid Test KABID (kabid.test).", answer.path("text").asText());
        assertFalse(answer.path("show_alert").asBoolean());
        for (TelegramStandIn.Message m : List.of(group, own)) {
            TelegramStandIn.Message now = edited(m.chatId(), m.messageId(), "Ditanggapi oleh Kabid Test KABID (kabid.test)");
            assertTrue(now.text().contains("(lewat Telegram)"), now.text());
            assertNull(now.keyboard(), "no button once acknowledged");
        }
        Api.as(Api.KABID).get("/api/v1/escalations/{id}", second).then().statusCode(200)
                .body("acknowledgedBy", org.hamcrest.Matchers.equalTo(Api.KABID));
        assertEquals(1, Sql.count(dataSource, "select count(*) from escalation where id = " + second
                + " and acknowledged_via = 'telegram'"));
        assertEquals(1, Sql.count(dataSource, "select count(*) from ticket_event where ticket_id = " + ticket
                + " and type = 'ESCALATION_ACKNOWLEDGED' and actor = '" + Api.KABID + "' and note = 'Escalation "
                + second + " (STEP_OVERDUE, level 2, for KABID) acknowledged via telegram'"));

        String again = telegram.press(kabidTelegram, "Budi", KABID_CHAT, group.messageId(), "ack:" + second);
        assertTrue(answer(again).path("text").asText().startsWith("Eskalasi ini sudah ditanggapi oleh Kabid Test KABID"),
                answer(again).toString());
        assertEquals(1, Sql.count(dataSource, "select count(*) from ticket_event where ticket_id = " + ticket
                + " and type = 'ESCALATION_ACKNOWLEDGED'"), "a second press changes nothing");

        Api.move(Api.ADB, ticket, "FUNCTION_CHECK", "diperiksa");
        edited(KASI_CHAT, kasi.messageId(), "Penyebabnya sudah teratasi");
        assertEquals(1, sent(KASI_CHAT, "ack:" + first));
        assertEquals(1, sent(KABID_CHAT, "ack:" + second));
        assertEquals(1, sent(kabidTelegram, "ack:" + second));
    }

    @Test
    void refusesAPressByALowerRoleAndByAnUnlinkedAccountAnsweringInTheChat() {
        long adbTelegram = 7101;
        long kasiTelegram = 7102;
        link(Api.ADB, adbTelegram, "Adi");
        link(Api.KASI, kasiTelegram, "Kartini");
        Overdue overdue = overdueTicket("Telegram: SIAK lambat di kecamatan");
        long ticket = overdue.id();
        TelegramStandIn.Message kasi = overdue.kasiMessage();
        long first = overdue.kasiEscalation();

        JsonNode refused = answer(telegram.press(adbTelegram, "Adi", KASI_CHAT, kasi.messageId()));
        assertEquals("Anda tidak berhak menanggapi eskalasi ini: eskalasi ini untuk Kasi, dan hanya Kasi atau peran di "
                + "atasnya yang boleh menanggapinya.", refused.path("text").asText());
        assertTrue(refused.path("show_alert").asBoolean());
        JsonNode unknown = answer(telegram.press(7199, "Tamu", KASI_CHAT, kasi.messageId()));
        assertTrue(unknown.path("text").asText().startsWith("Akun Telegram Anda belum terhubung dengan SIAGA. Buat kode di "
                + "http://localhost:8080/profil/telegram"), unknown.toString());
        Api.as(Api.KASI).get("/api/v1/escalations/{id}", first).then().statusCode(200)
                .body("acknowledgedAt", org.hamcrest.Matchers.nullValue());
        assertEquals(0, Sql.count(dataSource, "select count(*) from ticket_event where ticket_id = " + ticket
                + " and type = 'ESCALATION_ACKNOWLEDGED'"), "nothing written on a refusal");
        assertNotNull(telegram.message(KASI_CHAT, kasi.messageId()).keyboard(), "the button stays");

        long kasiId = Api.as(Api.KASI).get("/api/v1/users/me").then().statusCode(200).extract().jsonPath()
                .getLong("id");
        Api.admin().contentType("application/json").body(java.util.Map.of("active", false))
                .patch("/api/v1/users/{id}", kasiId).then().statusCode(200);
        try {
            JsonNode disabled = answer(telegram.press(kasiTelegram, "Kartini", KASI_CHAT, kasi.messageId()));
            assertEquals("Akun SIAGA Anda dinonaktifkan; Anda tidak dapat menanggapi eskalasi.",
                    disabled.path("text").asText());
            assertEquals(0, Sql.count(dataSource, "select count(*) from ticket_event where ticket_id = " + ticket
                    + " and type = 'ESCALATION_ACKNOWLEDGED'"), "a disabled account acknowledges nothing");
        } finally {
            Api.admin().contentType("application/json").body(java.util.Map.of("active", true))
                    .patch("/api/v1/users/{id}", kasiId).then().statusCode(200);
        }

        JsonNode ok = answer(telegram.press(kasiTelegram, "Kartini", KASI_CHAT, kasi.messageId()));
        assertEquals("Ditanggapi oleh Kasi Test KASI (kasi.test).", ok.path("text").asText());
        edited(KASI_CHAT, kasi.messageId(), "Ditanggapi oleh Kasi Test KASI (kasi.test)");
        assertEquals(1, Sql.count(dataSource, "select count(*) from ticket_event where ticket_id = " + ticket
                + " and type = 'ESCALATION_ACKNOWLEDGED' and actor = '" + Api.KASI + "'"));
        Api.move(Api.ADB, ticket, "FUNCTION_CHECK", "diperiksa");
    }

    @Test
    void waitsAsLongAsTelegramAsksAfterA429ThenSendsTheMessageOnce() {
        telegram.refuseNext("sendMessage", 1, 2);
        long ticket = overdueTicket("Telegram: server sibuk").id();

        TelegramStandIn.Call refused = telegram.calls("sendMessage").stream().filter(c -> c.status() == 429)
                .findFirst().orElseThrow();
        long chat = refused.body().path("chat_id").asLong();
        String data = refused.body().path("reply_markup").path("inline_keyboard").path(0).path(0)
                .path("callback_data").asText();
        TelegramStandIn.Call sent = Await.value("the message sent again", WAIT, () -> telegram.calls("sendMessage")
                .stream().filter(c -> c.status() == 200 && c.body().path("chat_id").asLong() == chat
                        && c.body().toString().contains(data)).findFirst().orElse(null));
        assertTrue(sent.atMillis() - refused.atMillis() >= 2000,
                "waited retry_after (" + (sent.atMillis() - refused.atMillis()) + " ms)");
        assertEquals(1, sent(chat, data), "one message for the escalation");
        long escalation = Long.parseLong(data.substring("ack:".length()));
        String first = "from notice where channel = 'TELEGRAM' and escalation_id = " + escalation + " and target = '"
                + chat + "' order by id limit 1";
        Await.until("the refused notice sent", WAIT,
                () -> Sql.count(dataSource, "select count(sent_at) from (select sent_at " + first + ") n") == 1);
        assertEquals(2, Sql.count(dataSource, "select attempts " + first), "sent at the second attempt");
        assertTrue(telegram.calls("sendMessage").stream().noneMatch(c -> c.body().path("chat_id").asLong() == chat
                && c.atMillis() > refused.atMillis() && c.atMillis() < refused.atMillis() + 2000),
                "nothing else sent to that chat while Telegram asked to wait");
        Api.move(Api.ADB, ticket, "FUNCTION_CHECK", "diperiksa");
    }

    @Test
    void linksWithAOneTimeCodeRefusingWrongReplacedExpiredGroupAndReusedCodesAndUnlinksWithOneButton() {
        Pages person = Pages.signIn(Api.JF_ADB);
        long tg = 7201;
        String html = person.get("/profil/telegram").then().statusCode(200).extract().asString();
        assertTrue(html.contains("Belum terhubung dengan akun Telegram."), html);
        assertTrue(html.contains("id=\"telegram-make-code\""), html);
        assertTrue(person.get("/profil/telegram?lang=en").asString().contains("Not linked to a Telegram account."));
        assertTrue(person.get("/profil/telegram?lang=id").asString().contains("Belum terhubung"));

        telegram.write(tg, "Rina", tg, "/hubungkan AAAA2222BB");
        reply(tg, "Kode tidak dikenal, sudah kedaluwarsa atau sudah dipakai. Buat kode baru di "
                + "http://localhost:8080/profil/telegram.");
        String replaced = makeCode(person);
        String expired = makeCode(person);
        telegram.write(tg, "Rina", tg, "/hubungkan " + replaced);
        reply(tg, "Kode tidak dikenal");
        Sql.tryExecute(dataSource, "update telegram_link_code set expires_at = now() - interval '1 minute' "
                + "where username = '" + Api.JF_ADB + "' and used_at is null");
        telegram.write(tg, "Rina", tg, "/hubungkan " + expired.toLowerCase());
        reply(tg, "Kode tidak dikenal");
        String shownInGroup = makeCode(person);
        telegram.write(tg, "Rina", -5555, "/hubungkan " + shownInGroup);
        reply(-5555, "Demi keamanan, kirim /hubungkan KODE di chat pribadi dengan bot ini, bukan di grup. Kode itu "
                + "sekarang tidak berlaku");
        telegram.write(tg, "Rina", tg, "/hubungkan " + shownInGroup);
        reply(tg, "Kode tidak dikenal");
        assertEquals(0, links(Api.JF_ADB), "no code so far linked anything");

        String good = makeCode(person);
        telegram.write(tg, "Rina", tg, "/hubungkan " + good);
        reply(tg, "Akun Telegram ini sekarang terhubung dengan SIAGA sebagai JF ADB Test JF_ADB (jfadb.test).");
        assertEquals(1, Sql.count(dataSource, "select count(*) from telegram_link where username = '" + Api.JF_ADB
                + "' and telegram_user_id = " + tg + " and chat_id = " + tg + " and telegram_name = 'Rina @rina'"));
        telegram.write(7202, "Tono", 7202, "/hubungkan " + good);
        reply(7202, "Kode tidak dikenal");
        assertEquals(0, Sql.count(dataSource, "select count(*) from telegram_link where telegram_user_id = 7202"));
        html = person.get("/profil/telegram").asString();
        assertTrue(html.contains("Terhubung dengan akun Telegram Rina @rina sejak"), html);

        person.request().contentType(ContentType.URLENC).formParam("x", "y").post("/profil/telegram/putus")
                .then().statusCode(400);
        assertEquals(1, links(Api.JF_ADB), "a form without its CSRF token changes nothing");
        String token = person.csrfToken("/profil/telegram");
        person.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token).post("/profil/telegram/putus")
                .then().statusCode(303).header("Location", endsWith("/profil/telegram?ok=putus"));
        assertEquals(0, links(Api.JF_ADB));
        html = person.get("/profil/telegram?ok=putus").asString();
        assertTrue(html.contains("Akun Telegram sudah diputus.") && html.contains("Belum terhubung"), html);
        token = person.csrfToken("/profil/telegram");
        person.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token).post("/profil/telegram/putus")
                .then().statusCode(409).body(containsString("Tidak ada akun Telegram yang terhubung dengan akun Anda."));
    }

    @Test
    void theLinkPageNeedsASignIn() {
        Api.anonymous().redirects().follow(false).get("/profil/telegram").then().statusCode(302)
                .header("Location", containsString("/masuk"));
        Api.anonymous().redirects().follow(false).contentType(ContentType.URLENC).post("/profil/telegram/kode")
                .then().statusCode(org.hamcrest.Matchers.oneOf(302, 400, 403));
    }

    /** A new ticket whose step 2 ran late: its escalation to the Kasi and that escalation's message. */
    private record Overdue(long id, String number, TelegramStandIn.Message kasiMessage, long kasiEscalation) {
    }

    private Overdue overdueTicket(String title) {
        long ticket = Api.newTicket(title);
        String number = Api.as(Api.KASI).get("/api/v1/tickets/{id}", ticket).then().extract().path("number");
        Api.move(Api.ADB, ticket, "INSPECTION", "diterima");
        return new Overdue(ticket, number, message(KASI_CHAT, number), escalationId(ticket, "KASI"));
    }

    private void link(String username, long telegramUser, String name) {
        Pages person = Pages.signIn(username);
        String code = makeCode(person);
        telegram.write(telegramUser, name, telegramUser, "/hubungkan " + code);
        reply(telegramUser, "Akun Telegram ini sekarang terhubung dengan SIAGA");
    }

    private static String makeCode(Pages person) {
        String token = person.csrfToken("/profil/telegram");
        Response response = person.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token)
                .post("/profil/telegram/kode");
        response.then().statusCode(200).header("Cache-Control", "no-store");
        Matcher m = CODE.matcher(response.asString());
        assertTrue(m.find(), response.asString());
        return m.group(1);
    }

    private void reply(long chat, String words) {
        Await.value("a reply in chat " + chat + ": " + words, WAIT, () -> telegram.messagesWith(chat, words).stream()
                .filter(m -> !replied.contains(m)).findFirst().map(m -> {
                    replied.add(m);
                    return m;
                }).orElse(null));
    }

    private final java.util.Set<TelegramStandIn.Message> replied = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private TelegramStandIn.Message message(long chat, String words) {
        return Await.value("a message in chat " + chat + " about " + words, WAIT,
                () -> telegram.messagesWith(chat, words).stream().findFirst().orElse(null));
    }

    private TelegramStandIn.Message edited(long chat, long messageId, String words) {
        return Await.value("message " + messageId + " in chat " + chat + " to read " + words, WAIT, () -> {
            TelegramStandIn.Message m = telegram.message(chat, messageId);
            return m.text().contains(words) ? m : null;
        });
    }

    private JsonNode answer(String callbackQueryId) {
        return Await.value("the answer to press " + callbackQueryId, WAIT, () -> telegram.answerTo(callbackQueryId));
    }

    /** @return how many messages were sent (successfully) to the chat with that button */
    private long sent(long chat, String buttonData) {
        return telegram.calls("sendMessage").stream().filter(c -> c.status() == 200
                && c.body().path("chat_id").asLong() == chat && c.body().toString().contains("\"" + buttonData + "\""))
                .count();
    }

    private long links(String username) {
        return Sql.count(dataSource, "select count(*) from telegram_link where username = '" + username + "'");
    }

    private static long escalationId(long ticket, String recipient) {
        return Await.value(recipient + " escalation", WAIT, () -> {
            List<Map<String, Object>> items = Api.as(Api.KABID).queryParam("ticketId", ticket)
                    .queryParam("recipient", recipient).get("/api/v1/escalations").then().statusCode(200).extract()
                    .jsonPath().getList("items");
            return items.stream().findFirst().map(e -> ((Number) e.get("id")).longValue()).orElse(null);
        });
    }
}
