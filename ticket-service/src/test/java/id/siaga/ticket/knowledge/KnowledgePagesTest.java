package id.siaga.ticket.knowledge;

import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Pages;
import id.siaga.ticket.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The knowledge page over plain HTTP: who sees what, the curation forms, refusals. */
@QuarkusTest
class KnowledgePagesTest {

    @Inject
    DataSource dataSource;

    @Test
    void viewersReadKasiMarksWithTheFormAndAdbHasNoButtons() {
        long id = Repairs.closedComplaint("Antrian cetak KIA Pancung Soal berhenti", "Cetak KIA tidak jalan",
                "Spooler printer KIA macet", "Spooler dibersihkan dan dijalankan ulang");
        Pages.signIn(Api.VIEWER).get("/pengetahuan?q=spooler").then().statusCode(200)
                .body(containsString("id=\"r-" + id + "\"")).body(containsString("<mark>Spooler</mark>"))
                .body(not(containsString("/pengetahuan/" + id + "/tanda")));
        Pages.signIn(Api.ADB).get("/pengetahuan?q=spooler").then().statusCode(200)
                .body(not(containsString("/pengetahuan/" + id + "/tanda")));

        Pages.signIn(Api.ADB).get("/pengetahuan/saran?judul=spooler%20printer").then().statusCode(200)
                .body(containsString("/tiket/" + id)).body(not(containsString("<html")));
        Pages kasi = Pages.signIn(Api.KASI);
        String token = kasi.csrfToken("/pengetahuan?q=spooler");
        kasi.request().contentType("application/x-www-form-urlencoded").formParam(Pages.CSRF_FIELD, token)
                .formParam("mark", "WRONG").formParam("q", "spooler").post("/pengetahuan/{id}/tanda", id)
                .then().statusCode(422).body(containsString("Tuliskan alasan"));
        assertEquals(0, Sql.count(dataSource, "select count(*) from ticket_event where type = 'KNOWLEDGE_CURATED' and ticket_id = " + id));
        kasi.request().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam(Pages.CSRF_FIELD, token).formParam("mark", "WRONG").formParam("reason", "Spooler bukan penyebab")
                .formParam("q", "spooler").post("/pengetahuan/{id}/tanda", id).then().statusCode(303);
        assertEquals(1, Sql.count(dataSource, "select count(*) from ticket_event where type = 'KNOWLEDGE_CURATED' and ticket_id = " + id));
        kasi.get("/pengetahuan?q=spooler").then().statusCode(200).body(containsString("ditandai keliru oleh kasi.test: Spooler bukan penyebab"));

        Pages adb = Pages.signIn(Api.ADB);
        String adbToken = adb.csrfToken("/pengetahuan");
        adb.request().contentType("application/x-www-form-urlencoded").formParam(Pages.CSRF_FIELD, adbToken)
                .formParam("mark", "RECOMMENDED").post("/pengetahuan/{id}/tanda", id).then().statusCode(403);
        assertEquals(1, Sql.count(dataSource, "select count(*) from ticket_event where type = 'KNOWLEDGE_CURATED' and ticket_id = " + id));

        Pages.signIn(Api.ADB).get("/pengetahuan/saran?judul=spooler%20printer").then().statusCode(200)
                .body(not(containsString("/tiket/" + id)));
        Pages.signIn(Api.VIEWER).get("/pengetahuan/saran?judul=spooler").then().statusCode(403);
        Pages.signIn(Api.VIEWER).get("/pengetahuan?aplikasi=SIMDUK").then().statusCode(400);
        Pages.signIn(Api.VIEWER).get("/pengetahuan?q=" + "a".repeat(201)).then().statusCode(400);
    }
}
