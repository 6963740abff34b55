package id.siaga.ticket.web;

import id.siaga.ticket.office.OfficeRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The offices page's small rules, without the service. */
class OfficePageTest {

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
