package id.siaga.ticket.web;

import java.util.List;

/**
 * What every page's frame needs: language, title, the signed-in user, navigation and a notice.
 *
 * @param lang           the page language tag ({@code id} or {@code en})
 * @param title          the page title
 * @param nav            which navigation entry is current: board, tickets, intake, escalations, report, agenda,
 *                       maintenance, users, servers, holidays, profile, or empty
 * @param user           the signed-in user's name with roles, or null on the login page
 * @param worksTickets   whether the user may take complaints and work tickets
 * @param signOutForm    whether the frame shows the sign-out button (not on error pages)
 * @param languages      links that switch the language of this page
 * @param notice         a message about what just happened (after a redirect), or null
 * @param refreshSeconds reload the page after this many seconds; 0 for never
 * @param zone           the time zone of the times shown, e.g. "WIB (Asia/Jakarta)"
 * @param openEscalations escalations for the user's role(s) not yet acknowledged, shown beside the navigation entry
 * @param admin          whether the user administers SIAGA: the navigation shows people, servers and holidays
 */
public record Page(String lang, String title, String nav, String user, boolean worksTickets, boolean signOutForm,
        List<LanguageLink> languages,
        String notice, int refreshSeconds, String zone, long openEscalations, boolean admin) {

    /** A link to the same page in another language. */
    public record LanguageLink(String tag, String name, String url, boolean current) {
    }

    public boolean signedIn() {
        return user != null;
    }

    public boolean isNav(String entry) {
        return entry.equals(nav);
    }
}
