package id.siaga.ticket.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Starts the {@link TelegramStandIn} and points the service's Telegram notices at it. */
public class TelegramStandInResource implements QuarkusTestResourceLifecycleManager {

    /** The Kasi's and the Kabid's group chats. */
    public static final long KASI_CHAT = -100_111;
    public static final long KABID_CHAT = -100_222;

    private TelegramStandIn standIn;

    @Override
    public Map<String, String> start() {
        standIn = TelegramStandIn.start();
        return Map.of(
                "siaga.notify.telegram.bot-token", TelegramStandIn.TOKEN,
                "siaga.notify.telegram.api-url", standIn.url(),
                "siaga.notify.telegram.chats", "KASI:" + KASI_CHAT + ",KABID:" + KABID_CHAT,
                "siaga.notify.telegram.poll-timeout", "1s",
                "siaga.notify.telegram.lease", "PT11S");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(standIn, new TestInjector.MatchesType(TelegramStandIn.class));
    }

    @Override
    public void stop() {
        if (standIn != null) {
            standIn.stop();
        }
    }
}
