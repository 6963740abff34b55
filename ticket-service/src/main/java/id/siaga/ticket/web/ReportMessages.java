package id.siaga.ticket.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the monthly report and the printables, in Indonesian (the default); English is in
 * {@code src/main/resources/messages/rpt_en.properties}. Templates use them as {@code {rpt:key}}.
 * Step names are not here: they come from the SOP data. Keep a bundle under 300 messages: Quarkus 3.33
 * generates a broken bundle class beyond that.
 */
@MessageBundle(value = "rpt", locale = "id")
public interface ReportMessages {

    @Message("Cetak")
    String printButton();

    @Message("Kertas A4; atau tekan Ctrl+P.")
    String printHint();

    @Message("SOP {number} \"{title}\"")
    String printSopLine(String number, String title);

    @Message("Kembali ke tiket")
    String backToTicket();

    @Message("Laporan Kerusakan Software")
    String faultReportTitle();

    @Message("LAPORAN KERUSAKAN SOFTWARE")
    String faultReportHeading();

    @Message("Tiket {number}")
    String faultReportSubtitle(String number);

    @Message("Hasil pemeriksaan dan perbaikan")
    String faultFindings();

    @Message("Kesimpulan kerusakan (langkah 4)")
    String faultConclusion();

    @Message("Perbaikan software (langkah 5)")
    String faultRepair();

    @Message("Cek software (langkah 6)")
    String faultSoftwareCheck();

    @Message("Dilaporkan kepada")
    String faultReportedTo();

    @Message("Keadaan tiket")
    String faultState();

    @Message("Kabid PIAK & PD (langkah 9)")
    String reportedToKabid();

    @Message("JF ADB (langkah 8)")
    String reportedToJfAdb();

    @Message("Yang melaporkan,")
    String signReporter();

    @Message("Mengetahui,")
    String signReceiver();

    @Message("Administrator Database (ADB)")
    String signAdb();

    @Message("Kabid PIAK & PD")
    String signKabid();

    @Message("JF Administrator Database Kependudukan")
    String signJfAdb();

    @Message("Agenda {year}")
    String agendaTitle(int year);

    @Message("BUKU AGENDA TAHUN {year}")
    String agendaHeading(int year);

    @Message("Catatan perbaikan software yang selesai (SOP langkah 10: mencatat dalam agenda)")
    String agendaSubtitle();

    @Message("Tahun")
    String agendaYear();

    @Message("Belum ada catatan agenda pada tahun {year}.")
    String agendaEmpty(int year);

    @Message("No.")
    String colNo();

    @Message("Nomor agenda")
    String colAgendaNumber();

    @Message("Tanggal")
    String colDate();

    @Message("Dicatat oleh")
    String colRecordedBy();

    @Message("Laporan bulanan")
    String reportTitle();

    @Message("Laporan bulanan {month}")
    String reportHeading(String month);

    @Message("Pilih bulan")
    String reportPick();

    @Message("Bulan")
    String reportMonth();

    @Message("Tahun")
    String reportYear();

    @Message("Unduh CSV")
    String reportCsv();

    @Message("tiket masuk")
    String reportOpened();

    @Message("tiket selesai")
    String reportClosed();

    @Message("tiket dibatalkan")
    String reportCancelled();

    @Message("Waktu per langkah SOP")
    String reportSteps();

    @Message("Langkah yang selesai dalam bulan ini: jumlah, median dan persentil ke-90 lama pengerjaan, dibanding standar waktu SOP.")
    String reportStepsIntro();

    @Message("Jumlah")
    String reportCount();

    @Message("Median")
    String reportMedian();

    @Message("Persentil 90")
    String reportP90();

    @Message("Tepat waktu")
    String reportWithin();

    @Message("Persentase langkah yang selesai dalam standar waktu")
    String reportChartTitle();

    @Message("Satu batang per langkah SOP yang punya standar waktu; panjang batang = persentase yang selesai tepat waktu, garis putus-putus = 100 %.")
    String reportChartDesc();

    @Message("Belum ada langkah dengan standar waktu yang selesai pada bulan ini.")
    String reportChartEmpty();

    @Message("Tiket menurut sumber")
    String reportBySource();

    @Message("Tiket menurut server")
    String reportByServer();

    @Message("Tiket")
    String reportTickets();

    @Message("Tidak ada tiket pada bulan ini.")
    String reportNone();

    @Message("(tanpa server)")
    String reportNoServer();

    @Message("bagian")
    String csvSection();

    @Message("kode")
    String csvCode();

    @Message("nama")
    String csvName();

    @Message("jumlah")
    String csvCount();

    @Message("median_menit")
    String csvMedianMinutes();

    @Message("persentil90_menit")
    String csvP90Minutes();

    @Message("standar_min_menit")
    String csvStandardMinMinutes();

    @Message("standar_maks_menit")
    String csvStandardMaxMinutes();

    @Message("tepat_waktu_persen")
    String csvWithinPercent();

    @Message("langkah")
    String csvSectionStep();

    @Message("ringkasan")
    String csvSectionSummary();

    @Message("sumber")
    String csvSectionSource();

    @Message("server")
    String csvSectionServer();

    @Message("Ketersediaan server")
    String reportAvailabilityTitle();

    @Message("Ketersediaan = waktu Baik dan Peringatan dibagi waktu Baik, Peringatan dan Gangguan; waktu pemeliharaan, tidak diketahui dan tanpa data tidak dihitung. Kolom lain: bagian waktu bulan ini (sampai sekarang) menurut hasil pemeriksaan agen.")
    String reportAvailabilityIntro();

    @Message("Ketersediaan")
    String reportAvailability();

    @Message("Tanpa data")
    String reportNoData();

    @Message("Pemeliharaan")
    String reportMaintenance();

    @Message("Belum ada server terdaftar untuk bulan ini.")
    String reportAvailabilityNone();

    @Message("ketersediaan")
    String csvSectionAvailability();

    @Message("ketersediaan_persen")
    String csvAvailabilityPercent();

    @Message("baik_persen")
    String csvOkPercent();

    @Message("peringatan_persen")
    String csvWarnPercent();

    @Message("gangguan_persen")
    String csvCritPercent();

    @Message("tidak_diketahui_persen")
    String csvUnknownPercent();

    @Message("tanpa_data_persen")
    String csvNoDataPercent();

    @Message("pemeliharaan_persen")
    String csvMaintenancePercent();
}
