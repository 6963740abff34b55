package id.siaga.ticket.office;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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

    @Test
    void sortsWorstFirstAndDrawsTheTrendInsideItsBox() {
        OfficeRegistry.OfficeRow silent = row("13.02", "SILENT", 0, null);
        OfficeRegistry.OfficeRow crit = row("13.01", "CRIT", 5, 0.5);
        OfficeRegistry.OfficeRow ok = row("13.03", "OK", 9, 0.9);
        assertEquals(List.of(silent, crit, ok), OfficePage.sorted(List.of(ok, crit, silent), "state"));
        assertEquals(List.of(ok, crit, silent), OfficePage.sorted(List.of(silent, crit, ok), "faults"));
        assertEquals(List.of(crit, ok, silent), OfficePage.sorted(List.of(silent, ok, crit), "compliance"));
        assertEquals("state", OfficePage.sortKey(null));
        assertEquals("state", OfficePage.sortKey("'; drop"));
        LocalDate from = LocalDate.parse("2026-11-02");
        List<OfficeRegistry.Day> days = List.of(new OfficeRegistry.Day(from, 0, 0, 0, null),
                new OfficeRegistry.Day(from.plusDays(29), 4, 2, 0, null));
        assertEquals("1,27 119,1", OfficePage.points(days, from, 4, OfficeRegistry.Day::openFaults));
    }

    private static OfficeRegistry.OfficeRow row(String code, String state, long faults, Double compliance) {
        return new OfficeRegistry.OfficeRow(code, "Kantor " + code, null, Instant.now(), state, faults, 0, 0, compliance, null);
    }
}
