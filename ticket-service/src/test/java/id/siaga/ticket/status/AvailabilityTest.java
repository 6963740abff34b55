package id.siaga.ticket.status;

import id.siaga.ticket.availability.Availability;
import id.siaga.ticket.availability.Availability.Piece;
import id.siaga.ticket.availability.Availability.Report;
import id.siaga.ticket.availability.Availability.Share;
import id.siaga.ticket.availability.Availability.Span;
import id.siaga.ticket.domain.CheckStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The availability rules without the database: what a report covers, the worst of several checks, maintenance. */
class AvailabilityTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Duration COVER = Duration.ofSeconds(90);

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private static long ms(long seconds) {
        return T0.toEpochMilli() + seconds * 1000;
    }

    @Test
    void aReportCoversUntilTheNextOneButAtMostItsCover() {
        List<Piece> pieces = Availability.coverage(List.of(new Report(at(0), CheckStatus.OK), new Report(at(60), CheckStatus.OK),
                new Report(at(300), CheckStatus.CRIT)), COVER, at(0), at(600));
        assertEquals(List.of(new Piece(ms(0), ms(150), CheckStatus.OK), new Piece(ms(300), ms(390), CheckStatus.CRIT)), pieces,
                "0-60 and 60-150 join; 150-300 has no data; the CRIT covers 90 s");
    }

    @Test
    void aReportBeforeTheRangeCountsForWhatItCoversInside() {
        List<Piece> pieces = Availability.coverage(List.of(new Report(at(-30), CheckStatus.WARN)), COVER, at(0), at(600));
        assertEquals(List.of(new Piece(ms(0), ms(60), CheckStatus.WARN)), pieces);
    }

    @Test
    void severalChecksCountAsTheWorstThatHasData() {
        List<Piece> http = List.of(new Piece(ms(0), ms(100), CheckStatus.OK));
        List<Piece> disk = List.of(new Piece(ms(50), ms(80), CheckStatus.WARN), new Piece(ms(80), ms(200), CheckStatus.UNKNOWN));
        assertEquals(List.of(new Piece(ms(0), ms(50), CheckStatus.OK), new Piece(ms(50), ms(80), CheckStatus.WARN),
                new Piece(ms(80), ms(200), CheckStatus.UNKNOWN)), Availability.worst(List.of(http, disk)));
    }

    @Test
    void maintenanceIsCountedApartAndOverlappingWindowsOnce() {
        List<Piece> known = List.of(new Piece(ms(0), ms(100), CheckStatus.CRIT));
        List<Span> windows = List.of(new Span(at(20), at(40)), new Span(at(30), at(60)), new Span(at(150), at(160)));
        List<Availability.Tally> tallies = Availability.tally(known, windows, List.of(at(0), at(100), at(200)));
        assertEquals(60_000, tallies.get(0).millis(Share.CRIT));
        assertEquals(40_000, tallies.get(0).millis(Share.MAINTENANCE));
        assertEquals(0, tallies.get(0).millis(Share.NO_DATA));
        assertEquals(0.0, tallies.get(0).availability());
        assertEquals(10_000, tallies.get(1).millis(Share.MAINTENANCE));
        assertEquals(90_000, tallies.get(1).millis(Share.NO_DATA));
        assertNull(tallies.get(1).availability(), "no known time, no availability");
        assertEquals(0.9, tallies.get(1).share(Share.NO_DATA), 1e-12);
    }
}
