package id.siaga.ticket.domain.sop;

import java.util.List;

/**
 * An SOP as data: its identity and its steps and transitions. The default is SOP 800/488/DKPS-PS/2022
 * "Maintenance Software"; a revision is stored as a new version.
 *
 * @param number        the SOP's official number
 * @param title         the SOP's name
 * @param effectiveDate the date it takes effect, ISO-8601 (yyyy-MM-dd), or null
 * @param steps         the steps, in document order
 * @param transitions   the allowed moves between steps
 */
public record SopDocument(String number, String title, String effectiveDate, List<SopStep> steps,
        List<SopTransition> transitions) {

    public SopDocument {
        steps = steps == null ? List.of() : List.copyOf(steps);
        transitions = transitions == null ? List.of() : List.copyOf(transitions);
    }
}
