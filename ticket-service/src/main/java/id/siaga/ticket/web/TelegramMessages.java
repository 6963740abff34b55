package id.siaga.ticket.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the Telegram link page ({@code /profil/telegram}), in Indonesian (the default); English is in
 * {@code src/main/resources/messages/tg_en.properties}. Templates use them as {@code {tg:key}}. What the bot itself
 * writes in the chats is Indonesian only.
 */
@MessageBundle(value = "tg", locale = "id")
public interface TelegramMessages {

    @Message("Telegram")
    String title();

    @Message("Hubungkan akun Telegram Anda: eskalasi untuk peran Anda lalu dikirim juga ke chat pribadi Anda, dan tombol \"Tanggapi\" pada pesannya menanggapi eskalasi atas nama Anda (dengan aturan yang sama seperti di halaman Eskalasi).")
    String intro();

    @Message("Telegram belum diaktifkan di SIAGA: administrator belum memasang token bot (SIAGA_NOTIFY_TELEGRAM_BOT_TOKEN).")
    String off();

    @Message("Terhubung dengan akun Telegram {name} sejak {since}.")
    String linked(String name, String since);

    @Message("Belum terhubung dengan akun Telegram.")
    String notLinked();

    @Message("Buat kode")
    String makeCode();

    @Message("Buat kode sekali pakai, lalu kirim kode itu ke bot SIAGA kantor di chat pribadi (bukan di grup).")
    String makeCodeHint();

    @Message("Kirim pesan ini ke bot SIAGA di chat pribadi. Kode hanya bisa dipakai sekali dan berlaku sampai {until}.")
    String codeHowTo(String until);

    @Message("Putuskan")
    String unlink();

    @Message("Setelah diputus, eskalasi tidak lagi dikirim ke chat pribadi Anda dan tombol \"Tanggapi\" dari akun itu ditolak.")
    String unlinkHint();

    @Message("Akun Telegram sudah diputus.")
    String noticeUnlinked();

    @Message("Tidak ada akun Telegram yang terhubung dengan akun Anda.")
    String errorNotLinked();

    @Message("Kode tidak bisa dibuat karena Telegram belum diaktifkan di SIAGA.")
    String errorOff();

    @Message("Kembali ke profil")
    String backToProfile();
}
