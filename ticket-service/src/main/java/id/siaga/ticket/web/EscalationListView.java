package id.siaga.ticket.web;

import java.util.List;

/**
 * The escalation list: one page of escalations, second level first, then newest.
 *
 * @param recipient  the chosen recipient filter: saya, semua, or a role code
 * @param state      the chosen state filter: terbuka, ditanggapi or semua
 * @param recipients the choices of the recipient filter
 * @param states     the choices of the state filter
 * @param total      escalations matching the filters
 * @param page       the page shown, from 1
 * @param pages      pages in all (at least 1)
 * @param previous   link to the previous page, or null
 * @param next       link to the next page, or null
 */
public record EscalationListView(List<EscalationRow> rows, String recipient, String state, List<Option> recipients,
        List<Option> states, long total, int page, int pages, String previous, String next) {

    public boolean paged() {
        return pages > 1;
    }
}
