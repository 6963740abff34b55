package id.siaga.ticket.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the public status page, in Indonesian (the default); English is in
 * {@code src/main/resources/messages/sts_en.properties}. Templates use them as {@code {sts:key}}.
 */
@MessageBundle(value = "sts", locale = "id")
public interface StatusMessages {

    @Message("Status layanan")
    String title();

    @Message("Keadaan aplikasi layanan Disdukcapil saat ini. Halaman ini memuat ulang sendiri setiap {seconds} detik.")
    String intro(long seconds);

    @Message("Diperbarui {time}")
    String updated(String time);

    @Message("Normal")
    String stateOperational();

    @Message("Gangguan sebagian")
    String statePartialOutage();

    @Message("Gangguan")
    String stateMajorOutage();

    @Message("Pemeliharaan terjadwal")
    String stateMaintenance();

    @Message("sejak {time}")
    String since(String time);

    @Message("Tiket {number}")
    String ticket(String number);

    @Message("Sedang ditangani petugas.")
    String noSummary();

    @Message("{days} hari terakhir: ketersediaan {percent}")
    String daysLabel(int days, String percent);

    @Message("{days} hari lalu")
    String daysAgo(int days);

    @Message("Hari ini")
    String today();

    @Message("{date}: {percent}")
    String dayTitle(String date, String percent);

    @Message("pemeliharaan")
    String dayMaintenance();

    @Message("Pemeliharaan terjadwal")
    String plannedTitle();

    @Message("Tidak ada pemeliharaan terjadwal.")
    String plannedNone();

    @Message("{from} sampai {to}")
    String period(String from, String to);

    @Message("Gangguan yang sudah selesai ({days} hari terakhir)")
    String recentTitle(long days);

    @Message("Tidak ada gangguan yang selesai dalam {days} hari terakhir.")
    String recentNone(long days);

    @Message("Keterangan warna")
    String legend();

    @Message("Waktu dalam {zone}. Keluhan layanan: hubungi Disdukcapil.")
    String footer(String zone);

    @Message("Masuk (petugas)")
    String staffSignIn();

    @Message("Ringkasan untuk halaman status publik")
    String summaryTitle();

    @Message("Tampil di halaman status publik (/status) selama tiket terbuka, tanpa nama server, alamat atau nama petugas. Kosongkan untuk menghapus.")
    String summaryIntro();

    @Message("Ringkasan publik")
    String summaryLabel();

    @Message("Contoh: SIAK tidak bisa login sejak 08.10; sedang diperbaiki, perkiraan selesai 10.00. Paling banyak {max} karakter.")
    String summaryHint(int max);

    @Message("Simpan ringkasan")
    String summarySubmit();

    @Message("Ringkasan publik disimpan.")
    String noticeSummary();
}
