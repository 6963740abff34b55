package id.siaga.ticket.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Starts a real SMTP server (GreenMail) and a real webhook receiver for the escalation tests, points the
 * service's notices at them, and hands both to the test.
 */
public class NoticeReceiversResource implements QuarkusTestResourceLifecycleManager {

    /** The secret the webhook posts are signed with. */
    public static final String WEBHOOK_SECRET = "rahasia-webhook";

    private GreenMail mail;
    private WebhookReceiver webhooks;

    @Override
    public Map<String, String> start() {
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        webhooks = WebhookReceiver.start(1);
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(mail.getSmtp().getPort()),
                "quarkus.mailer.tls", "false",
                "quarkus.mailer.start-tls", "DISABLED",
                "siaga.notify.webhook-urls", webhooks.url(),
                "siaga.notify.webhook-secret", WEBHOOK_SECRET);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(mail, new TestInjector.MatchesType(GreenMail.class));
        testInjector.injectIntoFields(webhooks, new TestInjector.MatchesType(WebhookReceiver.class));
    }

    @Override
    public void stop() {
        if (mail != null) {
            mail.stop();
        }
        if (webhooks != null) {
            webhooks.stop();
        }
    }
}
