package id.siaga.ticket.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every word the staff pages show (Telegram notices reuse it), in Indonesian (the default); English is in
 * {@code src/main/resources/messages/msg_en.properties}. Templates use them as {@code {msg:key}}.
 * Step names are not here: they come from the SOP data. Keep a bundle under 300 messages: Quarkus 3.33
 * generates a broken bundle class beyond that.
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

    @Message("Eskalasi ditanggapi")
    String eventEscalationAcknowledged();

    @Message("Agen berhenti sebelum analisis")
    String eventAgentWalkStopped();

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

    @Message("Terlalu banyak percobaan masuk yang gagal. Tunggu {minutes} menit, lalu coba lagi.")
    String loginLocked(long minutes);

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

    @Message("Formulir tidak dapat dikirim")
    String formRefusedTitle();

    @Message("Formulir ini sudah kedaluwarsa atau tidak berasal dari halaman SIAGA, jadi tidak ada yang disimpan. Buka lagi halamannya, lalu kirim ulang.")
    String formRefusedText();

    @Message("Kembali ke papan status")
    String backToBoard();

    @Message("Kembali ke daftar tiket")
    String backToTickets();

    @Message("Tiket")
    String ticketsTitle();

    @Message("Tiket {number}")
    String ticketTitle(String number);

    @Message("Saring tiket")
    String filterLabel();

    @Message("Keadaan")
    String filterState();

    @Message("Langkah SOP")
    String filterStep();

    @Message("Server")
    String filterServer();

    @Message("Hanya yang terlambat")
    String filterOverdue();

    @Message("Tampilkan")
    String filterApply();

    @Message("Semua langkah")
    String filterAllSteps();

    @Message("Semua server")
    String filterAllServers();

    @Message("Terbuka")
    String filterOpen();

    @Message("Selesai")
    String filterClosed();

    @Message("Dibatalkan")
    String filterCancelled();

    @Message("Semua")
    String filterAll();

    @Message("{count} tiket ditemukan.")
    String ticketsFound(long count);

    @Message("Yang ditampilkan {count} tiket terbaru; persempit saringan untuk melihat yang lain.")
    String ticketsTruncated(long count);

    @Message("Terbuka")
    String stateOpen();

    @Message("Selesai")
    String stateClosed();

    @Message("Dibatalkan")
    String stateCancelled();

    @Message("Tiket")
    String colTicket();

    @Message("Judul")
    String colTitle();

    @Message("Server")
    String colServer();

    @Message("Sumber")
    String colSource();

    @Message("Tingkat")
    String colSeverity();

    @Message("Waktu / standar")
    String colClock();

    @Message("Petugas")
    String colAssignee();

    @Message("Oleh")
    String colBy();

    @Message("Mulai")
    String colStarted();

    @Message("Selesai")
    String colEnded();

    @Message("Hasil")
    String colOutput();

    @Message("Standar waktu")
    String colStandard();

    @Message("Batas waktu")
    String colDue();

    @Message("Lama")
    String colTook();

    @Message("Ketepatan")
    String colTiming();

    @Message("Waktu")
    String colWhen();

    @Message("Jenis")
    String colKind();

    @Message("Peristiwa")
    String colEvent();

    @Message("Dari langkah")
    String colFrom();

    @Message("Ke langkah")
    String colTo();

    @Message("Catatan")
    String colNote();

    @Message("✓ tepat waktu")
    String onTime();

    @Message("sedang berjalan")
    String running();

    @Message("tanpa standar waktu")
    String noStandard();

    @Message("sedang berjalan")
    String stepRunning();

    @Message("Terima keluhan")
    String intakeTitle();

    @Message("Catat keluhan yang masuk lewat telepon, datang langsung, surat atau pesan (SOP langkah 1). Tiket baru mulai di langkah 1.")
    String intakeIntro();

    @Message("Keluhan diterima melalui")
    String intakeSource();

    @Message("Nama pelapor")
    String intakeReporterName();

    @Message("Orang atau kantor yang mengeluh, mis. Operator Kec. Lengayang.")
    String intakeReporterNameHint();

    @Message("Kontak pelapor (tidak wajib)")
    String intakeReporterContact();

    @Message("Nomor telepon, WA atau surel.")
    String intakeReporterContactHint();

    @Message("Aplikasi")
    String intakeApplication();

    @Message("Server yang terganggu (tidak wajib)")
    String intakeServer();

    @Message("Tidak tahu / tidak ada")
    String intakeNoServer();

    @Message("Judul singkat")
    String intakeTitleField();

    @Message("Mis. SIAK tidak bisa login.")
    String intakeTitleHint();

    @Message("Uraian keluhan")
    String intakeDescription();

    @Message("Apa yang dilihat pelapor, sejak kapan, di mana.")
    String intakeDescriptionHint();

    @Message("Tingkat gangguan")
    String intakeSeverity();

    @Message("Simpan keluhan")
    String intakeSubmit();

    @Message("Batal")
    String cancel();

    @Message("Formulir belum bisa disimpan. Perbaiki isian berikut:")
    String errorFixFields();

    @Message("Wajib diisi.")
    String errorRequired();

    @Message("Terlalu panjang: paling banyak {max} huruf.")
    String errorTooLong(String max);

    @Message("Isian tidak sah.")
    String errorInvalid();

    @Message("Pilih salah satu.")
    String errorChoose();

    @Message("Server ini tidak ada lagi; pilih server lain.")
    String errorUnknownServer();

    @Message("Tulis alasan pembatalan, mis. salah input atau duplikat tiket lain.")
    String errorCancelReason();

    @Message("Tulis nama pihak ketiga yang dihubungi.")
    String errorThirdPartyName();

    @Message("Langkah ini tidak bisa dilakukan sekarang: tiket sudah berpindah langkah. Lihat keadaan terbaru di bawah lalu coba lagi.")
    String errorIllegalMove();

    @Message("Peran Anda tidak boleh menyelesaikan langkah ini. Minta petugas dengan peran yang sesuai.")
    String errorNotYourStep();

    @Message("Tiket baru saja diubah orang lain. Lihat keadaan terbaru di bawah lalu coba lagi.")
    String errorChangedMeanwhile();

    @Message("Tiket ini tidak terkait server, jadi tidak ada agen yang bisa diminta cek ulang.")
    String errorNoServer();

    @Message("Tidak diizinkan")
    String forbiddenTitle();

    @Message("Peran Anda tidak mengizinkan tindakan ini. Minta petugas dengan peran yang sesuai, atau admin.")
    String forbiddenText();

    @Message("Tidak ditemukan")
    String notFoundTitle();

    @Message("Tiket atau halaman yang dicari tidak ada.")
    String notFoundText();

    @Message("SOP {number} (versi {version})")
    String sopVersion(String number, int version);

    @Message("Sekarang")
    String ticketNow();

    @Message("Jam berhenti selama langkah ini (tanpa standar waktu); sudah {elapsed}.")
    String clockPaused(String elapsed);

    @Message("Sudah {elapsed} dari standar {standard}.")
    String clockLine(String elapsed, String standard);

    @Message("Terlambat: batas waktu {due} sudah lewat.")
    String lateDue(String due);

    @Message("Batas waktu {due}.")
    String dueAt(String due);

    @Message("Nomor agenda: {number}")
    String agendaNumberIs(String number);

    @Message("Pencatatan: {state}")
    String endStateIs(String state);

    @Message("Alasan pembatalan: {reason}")
    String cancelReasonIs(String reason);

    @Message("Cetak Laporan Kerusakan Software")
    String printFaultReport();

    @Message("Tindakan")
    String actionsTitle();

    @Message("Selesaikan langkah: {step}")
    String actionsComplete(String step);

    @Message("Tidak ada tindakan untuk peran Anda pada langkah ini.")
    String actionsNone();

    @Message("Hasil langkah ini ({output})")
    String outputOf(String output);

    @Message("Hasil langkah ini")
    String outputGeneric();

    @Message("Tulis singkat apa yang dikerjakan dan hasilnya.")
    String outputHint();

    @Message("Selesai, lanjut ke {step}")
    String moveTo(String step);

    @Message("Analisis ulang: kembali ke {step}")
    String moveAnotherRound(String step);

    @Message("Catat dalam agenda dan tutup tiket")
    String moveClose();

    @Message("Perbaikan oleh pihak ketiga")
    String thirdPartyTitle();

    @Message("Serahkan perbaikan ke pihak ketiga (vendor, helpdesk pusat) dengan persetujuan Kabid (SOP langkah 11).")
    String thirdPartyIntro();

    @Message("Nama pihak ketiga")
    String thirdPartyName();

    @Message("Kontak pihak ketiga (tidak wajib)")
    String thirdPartyContact();

    @Message("Nomor tiket atau surat dari pihak ketiga (tidak wajib)")
    String thirdPartyReference();

    @Message("Serahkan ke pihak ketiga")
    String thirdPartySubmit();

    @Message("Dihubungi")
    String thirdPartyContactedAt();

    @Message("Persetujuan Kabid")
    String thirdPartyApproval();

    @Message("Disetujui oleh {who}, {at}")
    String thirdPartyApprovedBy(String who, String at);

    @Message("Belum disetujui")
    String thirdPartyNotApproved();

    @Message("Selesai diperbaiki")
    String thirdPartyRepairedAt();

    @Message("Persetujuan perbaikan pihak ketiga")
    String approveTitle();

    @Message("Sebagai Kabid, setujui perbaikan oleh pihak ketiga ini.")
    String approveIntro();

    @Message("Setujui perbaikan pihak ketiga")
    String approveSubmit();

    @Message("Cek ulang")
    String recheckTitle();

    @Message("Minta agen di server menjalankan cek lagi (cek software, langkah 6). Hasilnya masuk ke bukti agen.")
    String recheckIntro();

    @Message("Cek ulang")
    String recheckSubmit();

    @Message("Batalkan tiket")
    String cancelTitle();

    @Message("Alasan pembatalan")
    String cancelReason();

    @Message("Mis. salah input, atau duplikat tiket SIAGA-2026-000007.")
    String cancelReasonHint();

    @Message("Batalkan tiket")
    String cancelSubmit();

    @Message("Rincian keluhan")
    String ticketDetails();

    @Message("Diterima melalui")
    String factSource();

    @Message("Pelapor")
    String factReporter();

    @Message("Aplikasi")
    String factApplication();

    @Message("Server")
    String factServer();

    @Message("cek {check}")
    String factCheck(String check);

    @Message("Tingkat gangguan")
    String factSeverity();

    @Message("Uraian")
    String factDescription();

    @Message("Dibuat")
    String factCreated();

    @Message("Petugas")
    String factAssignee();

    @Message("Keputusan langkah 7")
    String factDecision();

    @Message("Putaran analisis/perbaikan")
    String factRound();

    @Message("Nomor agenda")
    String factAgenda();

    @Message("SOP")
    String factSop();

    @Message("Selesai pada")
    String factClosed();

    @Message("Jejak langkah SOP")
    String timelineTitle();

    @Message("Bukti dari agen")
    String evidenceTitle();

    @Message("Belum ada bukti dari agen untuk tiket ini.")
    String evidenceNone();

    @Message("Catatan audit")
    String eventsTitle();

    @Message("{days} hari")
    String boardStripColumn(int days);

    @Message("Ketersediaan {days} hari terakhir: {share}")
    String boardStripLabel(int days, String share);

    @Message("{date}: ketersediaan {share}")
    String boardStripDay(String date, String share);

    @Message("{date}: tanpa data")
    String boardStripNoData(String date);

    @Message("{date}: pemeliharaan")
    String boardStripMaintenance(String date);

    @Message("Kolom {days} hari: satu batang per hari per cek, tinggi batang = ketersediaan (waktu Baik dan Peringatan dibagi waktu Baik, Peringatan dan Gangguan; pemeliharaan dan tanpa data tidak dihitung), hari ini di kanan.")
    String boardStripLegend(int days);

    @Message("tanpa gangguan")
    String boardStripOk();

    @Message("ada peringatan")
    String boardStripWarn();

    @Message("ada gangguan")
    String boardStripCrit();

    @Message("pemeliharaan")
    String boardStripMaintenanceKey();

    @Message("tanpa data atau tidak diketahui")
    String boardStripNone();
}
