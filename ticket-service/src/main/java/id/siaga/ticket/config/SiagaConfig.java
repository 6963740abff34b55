package id.siaga.ticket.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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

    Calendar calendar();

    /** Working time, against which SOP time standards are counted. */
    interface Calendar {
        /** Opening hours in the office's zone, e.g. {@code MON-THU 07:30-16:00; FRI 07:30-16:30}. */
        @WithDefault("MON-THU 07:30-16:00; FRI 07:30-16:30")
        String officeHours();

        /**
         * Days the office is closed (national holidays, cuti bersama), ISO dates: the seed of the holidays kept in the
         * database, which the administrator edits on the pages or through the API. Each date is copied in once.
         */
        Optional<List<LocalDate>> holidays();

        /** How long an instance keeps the database's holidays before reading them again (another instance's edit). */
        @WithDefault("5s")
        Duration holidaysRefresh();

        /** Count every moment for every ticket (a 24x7 office); CRITICAL tickets always do. */
        @WithDefault("false")
        boolean alwaysOpen();
    }

    Escalation escalation();

    /** Who hears about late and failed work, and when. */
    interface Escalation {
        /** How often the sweep looks for overdue steps and silent agents. */
        @WithDefault("30s")
        Duration sweep();

        /**
         * The longest wait between two looks for steps that fell due (between them the timer wakes at the next due
         * time it knows); 0 leaves overdue steps to the sweep alone.
         */
        @WithDefault("1s")
        Duration duePoll();

        /** An overdue-step escalation to the KASI still unacknowledged after this long goes to the KABID. */
        @WithDefault("PT1H")
        Duration kabidAfter();

        /** Report intervals an agent may miss before it counts as silent. */
        @WithDefault("3")
        int silentIntervals();

        /** The agents' report interval, when the agent does not say its own. */
        @WithDefault("PT30S")
        Duration agentInterval();

        /** A silent-agent escalation to the ADB still unacknowledged after this long goes to the KASI. */
        @WithDefault("PT30M")
        Duration silentKasiAfter();
    }

    @WithName("notify")
    Notify notices();

    /** Notices sent when an escalation is made. */
    interface Notify {
        /** Send e-mail to the users holding the recipient role. */
        @WithDefault("true")
        boolean email();

        /** Webhook URLs that receive every escalation as JSON. */
        Optional<List<String>> webhookUrls();

        /** Secret for the webhook's HMAC-SHA256 signature header. */
        Optional<String> webhookSecret();

        /** How often waiting notices are sent. */
        @WithDefault("5s")
        Duration sendEvery();

        /** Attempts before a notice is given up. */
        @WithDefault("8")
        int maxAttempts();

        /** When the daily digest of open escalations goes to the Kabid (cron, in the office's zone). */
        @WithDefault("0 0 7 * * ?")
        String digestCron();

        /** Base URL of the web pages, for links in notices. */
        @WithDefault("http://localhost:8080")
        String baseUrl();

        Telegram telegram();
    }

    /** Escalations posted to Telegram chats through the Bot API, acknowledged with the message's button. */
    interface Telegram {
        /** The bot's token from BotFather; Telegram is off while it is unset. Never logged. */
        Optional<String> botToken();

        /** The Bot API's base URL (tests point it at a local stand-in). */
        @WithDefault("https://api.telegram.org")
        String apiUrl();

        /** Per role a chat that receives that role's escalations: {@code KASI:-100123,KABID:-100456}. */
        Optional<List<String>> chats();

        /** How long one getUpdates call waits for news (long polling). */
        @WithDefault("25s")
        Duration pollTimeout();

        /** How long an instance that stopped polling keeps the poller's lease before another one takes over. */
        @WithDefault("60s")
        Duration lease();

        /** How long a one-time link code from /profil/telegram may be sent to the bot. */
        @WithDefault("PT10M")
        Duration codeValidity();
    }

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

        /**
         * How often the stored state of a steady check is rewritten: one whose last 20 results all passed, not
         * flapping, with no ticket or with its ticket's recovery recorded, so that a passing result changes nothing
         * but its time, message and pass count.
         * Every finding is still stored at once, and any other result is applied to the stored state at once.
         */
        @WithDefault("PT1M")
        Duration steadyRefresh();

        /**
         * Fewest agents' posts one write must carry (posts that waited for each other: the service is busy) before
         * it leaves steady checks' rows for {@link #steadyRefresh()}; a smaller write writes every check's state, so
         * while the service keeps up one post at a time what it shows is exact.
         */
        @WithDefault("4")
        int steadyBatch();

        /**
         * How far ahead of the service's clock a finding's {@code observedAt} may be (agents' clocks drift a little);
         * a later one is refused, as is one older than the {@link #retention()}.
         */
        @WithDefault("PT5M")
        Duration maxClockSkew();

        /** Most findings accepted in one post. */
        @WithDefault("1000")
        int maxBatch();

        /** How long a re-check request waits for the agent before it lapses. */
        @WithDefault("PT1H")
        Duration recheckExpiry();

        /**
         * Threads writing agents' posts, each for its share of the servers, taking every post waiting for it into
         * one transaction. Each keeps one database session busy: two were fastest on two cores (more make smaller
         * groups and more disk flushes).
         */
        @WithDefault("2")
        int writers();

        /** Most posts waiting to be written; beyond that an agent is told to come back later (503). */
        @WithDefault("10000")
        int queue();

        /**
         * How long an agent token's server is remembered after the token was looked up: a token renewed on another
         * instance (or a removed server's) still works here for at most this long; on the instance that renewed it,
         * the old token fails at once.
         */
        @WithDefault("PT30S")
        Duration tokenCache();

        /** How long a post waits for its transaction before it is answered 503 (the agent resends it). */
        @WithDefault("PT30S")
        Duration writeTimeout();
    }

    Status status();

    /** The public status page ({@code /status}, {@code GET /api/v1/status}). */
    interface Status {
        /** Longest time the page's snapshot is served before it is read again from the database (per instance). */
        @WithDefault("15s")
        Duration refresh();

        /** How often the page reloads itself in the browser. */
        @WithDefault("60s")
        Duration pageReload();

        /** How far back the page lists incidents that have ended. */
        @WithDefault("P7D")
        Duration recentIncidents();

        /** How far ahead the page lists planned maintenance. */
        @WithDefault("P30D")
        Duration maintenanceAhead();
    }

    Availability availability();

    /** Availability ({@code GET /api/v1/availability}, the monthly report's column, the board's strips). */
    interface Availability {
        /** How long an instance keeps an answer (the same question within that time gets the same answer). */
        @WithDefault("60s")
        Duration cache();
    }

    /** Meters read from the database. */
    interface Metrics {
        /** How often the open-tickets-per-step gauges are re-read. */
        @WithDefault("30s")
        Duration refresh();
    }

    Office office();

    /** Who this SIAGA is among the offices (shown on the pages and in every summary sent upward). */
    interface Office {
        /** The regional code, e.g. {@code 13.01} ({@code SIAGA_OFFICE_CODE}); required to send summaries upward. */
        Optional<String> code();

        /** The office's name, e.g. {@code Disdukcapil Kabupaten Pesisir Selatan} ({@code SIAGA_OFFICE_NAME}). */
        Optional<String> name();
    }

    Upstream upstream();

    /**
     * The upward link to a provincial or national SIAGA ({@code SIAGA_UPSTREAM_*}), and, on an upstream, how the
     * offices reporting to it are watched.
     */
    interface Upstream {
        /** Base URL of the upstream SIAGA, e.g. {@code https://siaga.sumbarprov.go.id}; unset, nothing is sent. */
        Optional<URI> url();

        /** The token the upstream issued to this office ({@code POST /api/v1/offices}). */
        Optional<String> token();

        /** How often a summary is written to the outbox (and so sent). */
        @WithDefault("1m")
        Duration interval();

        /** Send the numbers, titles and steps of open tickets too (ticket text; off by default). */
        @WithDefault("false")
        boolean includeTicketTitles();

        /** Unsent summaries older than this are thinned to the first of each hour (counted in the next summary). */
        @WithDefault("P1D")
        Duration thinAfter();

        /** Longest wait between attempts while the upstream cannot be reached. */
        @WithDefault("5m")
        Duration maxBackoff();

        /** How long one post to the upstream may take. */
        @WithDefault("10s")
        Duration timeout();

        /** On an upstream: an office that sent nothing this long is silent and escalated to the KASI. */
        @WithDefault("15m")
        Duration silentAfter();

        /** On an upstream: a silent-office escalation to the KASI unacknowledged this long goes to the KABID. */
        @WithDefault("30m")
        Duration silentKabidAfter();

        /** On an upstream: how long received summaries are kept (the page's trend needs 30 days). */
        @WithDefault("P35D")
        Duration keep();
    }

    /** The first user, created on first start with an empty database. */
    interface Admin {
        /** Password of {@code admin} ({@code SIAGA_ADMIN_PASSWORD}); generated and logged once when unset. */
        Optional<String> password();
    }
}
