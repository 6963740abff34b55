package id.siaga.ticket.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the knowledge pages (past repairs, suggestions), in Indonesian (the default); English is in
 * {@code src/main/resources/messages/kno_en.properties}. Templates use them as {@code {kno:key}}.
 */
@MessageBundle(value = "kno", locale = "id")
public interface KnowledgeMessages {

    @Message("Pengetahuan")
    String navKnowledge();

    @Message("Pengetahuan perbaikan")
    String title();

    @Message("Perbaikan yang sudah selesai (tiket ditutup): kesimpulan kerusakan (langkah 4), perbaikan (langkah 5) dan apakah berhasil (langkah 7). Pencarian mengenali imbuhan bahasa Indonesia dan salah ketik.")
    String intro();

    @Message("Cari perbaikan")
    String searchLabel();

    @Message("Kata kunci")
    String searchField();

    @Message("Contoh: listener, ORA-12541, biometrik gagal terkirim")
    String searchHint();

    @Message("Aplikasi")
    String filterApplication();

    @Message("Server")
    String filterServer();

    @Message("Pemeriksaan (cek agen)")
    String filterCheck();

    @Message("Semua")
    String filterAll();

    @Message("Cari")
    String searchButton();

    @Message("{count} perbaikan ditemukan.")
    String found(long count);

    @Message("Sekitar {count} perbaikan ditemukan.")
    String foundAbout(long count);

    @Message("Tidak ada perbaikan yang cocok.")
    String none();

    @Message("Kesimpulan kerusakan")
    String conclusion();

    @Message("Perbaikan")
    String repair();

    @Message("Hasil")
    String outcome();

    @Message("Berhasil (keputusan Ya)")
    String worked();

    @Message("Belum berhasil (keputusan Tidak)")
    String notWorked();

    @Message("Ditutup")
    String closed();

    @Message("Putaran")
    String rounds();

    @Message("Pihak ketiga")
    String thirdParty();

    @Message("Lama penanganan")
    String duration();

    @Message("Direkomendasikan")
    String recommendedBadge();

    @Message("Perhatian: perbaikan ini ditandai keliru oleh {by}: {reason}")
    String wrongWarning(String by, String reason);

    @Message("Tandai sebagai rekomendasi")
    String markRecommended();

    @Message("Tandai keliru")
    String markWrong();

    @Message("Hapus tanda")
    String markNone();

    @Message("Alasan (wajib untuk tanda keliru)")
    String reasonLabel();

    @Message("Tanda perbaikan tersimpan dan dicatat dalam jejak audit tiket.")
    String noticeCurated();

    @Message("Tuliskan alasan mengapa perbaikan ini keliru.")
    String errorReasonRequired();

    @Message("Hanya Kasi atau Kabid yang dapat menandai perbaikan.")
    String errorNotAllowed();

    @Message("Tiket ini bukan perbaikan yang sudah selesai.")
    String errorNotFinished();

    @Message("Pencarian tidak dapat dijalankan: {detail}")
    String errorSearch(String detail);

    @Message("Perbaikan serupa sebelumnya")
    String suggestionsTitle();

    @Message("Perbaikan yang pernah berhasil untuk gangguan yang mirip: yang pertama dari server dan pemeriksaan yang sama.")
    String suggestionsIntro();

    @Message("Belum ada perbaikan serupa.")
    String suggestionsNone();

    @Message("Server dan pemeriksaan sama")
    String matchSameCheck();

    @Message("Pemeriksaan sama, server berperan sama")
    String matchSameRole();

    @Message("Uraian mirip")
    String matchSimilar();

    @Message("Sebelumnya")
    String pagePrevious();

    @Message("Berikutnya")
    String pageNext();

    @Message("Halaman {page} dari {pages}")
    String pageOf(int page, long pages);
}
