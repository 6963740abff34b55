package id.siaga.ticket.web;

import java.util.List;

/**
 * The maintenance schedule: the windows under way and coming, and the form planning one.
 *
 * @param windows windows that have not ended, soonest first
 * @param canPlan whether the signed-in person may plan and cancel windows (Kasi, Kabid)
 * @param form    what was typed into the planning form
 * @param errors  what is wrong with it
 * @param servers the server choices, "all servers" first
 */
public record MaintenanceView(List<Window> windows, boolean canPlan, MaintenanceForm form, FormErrors errors,
        List<Option> servers) {

    /**
     * One window.
     *
     * @param server    the server's name, or the words for all servers
     * @param active    whether it is under way now
     * @param state     under way or coming, in words
     * @param plannedBy who planned it and when
     */
    public record Window(long id, String server, String from, String to, String reason, String plannedBy,
            boolean active, String state) {
    }
}
