package id.siaga.ticket.telegram;

import id.siaga.ticket.escalation.FastClockProfile;
import id.siaga.ticket.support.TelegramStandInResource;

import java.util.ArrayList;
import java.util.List;

/**
 * A service with second-long sweeps and chains ({@link FastClockProfile}) whose Telegram notices go to a local Bot
 * API stand-in, polled every second.
 */
public class TelegramProfile extends FastClockProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        List<TestResourceEntry> resources = new ArrayList<>(super.testResources());
        resources.add(new TestResourceEntry(TelegramStandInResource.class));
        return resources;
    }
}
