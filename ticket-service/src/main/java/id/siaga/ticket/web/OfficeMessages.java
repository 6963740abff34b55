package id.siaga.ticket.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the offices' roll-up ({@code /wilayah}) in Indonesian (the default); English is in
 * {@code src/main/resources/messages/ofc_en.properties}. Templates use them as {@code {ofc:key}}.
 */
@MessageBundle(value = "ofc", locale = "id")
public interface OfficeMessages {

    @Message("Wilayah")
    String title();

    @Message("Kantor yang melapor ke SIAGA ini")
    String heading();

    @Message("Setiap kantor mengirim ringkasan (angka saja) setiap interval. Kantor yang tidak mengirim apa pun selama {silentAfter} ditandai diam dan dieskalasi ke Kasi.")
    String intro(String silentAfter);

    @Message("Belum ada kantor yang terdaftar. Administrator mendaftarkan kantor dengan POST /api/v1/offices.")
    String none();

    @Message("Unduh CSV")
    String csv();

    @Message("Kantor")
    String tileOffices();

    @Message("Diam")
    String tileSilent();

    @Message("Dengan gangguan CRIT")
    String tileCrit();

    @Message("Kode")
    String colCode();

    @Message("Kantor")
    String colName();

    @Message("Keadaan")
    String colState();

    @Message("Ringkasan terakhir")
    String colLast();

    @Message("Gangguan terbuka")
    String colFaults();

    @Message("Langkah terlambat")
    String colOverdue();

    @Message("Eskalasi belum ditanggapi")
    String colEscalations();

    @Message("Kepatuhan SOP bulan ini")
    String colCompliance();

    @Message("Tren 30 hari")
    String colTrend();

    @Message("Urutkan menurut {column}")
    String sortBy(String column);

    @Message("melalui {via}")
    String via(String via);

    @Message("belum pernah")
    String never();

    @Message("Diam")
    String stateSilent();

    @Message("Baik")
    String stateOk();

    @Message("Peringatan")
    String stateWarn();

    @Message("Kritis")
    String stateCrit();

    @Message("Tidak diketahui")
    String stateUnknown();

    @Message("Gangguan terbuka (garis penuh) dan langkah terlambat (garis putus) per hari dalam 30 hari terakhir ({days} hari dengan ringkasan): paling banyak {faults} gangguan, {overdue} langkah terlambat")
    String trendDescription(int days, long faults, long overdue);

    @Message("Keadaan")
    String csvState();

    @Message("Ringkasan terakhir (UTC)")
    String csvLast();

    @Message("Umur ringkasan (detik)")
    String csvAge();

    @Message("Kepatuhan (%)")
    String csvCompliance();

    @Message("Melalui")
    String csvVia();
}
