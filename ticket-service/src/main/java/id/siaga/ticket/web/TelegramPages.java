package id.siaga.ticket.web;

import id.siaga.ticket.domain.Role;
import id.siaga.ticket.http.WebPage;
import id.siaga.ticket.i18n.Formats;
import id.siaga.ticket.telegram.TelegramClient;
import id.siaga.ticket.telegram.TelegramLinks;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;

/**
 * A person's Telegram link ({@code /profil/telegram}, linked from the profile page): whether an account is linked,
 * a button that makes a one-time code to send to the bot as {@code /hubungkan KODE} (shown once, on the answer to
 * the post), and a button that unlinks. The bot redeems the code ({@link id.siaga.ticket.telegram.TelegramUpdates}).
 */
@Path(TelegramPages.PATH)
@WebPage
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.NAME_ADMIN, Role.NAME_VIEWER, Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
public class TelegramPages {

    public static final String PATH = "/profil/telegram";
    private static final String UNLINKED = "putus";

    /**
     * The page.
     *
     * @param enabled   whether a bot token is set
     * @param linked    whether the person has linked an account
     * @param status    linked to whom since when, or not linked
     * @param code      a code just made, or null
     * @param codeUntil when that code lapses
     * @param notice    what just happened, or null
     */
    public record View(boolean enabled, boolean linked, String status, String code, String codeUntil, String notice) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance link(Page page, View view, FormErrors errors);
    }

    private final PageContext context;
    private final TelegramLinks links;
    private final TelegramClient client;
    private final SecurityIdentity identity;

    public TelegramPages(PageContext context, TelegramLinks links, TelegramClient client, SecurityIdentity identity) {
        this.context = context;
        this.links = links;
        this.client = client;
        this.identity = identity;
    }

    @GET
    public TemplateInstance show(@RestQuery("ok") String ok) {
        return page(null, UNLINKED.equals(ok) ? tg().noticeUnlinked() : null, FormErrors.none());
    }

    @POST
    @Path("kode")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response makeCode() {
        if (!client.enabled()) {
            return refused(409, tg().errorOff());
        }
        TelegramLinks.Code code = links.newCode(username());
        return Response.ok(page(code, null, FormErrors.none())).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("putus")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unlink() {
        if (!links.unlink(username())) {
            return refused(409, tg().errorNotLinked());
        }
        return Response.seeOther(URI.create(PATH + "?ok=" + UNLINKED)).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ErrorPage.forbidden(context, PATH);
    }

    private TemplateInstance page(TelegramLinks.Code code, String notice, FormErrors errors) {
        TelegramMessages tg = tg();
        Formats f = context.formats();
        var link = links.linkOf(username());
        String status = link.map(l -> tg.linked(l.telegramName() == null || l.telegramName().isBlank() ? "—"
                : l.telegramName(), f.dateTime(l.linkedAt()))).orElse(tg.notLinked());
        View view = new View(client.enabled(), link.isPresent(), status, code == null ? null : code.code(),
                code == null ? null : f.dateTime(code.expiresAt()), notice);
        return context.localized(Templates.link(context.page(tg.title(), "", PATH), view, errors));
    }

    private Response refused(int status, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page(null, null, FormErrors.none().general(message))).build();
    }

    private TelegramMessages tg() {
        return MessageBundles.get(TelegramMessages.class, Localized.Literal.of(context.language().tag()));
    }

    private String username() {
        return identity.getPrincipal().getName();
    }
}
