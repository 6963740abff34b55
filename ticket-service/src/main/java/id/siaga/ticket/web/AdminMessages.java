package id.siaga.ticket.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the administration pages (people, servers and agent tokens, holidays) and of a person's own profile,
 * in Indonesian (the default); English is in {@code src/main/resources/messages/adm_en.properties}. Templates use them
 * as {@code {adm:key}}.
 */
@MessageBundle(value = "adm", locale = "id")
public interface AdminMessages {

    @Message("Pengguna")
    String navUsers();

    @Message("Server")
    String navServers();

    @Message("Hari libur")
    String navHolidays();

    @Message("Profil")
    String navProfile();

    @Message("Administrasi")
    String navAdminLabel();

    @Message("Pengguna dibuat. Sampaikan kata sandi awalnya secara langsung.")
    String noticeUserCreated();

    @Message("Perubahan pengguna tersimpan.")
    String noticeUserSaved();

    @Message("Kata sandi diganti. Sesi lama pengguna itu berakhir.")
    String noticePasswordReset();

    @Message("Akun dinonaktifkan: tidak bisa masuk lagi, dan sesinya sudah berakhir.")
    String noticeUserDisabled();

    @Message("Akun diaktifkan kembali.")
    String noticeUserEnabled();

    @Message("Data server tersimpan.")
    String noticeServerSaved();

    @Message("Hari libur ditambahkan. Batas waktu tiket yang terkena ikut bergeser.")
    String noticeHolidayAdded();

    @Message("Hari libur dihapus. Batas waktu tiket yang terkena ikut bergeser.")
    String noticeHolidayRemoved();

    @Message("Profil tersimpan.")
    String noticeProfileSaved();

    @Message("Pengguna")
    String usersTitle();

    @Message("Orang yang boleh masuk ke SIAGA dan perannya. Akun yang dinonaktifkan tidak bisa masuk lewat halaman maupun API, dan sesinya langsung berakhir.")
    String usersIntro();

    @Message("Daftar pengguna")
    String usersCaption();

    @Message("Nama pengguna")
    String colUsername();

    @Message("Nama")
    String colName();

    @Message("E-mail")
    String colEmail();

    @Message("Peran")
    String colRoles();

    @Message("Keadaan")
    String colState();

    @Message("Tindakan")
    String colAction();

    @Message("Aktif")
    String stateActive();

    @Message("Nonaktif")
    String stateDisabled();

    @Message("Ubah")
    String edit();

    @Message("Tambah pengguna")
    String createUserTitle();

    @Message("Nama pengguna")
    String fieldUsername();

    @Message("3–64 huruf kecil, angka, titik, garis bawah atau tanda hubung; tidak bisa diubah nanti.")
    String fieldUsernameHint();

    @Message("Nama lengkap")
    String fieldName();

    @Message("E-mail")
    String fieldEmail();

    @Message("Ke sini pemberitahuan eskalasi dikirim. Boleh kosong.")
    String fieldEmailHint();

    @Message("Peran")
    String fieldRoles();

    @Message("Kata sandi awal")
    String fieldPassword();

    @Message("8–128 karakter.")
    String fieldPasswordHint();

    @Message("Tambah pengguna")
    String createUserSubmit();

    @Message("Pengguna {username}")
    String editUserTitle(String username);

    @Message("Simpan perubahan")
    String saveUser();

    @Message("Ganti kata sandi")
    String resetPasswordTitle();

    @Message("Semua sesi pengguna ini berakhir; sampaikan kata sandi baru secara langsung.")
    String resetPasswordHint();

    @Message("Kata sandi baru")
    String fieldNewPassword();

    @Message("Ganti kata sandi")
    String resetPasswordSubmit();

    @Message("Akun")
    String accountTitle();

    @Message("Akun ini aktif.")
    String accountActive();

    @Message("Akun ini nonaktif: tidak bisa masuk.")
    String accountDisabled();

    @Message("Nonaktifkan akun")
    String disableUser();

    @Message("Aktifkan kembali")
    String enableUser();

    @Message("Kembali ke daftar pengguna")
    String backToUsers();

    @Message("Pakai 3–64 huruf kecil, angka, titik, garis bawah atau tanda hubung.")
    String errorUsernameFormat();

    @Message("Nama pengguna ini sudah dipakai.")
    String errorUsernameTaken();

    @Message("Tulis alamat e-mail yang benar, mis. nama@pesisirselatankab.go.id.")
    String errorEmail();

    @Message("Pilih paling sedikit satu peran.")
    String errorRoles();

    @Message("Kata sandi harus 8–128 karakter.")
    String errorPasswordLength();

    @Message("Ini administrator aktif terakhir. Tambahkan administrator lain dulu sebelum menonaktifkan akun ini atau mencabut peran Administrator-nya.")
    String errorLastAdmin();

    @Message("Server")
    String serversTitle();

    @Message("Server yang dipantau dan agennya: versi, selang laporan, antrean kiriman (outbox) dan laporan terakhir, dari detak (heartbeat) terakhir agen.")
    String serversIntro();

    @Message("Daftar server")
    String serversCaption();

    @Message("Server")
    String colServer();

    @Message("Peran")
    String colRole();

    @Message("Lokasi")
    String colLocation();

    @Message("Versi agen")
    String colAgentVersion();

    @Message("Selang")
    String colInterval();

    @Message("Antrean")
    String colBacklog();

    @Message("Laporan terakhir")
    String colLastReport();

    @Message("belum pernah")
    String neverReported();

    @Message("{seconds} detik")
    String intervalSeconds(long seconds);

    @Message("{count} temuan")
    String backlogFindings(long count);

    @Message("Belum ada server terdaftar.")
    String serversNone();

    @Message("Token baru")
    String newToken();

    @Message("Daftarkan server")
    String registerTitle();

    @Message("Nama server")
    String fieldServerName();

    @Message("Mis. siak-app-pessel. Paling banyak 100 karakter.")
    String fieldServerNameHint();

    @Message("Peran server")
    String fieldServerRole();

    @Message("Lokasi")
    String fieldLocation();

    @Message("Keterangan")
    String fieldDescription();

    @Message("Tampilkan server ini dengan namanya di halaman status publik (/status)")
    String fieldServerPublic();

    @Message("Daftarkan dan buat token")
    String registerSubmit();

    @Message("Server {name}")
    String editServerTitle(String name);

    @Message("Simpan perubahan")
    String saveServer();

    @Message("Kembali ke daftar server")
    String backToServers();

    @Message("Sudah ada server dengan nama ini.")
    String errorServerNameTaken();

    @Message("Token agen {name}")
    String tokenTitle(String name);

    @Message("Token ini hanya ditampilkan SEKALI. Salin sekarang ke server; SIAGA hanya menyimpan sidik (hash)-nya. Token lama server ini, bila ada, sudah tidak berlaku.")
    String tokenOnce();

    @Message("Token agen")
    String tokenLabel();

    @Message("Token agen hanya ditampilkan sekali dan sudah ditampilkan. Bila hilang, buat token baru: token lama berhenti berlaku.")
    String tokenGone();

    @Message("Pasang agen di server")
    String installTitle();

    @Message("1. Di server {name}, dari folder deploy/agent rilis SIAGA, pasang agen (sebagai root):")
    String installStep1(String name);

    @Message("2. Simpan token di /etc/siaga/agent.env:")
    String installStep2();

    @Message("3. Isi bagian awal /etc/siaga/agent.yaml dengan baris ini (pemeriksaan di bawahnya sesuaikan):")
    String installStep3();

    @Message("4. Uji, lalu jalankan agen:")
    String installStep4();

    @Message("Hari libur")
    String holidaysTitle();

    @Message("Hari kantor tutup (libur nasional, cuti bersama). Batas waktu langkah SOP tiket non-kritis tidak dihitung pada hari ini; tiket kritis dihitung 24×7. Perubahan berlaku untuk semua instans dalam beberapa detik.")
    String holidaysIntro();

    @Message("Daftar hari libur")
    String holidaysCaption();

    @Message("Tanggal")
    String colDate();

    @Message("Hari")
    String colDay();

    @Message("Belum ada hari libur.")
    String holidaysNone();

    @Message("Hapus")
    String removeHoliday();

    @Message("Tambah hari libur")
    String addHolidayTitle();

    @Message("Tanggal")
    String fieldDate();

    @Message("Mis. 2026-12-25.")
    String fieldDateHint();

    @Message("Tambah hari libur")
    String addHolidaySubmit();

    @Message("Tulis tanggal yang ada, mis. 2026-12-25.")
    String errorDate();

    @Message("Tanggal ini sudah hari libur.")
    String errorHolidayExists();

    @Message("Tanggal ini bukan hari libur lagi. Tidak ada yang diubah.")
    String errorHolidayGone();

    @Message("Profil saya")
    String profileTitle();

    @Message("Akun Anda: {username}, peran {roles}.")
    String profileIntro(String username, String roles);

    @Message("E-mail dan bahasa")
    String profileDetailsTitle();

    @Message("Bahasa halaman")
    String fieldLanguage();

    @Message("Dipakai saat Anda masuk dari peramban mana pun, kecuali Anda memilih bahasa lain di atas halaman.")
    String fieldLanguageHint();

    @Message("Bawaan (Bahasa Indonesia)")
    String languageDefault();

    @Message("Simpan profil")
    String saveProfile();

    @Message("Ganti kata sandi")
    String changePasswordTitle();

    @Message("Sesudah diganti, semua sesi Anda berakhir dan Anda masuk lagi dengan kata sandi baru.")
    String changePasswordHint();

    @Message("Kata sandi sekarang")
    String fieldCurrentPassword();

    @Message("Ulangi kata sandi baru")
    String fieldConfirmPassword();

    @Message("Ganti kata sandi")
    String changePasswordSubmit();

    @Message("Ini bukan kata sandi Anda sekarang.")
    String errorCurrentPassword();

    @Message("Kedua kata sandi baru tidak sama.")
    String errorConfirmPassword();

    @Message("Telegram")
    String telegramTitle();

    @Message("Hubungkan akun Telegram Anda agar eskalasi sampai ke obrolan Anda dan bisa ditanggapi dari sana.")
    String telegramText();

    @Message("Telegram")
    String telegramLink();
}
