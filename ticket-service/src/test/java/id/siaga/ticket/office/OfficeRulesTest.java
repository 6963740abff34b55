package id.siaga.ticket.office;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The link's small rules, without the service. */
class OfficeRulesTest {

    @Test
    void backsOffDoublingUpToTheMaximum() {
        Duration max = Duration.ofMinutes(5);
        assertEquals(Duration.ZERO, UpstreamSender.backoff(0, max));
        assertEquals(Duration.ofSeconds(1), UpstreamSender.backoff(1, max));
        assertEquals(Duration.ofSeconds(8), UpstreamSender.backoff(4, max));
        assertEquals(max, UpstreamSender.backoff(30, max));
    }

    @Test
    void retriesUnreachableAndUnauthorisedButSetsAsideRefusedSummaries() {
        assertEquals(UpstreamSender.Outcome.SENT, UpstreamSender.outcome(202));
        assertEquals(UpstreamSender.Outcome.SENT, UpstreamSender.outcome(200));
        assertEquals(UpstreamSender.Outcome.RETRY, UpstreamSender.outcome(503));
        assertEquals(UpstreamSender.Outcome.RETRY, UpstreamSender.outcome(401));
        assertEquals(UpstreamSender.Outcome.RETRY, UpstreamSender.outcome(403));
        assertEquals(UpstreamSender.Outcome.RETRY, UpstreamSender.outcome(429));
        assertEquals(UpstreamSender.Outcome.REFUSED, UpstreamSender.outcome(422));
        assertEquals(UpstreamSender.Outcome.REFUSED, UpstreamSender.outcome(400));
    }

    @Test
    void eachIntervalHasOneSlot() {
        Duration minute = Duration.ofMinutes(1);
        assertEquals(Instant.parse("2026-12-01T10:15:00Z"), SummaryOutbox.slot(Instant.parse("2026-12-01T10:15:59.999Z"), minute));
        assertEquals(Instant.parse("2026-12-01T10:15:00Z"), SummaryOutbox.slot(Instant.parse("2026-12-01T10:15:00Z"), minute));
    }

    @Test
    void mapsServerRolesToApplications() {
        assertEquals("SIAK", SummaryBuilder.application("SIAK_DB"));
        assertEquals("KTP_EL", SummaryBuilder.application("KTPEL"));
        assertEquals("OTHER", SummaryBuilder.application("NETWORK"));
    }
}
