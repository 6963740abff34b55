package id.siaga.ticket.telegram;

import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Pages;
import id.siaga.ticket.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Telegram link page of a service without a bot token: it says so, and makes no code. */
@QuarkusTest
class TelegramOffPageTest {

    @Inject
    DataSource dataSource;

    @Test
    void saysTelegramIsOffAndRefusesToMakeACode() {
        Pages person = Pages.signIn(Api.VIEWER);
        String html = person.get("/profil/telegram?lang=id").then().statusCode(200).extract().asString();
        assertTrue(html.contains("Telegram belum diaktifkan di SIAGA"), html);
        assertFalse(html.contains("id=\"telegram-make-code\""), html);
        String token = person.csrfToken("/profil/telegram");
        person.request().contentType(ContentType.URLENC).formParam(Pages.CSRF_FIELD, token).post("/profil/telegram/kode")
                .then().statusCode(409).body(containsString("Kode tidak bisa dibuat karena Telegram belum diaktifkan"));
        assertEquals(0, Sql.count(dataSource, "select count(*) from telegram_link_code where username = '" + Api.VIEWER
                + "'"), "no code written");
    }
}
