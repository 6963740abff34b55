package id.siaga.ticket.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the pages the Kasi and Kabid watch: the escalation list, a ticket's escalations, the maintenance
 * schedule and its mark on the status board, in Indonesian (the default); English is in
 * {@code src/main/resources/messages/ovs_en.properties}. Templates use them as {@code {ovs:key}}. Keep a bundle
 * under 300 messages: Quarkus 3.33 generates a broken bundle class beyond that.
 */
@MessageBundle(value = "ovs", locale = "id")
public interface OversightMessages {

    @Message("Eskalasi")
    String navEscalations();

    @Message("{count} eskalasi belum ditanggapi untuk peran Anda")
    String navEscalationsOpen(long count);

    @Message("Pemeliharaan")
    String navMaintenance();

    @Message("Eskalasi ditanggapi; rantai eskalasinya berhenti di sini.")
    String noticeAcknowledged();

    @Message("Jadwal pemeliharaan tersimpan. Batas waktu tiket yang terkena ikut bergeser.")
    String noticePlanned();

    @Message("Jadwal pemeliharaan dibatalkan. Batas waktu tiket yang terkena ikut bergeser.")
    String noticeWindowCancelled();

    @Message("Daftar eskalasi")
    String escalationsTitle();

    @Message("Hal yang harus diketahui atasan: langkah SOP yang terlambat, keputusan \"Tidak\", perbaikan oleh pihak ketiga, gangguan kritis dan agen server yang berhenti melapor. Menanggapi eskalasi menghentikan rantainya: eskalasi tingkat 1 yang tidak ditanggapi diteruskan ke atasan berikutnya.")
    String escalationsIntro();

    @Message("Saring eskalasi")
    String filterLabel();

    @Message("Untuk")
    String filterFor();

    @Message("Peran saya ({roles})")
    String filterMine(String roles);

    @Message("Semua peran")
    String filterAllRoles();

    @Message("Keadaan")
    String filterState();

    @Message("Belum ditanggapi")
    String filterOpen();

    @Message("Sudah ditanggapi")
    String filterAcknowledged();

    @Message("Semua")
    String filterAll();

    @Message("Tampilkan")
    String filterApply();

    @Message("{count} eskalasi ditemukan.")
    String found(long count);

    @Message("Tidak ada eskalasi untuk pilihan ini.")
    String none();

    @Message("Daftar eskalasi")
    String tableCaption();

    @Message("Alasan")
    String colReason();

    @Message("Tingkat")
    String colLevel();

    @Message("Untuk")
    String colRecipient();

    @Message("Tiket / server")
    String colSubject();

    @Message("Langkah")
    String colStep();

    @Message("Dibuat")
    String colMade();

    @Message("Ditanggapi")
    String colAcknowledged();

    @Message("Tindakan")
    String colAction();

    @Message("Langkah SOP melewati batas waktu")
    String reasonStepOverdue();

    @Message("Langkah SOP terlambat dan belum ditanggapi Kasi")
    String reasonStepOverdueRaised();

    @Message("Keputusan \"Tidak\": software belum berfungsi")
    String reasonDecisionNo();

    @Message("Perbaikan oleh pihak ketiga menunggu persetujuan Kabid")
    String reasonThirdParty();

    @Message("Gangguan kritis pada server database SIAK atau KTP-el")
    String reasonCriticalFinding();

    @Message("Agen server berhenti melapor")
    String reasonAgentSilent();

    @Message("Agen server masih diam dan belum ditanggapi ADB")
    String reasonAgentSilentRaised();

    @Message("Kantor di bawah berhenti mengirim ringkasan")
    String reasonOfficeSilent();

    @Message("Kantor di bawah masih diam dan belum ditanggapi Kasi")
    String reasonOfficeSilentRaised();

    @Message("Tingkat {level}")
    String level(int level);

    @Message("diteruskan")
    String levelRaised();

    @Message("{ago} lalu")
    String ago(String ago);

    @Message("Belum ditanggapi")
    String notAcknowledged();

    @Message("{who}, {at}")
    String acknowledgedBy(String who, String at);

    @Message("Penyebabnya sudah selesai ({at}).")
    String resolvedAt(String at);

    @Message("Server {name}")
    String serverNamed(String name);

    @Message("Tanggapi")
    String acknowledge();

    @Message("Halaman daftar")
    String paginationLabel();

    @Message("Halaman {page} dari {pages}")
    String pageOf(int page, int pages);

    @Message("Sebelumnya")
    String pagePrevious();

    @Message("Berikutnya")
    String pageNext();

    @Message("Eskalasi ini sudah ditanggapi oleh {who} pada {at}. Tidak ada yang diubah.")
    String errorAlreadyAcknowledged(String who, String at);

    @Message("Eskalasi ini untuk {role}. Hanya peran itu, atau peran yang lebih tinggi, yang boleh menanggapinya.")
    String errorNotYourEscalation(String role);

    @Message("Eskalasi")
    String ticketEscalationsTitle();

    @Message("Belum ada eskalasi untuk tiket ini.")
    String ticketEscalationsNone();

    @Message("Buka daftar eskalasi")
    String ticketEscalationsLink();

    @Message("Jadwal pemeliharaan")
    String maintenanceTitle();

    @Message("Selama pemeliharaan, temuan agen tetap disimpan tetapi tidak membuka tiket dan tidak dieskalasi, agen yang diam tidak dilaporkan, dan jam SOP tiket server itu berhenti.")
    String maintenanceIntro();

    @Message("Pemeliharaan yang sedang berjalan dan yang akan datang")
    String maintenanceListTitle();

    @Message("Tidak ada pemeliharaan yang sedang berjalan atau dijadwalkan.")
    String maintenanceNone();

    @Message("Server")
    String colServer();

    @Message("Mulai")
    String colFrom();

    @Message("Selesai")
    String colTo();

    @Message("Dijadwalkan oleh")
    String colPlannedBy();

    @Message("Keadaan")
    String colState();

    @Message("Semua server")
    String allServers();

    @Message("Sedang berlangsung")
    String stateActive();

    @Message("Akan datang")
    String stateComing();

    @Message("Batalkan jadwal")
    String cancelWindow();

    @Message("Jadwalkan pemeliharaan")
    String planTitle();

    @Message("Waktu kantor, {zone}.")
    String planZoneHint(String zone);

    @Message("Server")
    String planServer();

    @Message("Mulai")
    String planFrom();

    @Message("Selesai")
    String planTo();

    @Message("Alasan")
    String planReason();

    @Message("Mis. pembaruan SIAK versi 8 dari pusat.")
    String planReasonHint();

    @Message("Simpan jadwal")
    String planSubmit();

    @Message("Tulis tanggal dan jam, mis. 2026-11-25 08:00.")
    String errorDateTime();

    @Message("Waktu selesai harus sesudah waktu mulai.")
    String errorEndBeforeStart();

    @Message("Jadwal ini sudah dibatalkan atau tidak ada lagi.")
    String errorWindowGone();

    @Message("Hanya Kasi dan Kabid yang menjadwalkan pemeliharaan.")
    String maintenanceReadOnly();

    @Message("sedang pemeliharaan")
    String boardInMaintenance();

    @Message("Pemeliharaan sampai {until}: {reason}")
    String boardMaintenanceUntil(String until, String reason);

    @Message("Peringatan: catatan audit tiket ini tidak lolos verifikasi. Ada peristiwa yang diubah atau dihapus di luar "
            + "aplikasi; laporkan kepada Kabid dan administrator.")
    String auditBroken();
}
