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
 */
public record BoardView(List<ServerCard> servers, long openTickets, long overdueTickets, List<StepCount> openByStep,
        String updatedAt) {

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

    /** One check of a server and its current state. */
    public record CheckRow(String check, String kind, String status, String statusLabel, String message,
            String observedAt, boolean flapping, Long ticketId) {
    }

    /** Open tickets at one step. */
    public record StepCount(String code, String label, long open, long overdue) {
    }
}
