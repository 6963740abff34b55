package id.siaga.ticket.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every word the staff pages show, in Indonesian (the default); English is in
 * {@code src/main/resources/messages/msg_en.properties}. Templates use them as {@code {msg:key}}.
 * Step names are not here: they come from the SOP data.
 */
@MessageBundle(value = "msg", locale = "id")
public interface WebMessages {

    @Message("Langsung ke isi utama")
    String skipToContent();

    @Message("Aduan & gangguan aplikasi SIAK dan KTP-el")
    String appSubtitle();

    @Message("Menu utama")
    String navLabel();

    @Message("Papan status")
    String navBoard();

    @Message("Tiket")
    String navTickets();

    @Message("Terima keluhan")
    String navIntake();

    @Message("Laporan bulanan")
    String navReport();

    @Message("Agenda")
    String navAgenda();

    @Message("Bahasa")
    String languageLabel();

    @Message("Masuk sebagai {user}")
    String signedInAs(String user);

    @Message("Keluar")
    String logout();

    @Message("SIAGA · SOP 800/488/DKPS-PS/2022 \"Maintenance Software\" · Waktu dalam {zone}")
    String footer(String zone);

    @Message("hr")
    String unitDay();

    @Message("j")
    String unitHour();

    @Message("mnt")
    String unitMinute();

    @Message("dtk")
    String unitSecond();

    @Message("Keluhan tersimpan sebagai tiket baru.")
    String noticeCreated();

    @Message("Langkah selesai dan tiket dipindahkan.")
    String noticeMoved();

    @Message("Perbaikan oleh pihak ketiga disetujui.")
    String noticeApproved();

    @Message("Permintaan cek ulang dikirim ke agen server. Hasilnya muncul di bukti agen.")
    String noticeRecheck();

    @Message("Anda sudah keluar.")
    String noticeSignedOut();

    @Message("Admin")
    String roleAdmin();

    @Message("Pengamat")
    String roleViewer();

    @Message("ADB")
    String roleAdb();

    @Message("JF ADB")
    String roleJfAdb();

    @Message("Kasi")
    String roleKasi();

    @Message("Kabid")
    String roleKabid();

    @Message("Telepon")
    String sourcePhone();

    @Message("Datang langsung")
    String sourceWalkIn();

    @Message("Surat")
    String sourceLetter();

    @Message("Pesan (WA/SMS/surel)")
    String sourceMessage();

    @Message("Agen pemantau")
    String sourceAgent();

    @Message("SIAK")
    String appSiak();

    @Message("KTP-el")
    String appKtpEl();

    @Message("Lainnya")
    String appOther();

    @Message("Rendah")
    String severityLow();

    @Message("Sedang")
    String severityMedium();

    @Message("Tinggi")
    String severityHigh();

    @Message("Kritis")
    String severityCritical();

    @Message("Server aplikasi SIAK")
    String serverRoleSiakApp();

    @Message("Server database SIAK")
    String serverRoleSiakDb();

    @Message("Server KTP-el")
    String serverRoleKtpel();

    @Message("Jaringan")
    String serverRoleNetwork();

    @Message("Lainnya")
    String serverRoleOther();

    @Message("Belum ada laporan")
    String statusNone();

    @Message("Baik")
    String statusOk();

    @Message("Peringatan")
    String statusWarn();

    @Message("Gangguan")
    String statusCrit();

    @Message("Tidak diketahui")
    String statusUnknown();

    @Message("Selesai (ditutup)")
    String stepClosed();

    @Message("Dibatalkan")
    String stepCancelled();

    @Message("Tiket dibuat")
    String eventCreated();

    @Message("Pindah langkah")
    String eventTransition();

    @Message("Ditutup")
    String eventClosed();

    @Message("Dibatalkan")
    String eventCancelled();

    @Message("Perbaikan pihak ketiga disetujui")
    String eventThirdPartyApproved();

    @Message("Cek kembali normal")
    String eventRecovered();

    @Message("Cek ulang diminta")
    String eventRecheckRequested();

    @Message("Hasil cek ulang")
    String eventRecheckResult();

    @Message("Cek naik-turun")
    String eventFlapping();

    @Message("Gagal")
    String evidenceFailure();

    @Message("Pulih")
    String evidenceRecovery();

    @Message("Cek ulang")
    String evidenceRecheck();

    @Message("Naik-turun")
    String evidenceFlapping();

    @Message("Ya, software berfungsi")
    String decisionYes();

    @Message("Tidak")
    String decisionNo();

    @Message("Masuk")
    String loginTitle();

    @Message("Masuk dengan nama pengguna dan kata sandi SIAGA Anda.")
    String loginIntro();

    @Message("Nama pengguna atau kata sandi salah. Periksa lalu coba lagi.")
    String loginFailed();

    @Message("Nama pengguna")
    String loginUsername();

    @Message("Kata sandi")
    String loginPassword();

    @Message("Masuk")
    String loginSubmit();

    @Message("Papan status")
    String boardTitle();

    @Message("Diperbarui pukul {time}; halaman ini memuat ulang sendiri.")
    String boardUpdated(String time);

    @Message("Jeda muat ulang")
    String refreshPause();

    @Message("Lanjutkan muat ulang")
    String refreshResume();

    @Message("Ringkasan")
    String boardSummary();

    @Message("tiket terbuka")
    String boardOpenTickets();

    @Message("tiket terlambat")
    String boardOverdueTickets();

    @Message("Server")
    String boardServers();

    @Message("Belum ada server yang dipantau. Admin mendaftarkan server melalui API.")
    String boardNoServers();

    @Message("Tiket terbuka: {count}")
    String boardServerOpenTickets(long count);

    @Message("Agen belum mengirim hasil cek.")
    String boardNoChecks();

    @Message("Cek pada {name}")
    String boardChecksOf(String name);

    @Message("Tidak ada laporan: agen belum pernah melapor")
    String agentNeverReported();

    @Message("Tidak ada laporan sejak {at} ({ago} lalu)")
    String agentSilentSince(String at, String ago);

    @Message("Laporan terakhir {at} ({ago} lalu)")
    String agentLastReport(String at, String ago);

    @Message("Cek")
    String checkName();

    @Message("Status")
    String checkStatus();

    @Message("Keterangan")
    String checkMessage();

    @Message("naik-turun")
    String checkFlapping();

    @Message("Lihat tiket")
    String checkTicket();

    @Message("Tiket terbuka per langkah SOP")
    String boardOpenByStep();

    @Message("Langkah")
    String colStep();

    @Message("Terbuka")
    String colOpen();

    @Message("Terlambat")
    String colOverdue();

    @Message("terlambat")
    String late();
}
