package id.siaga.ticket.rest.dto;

import id.siaga.ticket.availability.Availability;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The share of time a check (or a server as its worst check) spent in each state, per period. */
@Schema(description = "The share of time a check (or a server as its worst check) spent in each state, per day or month")
public record AvailabilityResponse(
        long serverId,
        @Schema(description = "The check's key; null for the server as a whole (at each moment its worst check with data)") String check,
        @Schema(enumeration = {"day", "month"}) String granularity,
        LocalDate from,
        LocalDate to,
        @Schema(description = "How long one finding counts for at most, in seconds (silent-intervals × the agent's report "
                + "interval); after that, until the next finding, the time is no data") long coverSeconds,
        List<PeriodShares> periods,
        @Schema(description = "All periods together") PeriodShares total) {

    /** One period's time by state: seconds, and shares of the period's time up to now. */
    @Schema(description = "One period's time by state: seconds, and shares (0 to 1) of the period's time up to now")
    public record PeriodShares(
            @Schema(examples = "2026-11-03", description = "The day (YYYY-MM-DD) or month (YYYY-MM); \"total\" for the total")
            String period,
            Instant start,
            @Schema(description = "The period's end, or now for the current period") Instant end,
            @Schema(description = "Seconds counted: the period up to now") double seconds,
            double okSeconds, double warnSeconds, double critSeconds, double unknownSeconds, double noDataSeconds,
            @Schema(description = "Seconds inside maintenance windows, counted apart whatever the findings said") double maintenanceSeconds,
            Double ok, Double warn, Double crit, Double unknown, Double noData, Double maintenance,
            @Schema(description = "OK and WARN time over OK, WARN and CRIT time (maintenance, UNKNOWN and no data left out); "
                    + "null when there is none") Double availability) {

        public static PeriodShares of(String period, Availability.Tally t) {
            return new PeriodShares(period, t.start(), t.end(), t.total() / 1000.0,
                    seconds(t, Availability.Share.OK), seconds(t, Availability.Share.WARN),
                    seconds(t, Availability.Share.CRIT), seconds(t, Availability.Share.UNKNOWN),
                    seconds(t, Availability.Share.NO_DATA), seconds(t, Availability.Share.MAINTENANCE),
                    t.share(Availability.Share.OK), t.share(Availability.Share.WARN), t.share(Availability.Share.CRIT),
                    t.share(Availability.Share.UNKNOWN), t.share(Availability.Share.NO_DATA),
                    t.share(Availability.Share.MAINTENANCE), t.availability());
        }

        private static double seconds(Availability.Tally t, Availability.Share share) {
            return t.millis(share) / 1000.0;
        }
    }
}
