package id.siaga.ticket.web;

import java.util.List;

/** The agenda register of a year (SOP step 10): every ticket recorded, in agenda-number order. */
public record AgendaView(Letterhead head, int year, List<Row> rows, List<Option> years) {

    /** One entry of the register. */
    public record Row(int no, String agendaNumber, String date, long ticketId, String ticketNumber, String title,
            String server, String recordedBy) {
    }
}
