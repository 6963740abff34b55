package id.siaga.ticket.web;

import java.util.List;

/**
 * The ticket list, grouped by current step, with the filters that produced it.
 *
 * @param groups    the tickets by current step, in SOP order
 * @param total     tickets matching the filters
 * @param shown     tickets shown (at most the list limit)
 * @param steps     the step filter's choices
 * @param states    the state filter's choices
 * @param servers   the server filter's choices
 * @param overdue   whether only overdue tickets are shown
 */
public record TicketListView(List<Group> groups, long total, long shown, List<Option> steps, List<Option> states,
        List<Option> servers, boolean overdue) {

    public boolean truncated() {
        return shown < total;
    }

    /** The tickets at one step. */
    public record Group(String code, String label, List<Row> tickets) {
    }

    /**
     * One ticket in a list.
     *
     * @param elapsed  time at the current step so far
     * @param standard upper bound of the current step's time standard, or a dash
     * @param overdue  whether the current step is past its due time
     */
    public record Row(long id, String number, String title, String server, String source, String severity,
            String severityKey, String step, String elapsed, String standard, boolean overdue, boolean open, String state,
            String assignee, String created) {
    }
}
