package id.siaga.ticket.web;

/**
 * The top of a printed report: the office (official names, never translated) and the SOP it follows.
 *
 * @param address the office's address, or null
 */
public record Letterhead(String government, String agency, String address, String unit, String sopNumber,
        String sopTitle) {
}
