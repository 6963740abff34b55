package id.siaga.ticket.web;

import java.util.List;

/** The complaint intake form: what was typed, what is wrong with it, and the choices of each field. */
public record IntakeView(IntakeForm form, FormErrors errors, List<Option> sources, List<Option> applications,
        List<Option> severities, List<Option> servers) {
}
