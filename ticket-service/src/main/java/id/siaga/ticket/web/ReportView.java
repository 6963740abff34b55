package id.siaga.ticket.web;

import java.util.List;

/**
 * The monthly report: per SOP step how many visits were completed, their median and 90th-percentile time
 * against the time standard, and the share completed within it; tickets by source and by server; a chart; the
 * further complaints recorded on open tickets (linked reports); each server's availability in the month.
 */
public record ReportView(int year, int month, String monthName, List<Option> years, List<Option> months,
        List<StepRow> steps, long opened, long closed, long cancelled, List<CountRow> bySource, List<CountRow> byServer,
        Chart chart, String csvUrl, long linkedReports, List<AvailabilityRow> availability) {

    /**
     * One server's month: its availability ((OK + WARN) / (OK + WARN + CRIT)) and the share of the month's time (up
     * to now) of each kind, as percentages, or a dash.
     */
    public record AvailabilityRow(String server, String availability, String ok, String warn, String crit,
            String unknown, String noData, String maintenance) {
    }

    /**
     * One SOP step's figures.
     *
     * @param within the share completed within the standard, e.g. "75 %", or a dash
     * @param missed whether some visits were not completed within the standard
     */
    public record StepRow(String label, long count, String median, String p90, String standard, String within,
            boolean missed) {
    }

    /** A count of tickets under one label. */
    public record CountRow(String label, long count) {
    }

    /**
     * A horizontal bar chart drawn as inline SVG; coordinates in SVG user units.
     *
     * @param width     the drawing's width
     * @param height    the drawing's height
     * @param barStart  where bars start
     * @param barEnd    where a 100 % bar ends
     */
    public record Chart(int width, int height, int barStart, int barEnd, List<Bar> bars) {

        public boolean isEmpty() {
            return bars.isEmpty();
        }

        public int barSpan() {
            return barEnd - barStart;
        }

        public int axisY() {
            return height - 4;
        }
    }

    /**
     * One bar.
     *
     * @param label     the short label drawn left of the bar
     * @param fullLabel the whole label, as the bar's tooltip
     * @param value     the value in words, drawn right of the bar
     * @param y         top of the bar
     * @param length    length of the bar
     */
    public record Bar(String label, String fullLabel, String value, int y, int length) {

        public int textY() {
            return y + 15;
        }

        public int valueX(Chart chart) {
            return chart.barStart() + length + 6;
        }
    }
}
