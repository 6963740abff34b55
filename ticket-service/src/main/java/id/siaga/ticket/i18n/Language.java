package id.siaga.ticket.i18n;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

import java.util.Locale;

/**
 * The languages of the web pages and the status API (Telegram notices are in Indonesian): Indonesian by default,
 * English when chosen. On the pages the choice travels as {@code ?lang=en} and is then remembered in the
 * {@value #COOKIE} cookie.
 */
public enum Language {
    ID(Locale.forLanguageTag("id"), "Bahasa Indonesia"), EN(Locale.ENGLISH, "English");

    /** Query parameter that switches the language. */
    public static final String PARAMETER = "lang";
    /** Cookie that remembers the choice. */
    public static final String COOKIE = "siaga-lang";

    private final Locale locale;
    private final String ownName;

    Language(Locale locale, String ownName) {
        this.locale = locale;
        this.ownName = ownName;
    }

    /** @return the language's name in itself, as a language switch shows it */
    public String ownName() {
        return ownName;
    }

    public Locale locale() {
        return locale;
    }

    /** @return the language tag, {@code id} or {@code en} */
    public String tag() {
        return locale.getLanguage();
    }

    /** @return the words of the staff pages (also worded into Telegram notices) in this language */
    public WebMessages messages() {
        return MessageBundles.get(WebMessages.class, Localized.Literal.of(tag()));
    }

    /** @return the words of the public status page (and its JSON) in this language */
    public StatusMessages statusMessages() {
        return MessageBundles.get(StatusMessages.class, Localized.Literal.of(tag()));
    }

    /** @return the language with that tag, or null when it is not one of ours */
    public static Language parse(String tag) {
        if (tag == null) {
            return null;
        }
        for (Language language : values()) {
            if (language.tag().equalsIgnoreCase(tag.trim())) {
                return language;
            }
        }
        return null;
    }

    /** @return the language asked for by the query parameter, else the cookie, else Indonesian */
    public static Language choose(String parameter, String cookie) {
        Language fromParameter = parse(parameter);
        if (fromParameter != null) {
            return fromParameter;
        }
        Language fromCookie = parse(cookie);
        return fromCookie != null ? fromCookie : ID;
    }
}
