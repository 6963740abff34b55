package id.siaga.ticket.availability;

import id.siaga.ticket.domain.CheckStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How reports become shares of time, without the database: a report covers the time from its observation until the
 * next report of the same check, but at most {@code cover} (after that there is no data); several checks together are
 * as bad as the worst check that has data; time inside a maintenance window is counted apart, whatever the reports say.
 */
public final class Availability {

    /** What a moment counts as. */
    public enum Share {
        OK, WARN, CRIT, UNKNOWN, NO_DATA, MAINTENANCE
    }

    /** One stored result of a check. */
    public record Report(Instant at, CheckStatus status) {
    }

    /** A stretch of time [from, to). */
    public record Span(Instant from, Instant to) {
    }

    /** A stretch of time [from, to) in epoch milliseconds with one known status. */
    public record Piece(long from, long to, CheckStatus status) {
    }

    /**
     * The time of one period by share.
     *
     * @param millis milliseconds per {@link Share}, by ordinal
     */
    public record Tally(Instant start, Instant end, long[] millis) {

        /** @return the milliseconds counted as that share */
        public long millis(Share share) {
            return millis[share.ordinal()];
        }

        /** @return the period's length up to now, in milliseconds */
        public long total() {
            return Arrays.stream(millis).sum();
        }

        /** @return the share of the period's time (up to now) counted as that, between 0 and 1; null for no time */
        public Double share(Share share) {
            long total = total();
            return total == 0 ? null : (double) millis(share) / total;
        }

        /**
         * @return OK and WARN time over OK, WARN and CRIT time (maintenance, UNKNOWN and no data left out), between
         *         0 and 1; null when there is no such time
         */
        public Double availability() {
            long up = millis(Share.OK) + millis(Share.WARN);
            long known = up + millis(Share.CRIT);
            return known == 0 ? null : (double) up / known;
        }

        /** @return this tally and another one added up, over both periods */
        public Tally plus(Tally other) {
            long[] sum = millis.clone();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += other.millis[i];
            }
            return new Tally(start.isBefore(other.start) ? start : other.start, end.isAfter(other.end) ? end : other.end, sum);
        }
    }

    private Availability() {
    }

    /**
     * @param sorted the check's reports, oldest first (reports before {@code start} count for the time they cover)
     * @param cover  the longest time one report covers
     * @return the stretches of [start, end) with a known status, in order, adjacent ones of the same status joined
     */
    public static List<Piece> coverage(List<Report> sorted, Duration cover, Instant start, Instant end) {
        List<Piece> pieces = new ArrayList<>();
        long lo = start.toEpochMilli();
        long hi = end.toEpochMilli();
        for (int i = 0; i < sorted.size(); i++) {
            Report r = sorted.get(i);
            long from = r.at().toEpochMilli();
            long until = from + cover.toMillis();
            if (i + 1 < sorted.size()) {
                until = Math.min(until, sorted.get(i + 1).at().toEpochMilli());
            }
            add(pieces, Math.max(from, lo), Math.min(until, hi), r.status());
        }
        return pieces;
    }

    /**
     * @param checks each check's pieces, in order
     * @return at each moment the worst status among the checks that have one (CRIT, UNKNOWN, WARN, OK), in order
     */
    public static List<Piece> worst(List<List<Piece>> checks) {
        List<long[]> edges = new ArrayList<>();
        for (List<Piece> check : checks) {
            for (Piece p : check) {
                edges.add(new long[] {p.from(), p.status().ordinal(), 1});
                edges.add(new long[] {p.to(), p.status().ordinal(), -1});
            }
        }
        edges.sort(Comparator.comparingLong(e -> e[0]));
        CheckStatus[] statuses = CheckStatus.values();
        int[] open = new int[statuses.length];
        List<Piece> pieces = new ArrayList<>();
        for (int i = 0; i < edges.size(); i++) {
            long[] e = edges.get(i);
            open[(int) e[1]] += (int) e[2];
            if (i + 1 < edges.size() && edges.get(i + 1)[0] > e[0]) {
                CheckStatus worst = null;
                for (int s = 0; s < open.length; s++) {
                    if (open[s] > 0) {
                        worst = CheckStatus.worst(worst, statuses[s]);
                    }
                }
                if (worst != null) {
                    add(pieces, e[0], edges.get(i + 1)[0], worst);
                }
            }
        }
        return pieces;
    }

    /**
     * @param known       stretches with a known status, in order and not overlapping
     * @param maintenance maintenance windows, in any order, possibly overlapping
     * @param bounds      the periods' limits, ascending: period i is [bounds[i], bounds[i + 1])
     * @return per period the time of each share; time neither known nor in maintenance is no data
     */
    public static List<Tally> tally(List<Piece> known, List<Span> maintenance, List<Instant> bounds) {
        List<long[]> windows = merge(maintenance);
        List<Tally> tallies = new ArrayList<>();
        int first = 0;
        for (int b = 0; b + 1 < bounds.size(); b++) {
            long lo = bounds.get(b).toEpochMilli();
            long hi = bounds.get(b + 1).toEpochMilli();
            long[] millis = new long[Share.values().length];
            long maint = overlap(windows, lo, hi);
            millis[Share.MAINTENANCE.ordinal()] = maint;
            long counted = maint;
            while (first < known.size() && known.get(first).to() <= lo) {
                first++;
            }
            for (int i = first; i < known.size() && known.get(i).from() < hi; i++) {
                Piece p = known.get(i);
                long from = Math.max(p.from(), lo);
                long to = Math.min(p.to(), hi);
                if (to > from) {
                    long time = to - from - overlap(windows, from, to);
                    millis[share(p.status()).ordinal()] += time;
                    counted += time;
                }
            }
            millis[Share.NO_DATA.ordinal()] = Math.max(0, hi - lo - counted);
            tallies.add(new Tally(bounds.get(b), bounds.get(b + 1), millis));
        }
        return tallies;
    }

    private static Share share(CheckStatus status) {
        return switch (status) {
            case OK -> Share.OK;
            case WARN -> Share.WARN;
            case CRIT -> Share.CRIT;
            case UNKNOWN -> Share.UNKNOWN;
        };
    }

    private static void add(List<Piece> pieces, long from, long to, CheckStatus status) {
        if (to <= from) {
            return;
        }
        if (!pieces.isEmpty()) {
            Piece last = pieces.get(pieces.size() - 1);
            if (last.to() == from && last.status() == status) {
                pieces.set(pieces.size() - 1, new Piece(last.from(), to, status));
                return;
            }
        }
        pieces.add(new Piece(from, to, status));
    }

    /** @return the windows as disjoint [from, to) millisecond pairs, in order */
    private static List<long[]> merge(List<Span> spans) {
        List<long[]> sorted = new ArrayList<>(spans.stream()
                .map(s -> new long[] {s.from().toEpochMilli(), s.to().toEpochMilli()}).filter(s -> s[1] > s[0]).toList());
        sorted.sort(Comparator.comparingLong(s -> s[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] s : sorted) {
            if (!merged.isEmpty() && merged.get(merged.size() - 1)[1] >= s[0]) {
                long[] last = merged.get(merged.size() - 1);
                last[1] = Math.max(last[1], s[1]);
            } else {
                merged.add(s.clone());
            }
        }
        return merged;
    }

    private static long overlap(List<long[]> windows, long from, long to) {
        long sum = 0;
        for (long[] w : windows) {
            if (w[0] >= to) {
                break;
            }
            sum += Math.max(0, Math.min(w[1], to) - Math.max(w[0], from));
        }
        return sum;
    }
}
