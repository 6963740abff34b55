package id.siaga.ticket.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import id.siaga.ticket.config.SiagaConfig;
import id.siaga.ticket.domain.Role;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Pulls updates (button presses, {@code /hubungkan} messages) from the Bot API by long polling: no inbound port, so
 * it works behind the office's NAT. Every instance runs this loop, but only the one holding the lease in
 * {@code telegram_poll} calls getUpdates; when it stops (or dies), another takes over after the lease runs out.
 */
@ApplicationScoped
public class TelegramPoller {

    private static final Logger LOG = Logger.getLogger(TelegramPoller.class);
    private static final Duration FAILURE_PAUSE = Duration.ofSeconds(5);

    private final TelegramClient client;
    private final TelegramUpdates updates;
    private final TelegramChats chats;
    private final SiagaConfig.Telegram config;
    private final String me = UUID.randomUUID().toString();
    private volatile boolean running;
    private Thread thread;

    public TelegramPoller(TelegramClient client, TelegramUpdates updates, TelegramChats chats, SiagaConfig config) {
        this.client = client;
        this.updates = updates;
        this.chats = chats;
        this.config = config.notices().telegram();
    }

    void start(@Observes StartupEvent event) {
        if (!client.enabled()) {
            return;
        }
        chats.of(Role.KASI);
        if (config.lease().compareTo(config.pollTimeout().plusSeconds(10)) < 0) {
            throw new IllegalStateException("siaga.notify.telegram.lease must be at least "
                    + "siaga.notify.telegram.poll-timeout plus 10 seconds");
        }
        running = true;
        thread = new Thread(this::run, "telegram-poller");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("Telegram notices on; instance %s takes part in polling updates", me);
    }

    void stop(@Observes ShutdownEvent event) {
        if (thread == null) {
            return;
        }
        running = false;
        thread.interrupt();
        try {
            updates.release(me);
        } catch (RuntimeException e) {
            LOG.debugf("Could not release the Telegram poller's lease: %s", e.getMessage());
        }
    }

    private void run() {
        boolean leading = false;
        while (running) {
            try {
                Optional<Long> offset = updates.acquire(me, config.lease());
                if (offset.isEmpty()) {
                    if (leading) {
                        LOG.infof("Telegram: another instance polls updates now");
                        leading = false;
                    }
                    sleep(idlePause());
                    continue;
                }
                if (!leading) {
                    LOG.infof("Telegram: this instance polls updates from offset %d", offset.get());
                    leading = true;
                }
                List<JsonNode> batch = client.getUpdates(offset.get(), config.pollTimeout());
                for (JsonNode update : batch) {
                    if (!running || !handle(update)) {
                        break;
                    }
                }
            } catch (TelegramException e) {
                if (running) {
                    LOG.warnf("Telegram getUpdates failed: %s", e.getMessage());
                    sleep(e.retryAfter().orElse(FAILURE_PAUSE));
                }
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warnf("Telegram update handling failed, retrying: %s", e.toString());
                    sleep(FAILURE_PAUSE);
                }
            }
        }
    }

    /**
     * Handles an update; one that fails twice (a fault in SIAGA, not the network) is skipped, so that it cannot
     * hold up every update after it.
     *
     * @return false when this instance no longer holds the lease
     */
    private boolean handle(JsonNode update) {
        RuntimeException failure = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                TelegramUpdates.Handled handled = updates.handle(update, me, config.lease());
                if (handled.answer() != null) {
                    updates.send(handled.answer());
                }
                return handled.leader();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        LOG.warnf("Telegram update %d skipped after it failed twice: %s", update.path("update_id").asLong(),
                failure.toString());
        return updates.skip(update.path("update_id").asLong(), me);
    }

    /** @return how long an instance without the lease waits before it asks again */
    private Duration idlePause() {
        Duration quarter = config.lease().dividedBy(4);
        return quarter.compareTo(FAILURE_PAUSE) < 0 ? quarter : FAILURE_PAUSE;
    }

    private void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
