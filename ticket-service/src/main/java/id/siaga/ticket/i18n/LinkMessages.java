package id.siaga.ticket.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of linked reports (further complaints recorded on an open ticket, duplicates), in Indonesian (the
 * default); English is in {@code src/main/resources/messages/lnk_en.properties}. Templates use them as
 * {@code {lnk:key}}.
 */
@MessageBundle(value = "lnk", locale = "id")
public interface LinkMessages {

    @Message("Laporan terkait")
    String reportLinked();

    @Message("Laporan terkait tercatat pada tiket ini.")
    String noticeLinked();

    @Message("Laporan terkait")
    String eventReportLinked();

    @Message("Ditandai duplikat")
    String eventMarkedDuplicate();

    @Message("Duplikat digabung")
    String eventDuplicateMerged();

    @Message("Tiket terbuka untuk aplikasi atau server ini")
    String relatedTitle();

    @Message("Jika keluhan ini tentang gangguan yang sama, catat sebagai laporan terkait pada tiket tersebut (sumber, pelapor, kontak, judul dan uraian di formulir ini ikut tercatat), bukan tiket baru.")
    String relatedIntro();

    @Message("Tidak ada tiket terbuka untuk aplikasi atau server ini.")
    String relatedNone();

    @Message("Catat sebagai laporan terkait {number}")
    String relatedLinkButton(String number);

    @Message("sejak {at}")
    String relatedSince(String at);

    @Message("{count} laporan terkait")
    String relatedReports(long count);

    @Message("Laporan terkait")
    String reportsTitle();

    @Message("Keluhan lain tentang gangguan yang sama, dicatat pada tiket ini tanpa langkah SOP baru.")
    String reportsIntro();

    @Message("Belum ada laporan terkait.")
    String reportsNone();

    @Message("Diterima")
    String colReceived();

    @Message("Sumber")
    String colSource();

    @Message("Pelapor")
    String colReporter();

    @Message("Kontak")
    String colContact();

    @Message("Apa yang dilaporkan")
    String colNote();

    @Message("Dicatat oleh")
    String colRecordedBy();

    @Message("Dari tiket")
    String colOrigin();

    @Message("tiket ini")
    String originThis();

    @Message("Catat laporan terkait")
    String formTitle();

    @Message("Diterima melalui")
    String fieldSource();

    @Message("Nama pelapor")
    String fieldReporterName();

    @Message("Kontak pelapor")
    String fieldReporterContact();

    @Message("Nomor telepon, surel atau kantor (data pribadi).")
    String fieldReporterContactHint();

    @Message("Apa yang dilaporkan")
    String fieldNote();

    @Message("Catat laporan")
    String submit();

    @Message("Duplikat dari")
    String duplicateOfIs();

    @Message("Duplikat dari tiket (pilihan)")
    String cancelDuplicateOf();

    @Message("Laporan terkait tiket ini, dan keluhannya sendiri, dipindahkan ke tiket yang dipilih.")
    String cancelDuplicateHint();

    @Message("— bukan duplikat —")
    String cancelNotDuplicate();

    @Message("Tiket ini sudah selesai atau dibatalkan; laporan tidak dapat ditambahkan. Catat keluhan sebagai tiket baru.")
    String errorClosed();

    @Message("Tiket yang dipilih sudah selesai, dibatalkan, atau sendiri duplikat; pilih tiket terbuka lain.")
    String errorDuplicateTarget();

    @Message("Pilih tiket terbuka lain (bukan tiket ini).")
    String errorDuplicateChoice();
}
