package id.siaga.ticket.knowledge;

import id.siaga.ticket.support.Agents;
import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The knowledge of past repairs: the record of each closed ticket, search in Indonesian, suggestions, curation. */
@QuarkusTest
class KnowledgeTest {

    @Inject
    DataSource dataSource;

    private static JsonPath search(String query) {
        return Api.as(Api.VIEWER).queryParam("q", query).get("/api/v1/knowledge").then().statusCode(200)
                .extract().jsonPath();
    }

    private static List<Long> ids(JsonPath found) {
        return found.getList("items.ticketId", Number.class).stream().map(Number::longValue).toList();
    }

    @Test
    void aClosedTicketIsFoundByStemsMisspellingsAndErrorCodesAndAnOpenOneNever() {
        long closed = Repairs.closedComplaint("Aplikasi SIAK kecamatan Bayang tidak tersambung ke basis data",
                "Operator melapor layar putih saat login", "Listener Oracle mati, ORA-12541 tidak ada listener",
                "Listener diperbaiki dan dinyalakan ulang dengan lsnrctl start");
        long open = Repairs.complaint("Aplikasi SIAK kecamatan Bayang tidak tersambung lagi",
                "Listener Oracle mati, ORA-12541 diperbaiki");
        Repairs.walkTo(open, "SOFTWARE_CHECK", "Listener Oracle mati, ORA-12541 tidak ada listener",
                "Listener diperbaiki dan dinyalakan ulang");

        for (String query : List.of("perbaikan listener", "lisener", "ora-12541", "ORA-12541", "listen", "dinyalakan")) {
            List<Long> found = ids(search(query));
            assertTrue(found.contains(closed), query + " finds the closed repair: " + found);
            assertFalse(found.contains(open), query + " never finds an open ticket");
        }
        JsonPath found = search("perbaikan listener");
        int i = ids(found).indexOf(closed);
        assertEquals("Listener Oracle mati, ORA-12541 tidak ada listener", found.getString("items[" + i + "].conclusion"));
        assertEquals("Listener diperbaiki dan dinyalakan ulang dengan lsnrctl start", found.getString("items[" + i + "].repair"));
        assertEquals(true, found.getBoolean("items[" + i + "].worked"));
        assertTrue(found.getString("items[" + i + "].snippet").contains("<mark>Listener</mark>"), found.getString("items[" + i + "].snippet"));
        assertTrue(found.getString("items[" + i + "].snippet").contains("<mark>diperbaiki</mark>"));
        assertTrue(found.getDouble("items[" + i + "].score") > 0);
        assertTrue(found.getLong("total") >= 1);
        assertEquals(0, found.getInt("page"));
        assertEquals(20, found.getInt("size"));
        assertEquals(1, Sql.count(dataSource, "select count(*) from repair_knowledge where ticket_id = " + closed));
        assertEquals(0, Sql.count(dataSource, "select count(*) from repair_knowledge where ticket_id = " + open));
    }

    @Test
    void theSnippetIsEscapedExceptItsMarks() {
        long id = Repairs.closedComplaint("Tombol <script>alert(1)</script> cetak KK macet",
                "Halaman cetak kartu keluarga", "Skrip cetak rusak & <b>tebal</b>", "Skrip cetak dipasang ulang");
        JsonPath found = search("cetak");
        int i = ids(found).indexOf(id);
        String snippet = found.getString("items[" + i + "].snippet");
        assertTrue(snippet.contains("&lt;script&gt;"), snippet);
        assertFalse(snippet.contains("<script>"), snippet);
        assertFalse(snippet.contains("<b>"), snippet);
        assertTrue(snippet.contains("&amp;"), snippet);
        assertTrue(snippet.contains("<mark>cetak</mark>"), snippet);
        assertEquals("Tombol <script>alert(1)</script> cetak KK macet", found.getString("items[" + i + "].title"));
    }

    @Test
    void aTicketThatTookAnotherRoundIsRecordedWithItsLatestConclusionAndRepair() {
        long id = Repairs.complaint("Sinkronisasi data KTP-el ke pusat berhenti", "Antrian sinkronisasi menumpuk");
        Repairs.walkTo(id, "DECISION", "Kesimpulan awal: jaringan VPN putus", "VPN disambung ulang");
        Api.move(Api.ADB, id, "REPORT_TO_JF_ADB", "Tidak");
        Api.move(Api.JF_ADB, id, "ANALYSIS", "Analisis ulang");
        Repairs.close(id, "Kesimpulan akhir: sertifikat klien sinkronisasi kedaluwarsa", "Sertifikat klien diperbarui");
        JsonPath found = search("sertifikat sinkronisasi");
        int i = ids(found).indexOf(id);
        assertTrue(i >= 0);
        assertEquals("Kesimpulan akhir: sertifikat klien sinkronisasi kedaluwarsa", found.getString("items[" + i + "].conclusion"));
        assertEquals("Sertifikat klien diperbarui", found.getString("items[" + i + "].repair"));
        assertEquals(2, found.getInt("items[" + i + "].rounds"));
        assertEquals(true, found.getBoolean("items[" + i + "].worked"));
    }

    @Test
    void filtersAndBadInput() {
        Api.as(Api.VIEWER).queryParam("application", "KTP_EL").queryParam("q", "xyzzy-none").get("/api/v1/knowledge")
                .then().statusCode(200).body("total", equalTo(0)).body("items.size()", equalTo(0));
        Api.as(Api.VIEWER).queryParam("application", "SIMDUK").get("/api/v1/knowledge").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("application"));
        Api.as(Api.VIEWER).queryParam("q", "a".repeat(201)).get("/api/v1/knowledge").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("q"));
        Api.as(Api.VIEWER).queryParam("serverId", "abc").get("/api/v1/knowledge").then().statusCode(400)
                .contentType("application/problem+json");
        Api.as(Api.VIEWER).urlEncodingEnabled(false).get("/api/v1/knowledge?q=listener%00x").then().statusCode(400)
                .contentType("application/problem+json");
        Api.as(Api.VIEWER).queryParam("q", "a".repeat(200)).get("/api/v1/knowledge").then().statusCode(200);
    }

    @Test
    void whoMayReadAndWhoMayMark() {
        Agents.Registered server = Agents.register("knowledge-perm-db", "SIAK_DB");
        Api.as(Api.VIEWER).get("/api/v1/knowledge").then().statusCode(200);
        Api.as(Api.ADB).get("/api/v1/knowledge").then().statusCode(200);
        Api.admin().get("/api/v1/knowledge").then().statusCode(200);
        RestAssured.given().get("/api/v1/knowledge").then().statusCode(401);
        RestAssured.given().header("Authorization", "Bearer " + server.token()).get("/api/v1/knowledge").then().statusCode(403);

        long id = Repairs.closedComplaint("Printer KTP-el tidak mencetak", "Kartu keluar kosong", "Pita printer habis",
                "Pita printer diganti");
        Api.as(Api.ADB).body(Map.of("mark", "RECOMMENDED")).put("/api/v1/knowledge/{id}/curation", id).then().statusCode(403);
        Api.as(Api.VIEWER).body(Map.of("mark", "RECOMMENDED")).put("/api/v1/knowledge/{id}/curation", id).then().statusCode(403);
        RestAssured.given().header("Authorization", "Bearer " + server.token()).contentType("application/json")
                .body(Map.of("mark", "RECOMMENDED")).put("/api/v1/knowledge/{id}/curation", id).then().statusCode(403);
        assertEquals(0, Sql.count(dataSource, "select count(*) from ticket_event where type = 'KNOWLEDGE_CURATED' and ticket_id = " + id));
        assertEquals(0, Sql.count(dataSource, "select count(*) from repair_knowledge where curation <> 'NONE' and ticket_id = " + id));

        long open = Repairs.complaint("Printer KTP-el macet lagi", "Kartu tersangkut");
        Api.as(Api.KASI).body(Map.of("mark", "RECOMMENDED")).put("/api/v1/knowledge/{id}/curation", open).then().statusCode(404)
                .contentType("application/problem+json");
        Api.as(Api.KASI).body(Map.of("mark", "RECOMMENDED")).put("/api/v1/knowledge/{id}/curation", 999999).then().statusCode(404);
        assertEquals(0, Sql.count(dataSource, "select count(*) from ticket_event where type = 'KNOWLEDGE_CURATED' and ticket_id = " + open));
    }

    @Test
    void suggestionsPutTheSameServerAndCheckFirstThenTheSameRoleThenSimilarWords() {
        Agents.Registered db1 = Agents.register("knowledge-db-painan", "SIAK_DB");
        Agents.Registered db2 = Agents.register("knowledge-db-tapan", "SIAK_DB");
        Instant t = Instant.now().minusSeconds(3600);
        long sameCheck = Repairs.close(Repairs.agentTicket(db1, "oracle-listener-kn", t),
                "Listener Oracle berhenti karena log penuh", "Log listener dipindah, listener dinyalakan");
        long sameRole = Repairs.close(Repairs.agentTicket(db2, "oracle-listener-kn", t),
                "Listener Oracle berhenti setelah restart server", "Listener dijadikan layanan otomatis");
        long similar = Repairs.closedComplaint("oracle-listener-kn gagal di server cadangan", "Server cadangan tidak menjawab",
                "Kabel jaringan server cadangan lepas", "Kabel dipasang kembali");
        long cancelled = Repairs.complaint("oracle-listener-kn gagal, tiket ganda", "Tiket ganda");
        Api.as(Api.KASI).body(Map.of("to", "CANCELLED", "note", "Tiket ganda")).post("/api/v1/tickets/{id}/transitions", cancelled)
                .then().statusCode(200);

        long now = Repairs.agentTicket(db1, "oracle-listener-kn", t.plusSeconds(60));
        Repairs.walkTo(now, "ANALYSIS", null, null);
        JsonPath ticket = Api.as(Api.VIEWER).get("/api/v1/tickets/{id}", now).then().statusCode(200)
                .body("step", equalTo("ANALYSIS")).extract().jsonPath();
        List<Long> suggested = ticket.getList("suggestions.ticketId", Number.class).stream().map(Number::longValue).toList();
        assertEquals(sameCheck, suggested.get(0), "same server and check first: " + suggested);
        assertEquals("SAME_CHECK", ticket.getString("suggestions[0].match"));
        assertEquals("Listener Oracle berhenti karena log penuh", ticket.getString("suggestions[0].conclusion"));
        assertEquals("Log listener dipindah, listener dinyalakan", ticket.getString("suggestions[0].repair"));
        assertEquals(sameRole, suggested.get(1), "then the same check on a server of the same role: " + suggested);
        assertEquals("SAME_CHECK_SAME_ROLE", ticket.getString("suggestions[1].match"));
        assertTrue(suggested.indexOf(similar) >= 2, "then similar words: " + suggested);
        assertEquals("SIMILAR_TEXT", ticket.getString("suggestions[" + suggested.indexOf(similar) + "].match"));
        assertFalse(suggested.contains(now));
        assertFalse(suggested.contains(cancelled), "a cancelled ticket is no finished repair");
        assertTrue(suggested.size() <= 5);

        long fresh = Repairs.complaint("oracle-listener-kn gagal", "Server cadangan");
        Api.as(Api.VIEWER).get("/api/v1/tickets/{id}", fresh).then().statusCode(200)
                .body("step", equalTo("COMPLAINT_RECEIVED")).body("suggestions.size()", equalTo(0));
        Api.as(Api.VIEWER).get("/api/v1/tickets/{id}", sameCheck).then().statusCode(200).body("suggestions.size()", equalTo(0));
    }

    @Test
    void recommendedRanksFirstWrongIsHiddenFromSuggestionsButSearchableWithAWarning() {
        long plain = Repairs.closedComplaint("Foto biometrik perekaman kecamatan Sutera buram",
                "Foto wajah buram saat perekaman", "Lensa kamera perekaman kotor", "Lensa kamera dibersihkan");
        long good = Repairs.closedComplaint("Foto biometrik perekaman kecamatan Sutera gelap",
                "Foto wajah gelap saat perekaman", "Lampu perekaman mati", "Lampu perekaman diganti");
        long bad = Repairs.closedComplaint("Foto biometrik perekaman kecamatan Sutera bergaris",
                "Foto wajah bergaris saat perekaman", "Driver kamera perekaman lama", "Driver kamera dipasang ulang");

        Api.as(Api.KASI).body(Map.of("mark", "WRONG")).put("/api/v1/knowledge/{id}/curation", bad).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("reason"));
        Api.as(Api.KASI).body(Map.of("mark", "WRONG", "reason", "  ")).put("/api/v1/knowledge/{id}/curation", bad).then().statusCode(422);
        Api.as(Api.KASI).body(Map.of("mark", "BAGUS")).put("/api/v1/knowledge/{id}/curation", bad).then().statusCode(422);
        assertEquals(0, Sql.count(dataSource, "select count(*) from ticket_event where type = 'KNOWLEDGE_CURATED' and ticket_id = " + bad));

        Api.as(Api.KABID).body(Map.of("mark", "RECOMMENDED", "reason", "Terbukti di tiga kecamatan"))
                .put("/api/v1/knowledge/{id}/curation", good).then().statusCode(200)
                .body("curation", equalTo("RECOMMENDED")).body("curatedBy", equalTo(Api.KABID)).body("warning", equalTo(false));
        Api.as(Api.KASI).body(Map.of("mark", "WRONG", "reason", "Driver bukan penyebabnya; kabel kamera yang rusak"))
                .put("/api/v1/knowledge/{id}/curation", bad).then().statusCode(200)
                .body("curation", equalTo("WRONG")).body("warning", equalTo(true));

        JsonPath found = search("foto perekaman Sutera");
        List<Long> order = ids(found);
        assertEquals(good, order.get(0), "the recommended repair ranks first: " + order);
        assertTrue(order.contains(plain));
        int i = order.indexOf(bad);
        assertTrue(i > 0, "a repair marked wrong stays searchable");
        assertEquals(true, found.getBoolean("items[" + i + "].warning"));
        assertEquals("Driver bukan penyebabnya; kabel kamera yang rusak", found.getString("items[" + i + "].curationReason"));

        long now = Repairs.complaint("Foto biometrik perekaman kecamatan Sutera bermasalah", "Foto wajah saat perekaman");
        Repairs.walkTo(now, "REPAIR", "Belum diketahui", null);
        JsonPath ticket = Api.as(Api.ADB).get("/api/v1/tickets/{id}", now).then().statusCode(200)
                .body("step", equalTo("REPAIR")).extract().jsonPath();
        List<Long> suggested = ticket.getList("suggestions.ticketId", Number.class).stream().map(Number::longValue).toList();
        assertEquals(good, suggested.get(0), "recommended first: " + suggested);
        assertEquals(true, ticket.getBoolean("suggestions[0].recommended"));
        assertTrue(suggested.contains(plain));
        assertFalse(suggested.contains(bad), "a repair marked wrong is never suggested");

        List<Map<String, Object>> events = Api.as(Api.VIEWER).get("/api/v1/tickets/{id}/events", bad).then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.type == 'KNOWLEDGE_CURATED' }");
        assertEquals(1, events.size());
        assertEquals(Api.KASI, events.get(0).get("actor"));
        assertTrue(((String) events.get(0).get("note")).contains("WRONG: Driver bukan penyebabnya"));

        Api.as(Api.KASI).body(Map.of("mark", "NONE")).put("/api/v1/knowledge/{id}/curation", bad).then().statusCode(200)
                .body("curation", equalTo("NONE")).body("warning", equalTo(false));
        assertEquals(2, Sql.count(dataSource, "select count(*) from ticket_event where type = 'KNOWLEDGE_CURATED' and ticket_id = " + bad));
        Api.as(Api.KABID).get("/api/v1/audit/verification").then().statusCode(200).body("valid", equalTo(true));
    }
}
