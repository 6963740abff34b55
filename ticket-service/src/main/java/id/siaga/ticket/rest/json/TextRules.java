package id.siaga.ticket.rest.json;

/**
 * What text the service refuses wherever it arrives (JSON bodies, query and path parameters, form fields):
 * the NUL character, which PostgreSQL cannot store, and unpaired UTF-16 surrogates, which are not Unicode and
 * would be stored as {@code ?}.
 */
public final class TextRules {

    private TextRules() {
    }

    /** @return why the text cannot be taken, or null when it can */
    public static String problem(CharSequence text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "must not contain the NUL character (\\u0000)";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must not contain an unpaired surrogate (text that is not valid Unicode)";
            }
            if (Character.isLowSurrogate(c)) {
                return "must not contain an unpaired surrogate (text that is not valid Unicode)";
            }
        }
        return null;
    }

    /** @return true when the text has no character but white space (Unicode white space and no-break spaces) */
    public static boolean isBlank(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\u200B' && c != '\uFEFF'
                    && !Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }
}
