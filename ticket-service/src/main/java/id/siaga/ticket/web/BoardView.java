package id.siaga.ticket.web;

import java.util.List;

/**
 * The status board: every server with its worst current check status, its checks, when its agent last
 * reported, and the open tickets.
 *
 * @param servers        the servers, the most troubled first
 * @param openTickets    open tickets in all
 * @param overdueTickets open tickets past their step's due time
 * @param openByStep     open tickets by current step, in SOP order
 * @param updatedAt      when the board was read, e.g. "14:05:09"
 * @param stripDays      days in each check's availability strip
 */
public record BoardView(List<ServerCard> servers, long openTickets, long overdueTickets, List<StepCount> openByStep,
        String updatedAt, int stripDays) {

    /**
     * One server.
     *
     * @param status      css key of the worst status: ok, warn, crit, unknown or none
     * @param statusLabel the worst status in words
     * @param lastSeen    when its agent last reported, in words
     * @param silent      whether the agent is silent ({@link id.siaga.ticket.escalation.AgentSilence}) or never reported
     * @param maintenance the maintenance window the server is in now (until when, why), or null
     */
    public record ServerCard(long id, String name, String role, String location, String status, String statusLabel,
            String lastSeen, boolean silent, long openTickets, List<CheckRow> checks, String maintenance) {

        public boolean inMaintenance() {
            return maintenance != null;
        }
    }

    /** One check of a server, its current state and its availability of the last days. */
    public record CheckRow(String check, String kind, String status, String statusLabel, String message,
            String observedAt, boolean flapping, Long ticketId, Strip strip) {
    }

    /**
     * A check's daily availability bars, drawn as inline SVG (user units).
     *
     * @param label the strip in words: the days and the availability over them
     * @param days  oldest first
     */
    public record Strip(String label, List<StripDay> days) {
        /** Width of one bar and the gap after it. */
        public static final int STEP = 8;
        /** Height of a full bar. */
        public static final int HEIGHT = 20;

        public int width() {
            return days.size() * STEP;
        }

        public int height() {
            return HEIGHT;
        }
    }

    /**
     * One day's bar.
     *
     * @param level  ok, warn, crit, maintenance or none: the worst the day saw
     * @param height the bar's height: the day's availability (a low bar when there is none)
     * @param title  the day and its availability in words
     */
    public record StripDay(int x, int height, String level, String title) {
        public int y() {
            return Strip.HEIGHT - height;
        }

        public int width() {
            return Strip.STEP - 2;
        }
    }

    /** Open tickets at one step. */
    public record StepCount(String code, String label, long open, long overdue) {
    }
}
