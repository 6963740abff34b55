package id.siaga.ticket.escalation;

import id.siaga.ticket.support.NoticeReceiversResource;
import id.siaga.ticket.support.TestClock;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service whose sweeps run every second and whose chains move on after seconds, with notices going to a
 * real SMTP server and webhook receiver. Tests add an SOP version with second-long time standards; the service's
 * clock is a {@link TestClock} a test may move ahead rather than sleep through a chain's wait.
 */
public class FastClockProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "siaga.calendar.always-open", "true",
                "siaga.escalation.sweep", "1s",
                "siaga.escalation.kabid-after", "PT3S",
                "siaga.escalation.silent-intervals", "2",
                "siaga.escalation.agent-interval", "PT1S",
                "siaga.escalation.silent-kasi-after", "PT3S",
                "siaga.notify.send-every", "1s",
                "siaga.notify.max-attempts", "5");
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(TestClock.class);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(NoticeReceiversResource.class));
    }
}
