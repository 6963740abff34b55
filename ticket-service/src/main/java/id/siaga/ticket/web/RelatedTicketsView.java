package id.siaga.ticket.web;

import java.util.List;

/** The open tickets a complaint being taken may be about, each with a button recording it as a linked report. */
public record RelatedTicketsView(List<Row> tickets) {

    /**
     * One open ticket.
     *
     * @param since   when it was opened
     * @param reports how many linked reports it has
     */
    public record Row(long id, String number, String title, String step, String since, long reports) {
    }
}
