package id.siaga.ticket.web;

import id.siaga.ticket.config.SiagaConfig;
import id.siaga.ticket.domain.AppUser;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.escalation.EscalationRepository;
import id.siaga.ticket.i18n.Formats;
import id.siaga.ticket.i18n.Labels;
import id.siaga.ticket.i18n.Language;
import id.siaga.ticket.i18n.LinkMessages;
import id.siaga.ticket.i18n.WebMessages;
import id.siaga.ticket.repository.UserRepository;
import id.siaga.ticket.domain.Caller;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The current page request as the pages see it: the chosen language and its messages, formats in the
 * office's time zone, the signed-in person, and the frame every page shares.
 */
@RequestScoped
public class PageContext {

    /** Query parameter naming what a redirect after a successful form just did. */
    public static final String NOTICE = "ok";

    private final RoutingContext routing;
    private final SecurityIdentity identity;
    private final UserRepository users;
    private final EscalationRepository escalations;
    private final SiagaConfig config;
    private Language language;
    private WebMessages messages;
    private ReportMessages reportMessages;
    private OversightMessages oversightMessages;
    private Formats formats;
    private Labels labels;

    public PageContext(RoutingContext routing, SecurityIdentity identity, UserRepository users,
            EscalationRepository escalations, SiagaConfig config) {
        this.routing = routing;
        this.identity = identity;
        this.users = users;
        this.escalations = escalations;
        this.config = config;
    }

    public Language language() {
        if (language == null) {
            Cookie cookie = routing.request().getCookie(Language.COOKIE);
            language = Language.choose(routing.queryParams().get(Language.PARAMETER), cookie == null ? null : cookie.getValue());
            if (routing.queryParams().get(Language.PARAMETER) == null && cookie == null) {
                language = preferredLanguage().orElse(language);
            }
        }
        return language;
    }

    /**
     * @return the language the signed-in person chose on their profile; nothing for nobody, and on an I/O thread (an
     *         error page), which reads nothing from the database; nothing either for a session that just ended (the
     *         sign-in page)
     */
    private java.util.Optional<Language> preferredLanguage() {
        if (!io.quarkus.runtime.BlockingOperationControl.isBlockingAllowed()) {
            return java.util.Optional.empty();
        }
        try {
            if (identity.isAnonymous()) {
                return java.util.Optional.empty();
            }
        } catch (io.quarkus.security.AuthenticationFailedException | io.quarkus.security.AuthenticationRedirectException ended) {
            return java.util.Optional.empty();
        }
        return users.findByUsername(identity.getPrincipal().getName()).map(u -> Language.parse(u.language));
    }

    /** @return the messages in the page language */
    public WebMessages msg() {
        if (messages == null) {
            messages = language().messages();
        }
        return messages;
    }

    /** @return the words of the report and the printables in the page language */
    public ReportMessages rpt() {
        if (reportMessages == null) {
            reportMessages = MessageBundles.get(ReportMessages.class, Localized.Literal.of(language().tag()));
        }
        return reportMessages;
    }

    /** @return the words of the escalation and maintenance pages in the page language */
    public OversightMessages ovs() {
        if (oversightMessages == null) {
            oversightMessages = MessageBundles.get(OversightMessages.class, Localized.Literal.of(language().tag()));
        }
        return oversightMessages;
    }

    /** @return the words of the administration and profile pages in the page language */
    public AdminMessages adm() {
        return MessageBundles.get(AdminMessages.class, Localized.Literal.of(language().tag()));
    }

    /** @return whether the signed-in person administers SIAGA (people, servers, holidays) */
    public boolean admin() {
        return roles().contains(Role.ADMIN);
    }

    /** @return the words of the knowledge pages in the page language */
    public KnowledgeMessages kno() {
        return MessageBundles.get(KnowledgeMessages.class, Localized.Literal.of(language().tag()));
    }

    /** @return the words of linked reports (further complaints on an open ticket) in the page language */
    public LinkMessages lnk() {
        return MessageBundles.get(LinkMessages.class, Localized.Literal.of(language().tag()));
    }

    public Formats formats() {
        if (formats == null) {
            formats = new Formats(language().locale(), config.zone(), msg());
        }
        return formats;
    }

    public Labels labels() {
        if (labels == null) {
            labels = new Labels(msg(), language());
        }
        return labels;
    }

    /** @return the signed-in person's roles */
    public Set<Role> roles() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        identity.getRoles().stream().map(Role::parse).filter(r -> r != null).forEach(roles::add);
        return roles;
    }

    /** @return the signed-in person as the services see them */
    public Caller caller() {
        return Caller.person(identity.getPrincipal().getName(), roles());
    }

    /** @return the signed-in person's roles that escalations go to (ADB, JF_ADB, KASI, KABID), by name */
    public List<String> recipientRoles() {
        return roles().stream().filter(Role::worksTickets).map(Role::name).toList();
    }

    /** @return whether the signed-in person takes part in SOP work (ADB and up) */
    public boolean worksTickets() {
        return roles().stream().anyMatch(Role::worksTickets);
    }

    /**
     * @param title the page title
     * @param nav   the current navigation entry
     * @param path  the page's own path, for the language links (a form re-shown after a POST names its GET page)
     */
    public Page page(String title, String nav, String path) {
        return page(title, nav, path, 0);
    }

    /** A page that reloads itself every {@code refreshSeconds}. */
    public Page page(String title, String nav, String path, int refreshSeconds) {
        return new Page(language().tag(), title, nav, userLine(), worksTickets(), true, languageLinks(path), notice(),
                refreshSeconds, zoneName(), escalations.countOpen(recipientRoles()), admin());
    }

    /** @return the template instance set to render in the page language */
    public TemplateInstance localized(TemplateInstance template) {
        return template.setLocale(language().locale());
    }

    /** The frame of the sign-in page, for nobody in particular. */
    public Page anonymousPage(String title, String path, String notice) {
        return new Page(language().tag(), title, "", null, false, false, languageLinks(path), notice, 0, zoneName(), 0,
                false);
    }

    /**
     * The frame of an error page: the user is shown by user name (an error page may be rendered on an I/O thread,
     * so it reads nothing from the database), and there are no forms.
     */
    public Page errorPage(String title, String path) {
        String user = identity.isAnonymous() ? null : userLine(identity.getPrincipal().getName());
        return new Page(language().tag(), title, "", user, worksTickets(), false, languageLinks(path), null, 0,
                zoneName(), 0, !identity.isAnonymous() && admin());
    }

    private String userLine() {
        if (identity.isAnonymous()) {
            return null;
        }
        String username = identity.getPrincipal().getName();
        return userLine(users.findByUsername(username).map((AppUser u) -> u.fullName).orElse(username));
    }

    private String userLine(String name) {
        String roles = roles().stream().sorted().map(labels()::role).collect(Collectors.joining(", "));
        return roles.isEmpty() ? name : name + " (" + roles + ")";
    }

    private String notice() {
        String code = routing.queryParams().get(NOTICE);
        if (code == null) {
            return null;
        }
        WebMessages m = msg();
        return switch (code) {
            case "created" -> m.noticeCreated();
            case "moved" -> m.noticeMoved();
            case "approved" -> m.noticeApproved();
            case "recheck" -> m.noticeRecheck();
            case "acknowledged" -> ovs().noticeAcknowledged();
            case "planned" -> ovs().noticePlanned();
            case "window-cancelled" -> ovs().noticeWindowCancelled();
            case "curated" -> kno().noticeCurated();
            case "linked" -> lnk().noticeLinked();
            case "user-created" -> adm().noticeUserCreated();
            case "user-saved" -> adm().noticeUserSaved();
            case "password-reset" -> adm().noticePasswordReset();
            case "user-disabled" -> adm().noticeUserDisabled();
            case "user-enabled" -> adm().noticeUserEnabled();
            case "server-saved" -> adm().noticeServerSaved();
            case "holiday-added" -> adm().noticeHolidayAdded();
            case "holiday-removed" -> adm().noticeHolidayRemoved();
            case "profile-saved" -> adm().noticeProfileSaved();
            case "summary" -> language().statusMessages().noticeSummary();
            default -> null;
        };
    }

    private List<Page.LanguageLink> languageLinks(String path) {
        Map<String, List<String>> query = new java.util.LinkedHashMap<>();
        for (String name : routing.queryParams().names()) {
            if (!name.equals(Language.PARAMETER) && !name.equals(NOTICE)) {
                query.put(name, routing.queryParams().getAll(name));
            }
        }
        List<Page.LanguageLink> links = new ArrayList<>();
        for (Language l : Language.values()) {
            StringBuilder url = new StringBuilder(path).append('?');
            query.forEach((name, values) -> values.forEach(v -> url.append(encode(name)).append('=').append(encode(v)).append('&')));
            url.append(Language.PARAMETER).append('=').append(l.tag());
            links.add(new Page.LanguageLink(l.tag(), l.ownName(), url.toString(), l == language()));
        }
        return links;
    }

    private String zoneName() {
        return config.zone().getDisplayName(TextStyle.SHORT, language().locale()) + " (" + config.zone().getId() + ")";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
