package id.siaga.ticket.web;

/** One choice of a select or radio group. */
public record Option(String value, String label, boolean selected) {
}
