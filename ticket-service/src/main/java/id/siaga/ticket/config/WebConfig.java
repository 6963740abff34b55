package id.siaga.ticket.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Settings of the staff web pages ({@code siaga.web.*}); each can be overridden by an environment variable. */
@ConfigMapping(prefix = "siaga.web")
public interface WebConfig {

    /** How often the status board reloads itself. */
    @WithDefault("30s")
    Duration boardRefresh();

    /** Most tickets shown on one ticket list page. */
    @WithDefault("200")
    int ticketListLimit();

    /** The office printed at the top of reports (official names, not translated). */
    Office office();

    /** The letterhead of printed reports. */
    interface Office {
        /** First line of the letterhead: the regional government. */
        @WithDefault("PEMERINTAH KABUPATEN PESISIR SELATAN")
        String government();

        /** Second line: the office. */
        @WithDefault("DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL")
        String agency();

        /** Third line: the office's address; left out when unset. */
        Optional<String> address();

        /** The town written before the date above signatures. */
        @WithDefault("Painan")
        String city();

        /** The unit that owns the SOP. */
        @WithDefault("Bidang PIAK & Pemanfaatan Data")
        String unit();
    }
}
