package id.siaga.ticket.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** The service's own settings ({@code siaga.*}); each can be overridden by an environment variable. */
@ConfigMapping(prefix = "siaga")
public interface SiagaConfig {

    /** The office's time zone: ticket and agenda years, office hours. */
    @WithDefault("Asia/Jakarta")
    ZoneId zone();

    /** Prefix of ticket numbers, as in SIAGA-2026-000123. */
    @WithDefault("SIAGA")
    String ticketPrefix();

    /** The unit code in agenda numbers, as in 001/PIAK/2026. */
    @WithDefault("PIAK")
    String agendaUnit();

    /** The recorded end state of a ticket closed through the SOP. */
    @WithDefault("Software berjalan dengan baik")
    String endState();

    Admin admin();

    Metrics metrics();

    Findings findings();

    /** How agent findings become tickets and how long they are kept. */
    interface Findings {
        /** Failing results of a check in a row that open a ticket, unless the agent's check says otherwise. */
        @WithDefault("2")
        int openAfter();

        /** Passing results in a row that record a recovery on the check's ticket. */
        @WithDefault("2")
        int recoverAfter();

        /** How long findings are kept; older daily partitions are dropped. */
        @WithDefault("P90D")
        Duration retention();

        /** Most findings accepted in one post. */
        @WithDefault("1000")
        int maxBatch();

        /** How long a re-check request waits for the agent before it lapses. */
        @WithDefault("PT1H")
        Duration recheckExpiry();
    }

    /** Meters read from the database. */
    interface Metrics {
        /** How often the open-tickets-per-step gauges are re-read. */
        @WithDefault("30s")
        Duration refresh();
    }

    /** The first user, created on first start with an empty database. */
    interface Admin {
        /** Password of {@code admin} ({@code SIAGA_ADMIN_PASSWORD}); generated and logged once when unset. */
        Optional<String> password();
    }
}
