package id.siaga.ticket.web;

/**
 * What was typed into one of a ticket's forms, kept to show the form again after a refusal.
 *
 * @param form which form: main, third-party, cancel, approve or recheck
 */
public record TransitionForm(String form, String output, String note, String thirdPartyName, String thirdPartyContact,
        String thirdPartyReference) {

    /** Form names. */
    public static final String MAIN = "main";
    public static final String THIRD_PARTY = "third-party";
    public static final String CANCEL = "cancel";

    public static TransitionForm empty() {
        return new TransitionForm("", "", "", "", "", "");
    }

    public boolean is(String name) {
        return name.equals(form);
    }
}
