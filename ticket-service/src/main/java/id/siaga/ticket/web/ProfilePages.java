package id.siaga.ticket.web;

import id.siaga.ticket.domain.AppUser;
import id.siaga.ticket.domain.InvalidRequestException;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.http.WebPage;
import id.siaga.ticket.i18n.Language;
import id.siaga.ticket.repository.UserRepository;
import id.siaga.ticket.service.UserService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A person's own page ({@code /profil}, everyone signed in): their e-mail and page language, their password (the
 * current one required), and the way to link Telegram ({@code /profil/telegram}). The language chosen is stored and
 * used when no cookie chooses one; saving it also sets the language cookie of this browser.
 */
@Path(ProfilePages.PATH)
@WebPage
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.NAME_ADMIN, Role.NAME_VIEWER, Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
public class ProfilePages {

    /** The profile page. */
    public static final String PATH = "/profil";
    private static final int ONE_YEAR = (int) Duration.ofDays(365).toSeconds();

    /**
     * @param username  the signed-in person's user name
     * @param roles     their roles in words
     * @param email     the e-mail shown in the form
     * @param languages the language choices, the default first
     * @param errors    what is wrong with the form posted
     */
    public record ProfileView(String username, String fullName, String roles, String email, List<Option> languages,
            FormErrors errors) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance profile(Page page, ProfileView profile);
    }

    private final PageContext context;
    private final UserService users;
    private final UserRepository repository;
    private final Validator validator;

    public ProfilePages(PageContext context, UserService users, UserRepository repository, Validator validator) {
        this.context = context;
        this.users = users;
        this.repository = repository;
        this.validator = validator;
    }

    @GET
    @Transactional
    public TemplateInstance profile() {
        AppUser user = me();
        return page(user, user.email, user.language, FormErrors.none());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestForm String email, @RestForm String language) {
        FormErrors errors = FormErrors.none();
        String typed = UserAdminPages.trimmed(email);
        UserAdminPages.checkEmail(validator, typed, errors, context.adm());
        Language chosen = language == null || language.isBlank() ? null : Language.parse(language);
        if (language != null && !language.isBlank() && chosen == null) {
            errors.add("language", context.msg().errorChoose());
        }
        if (errors.any()) {
            return UserAdminPages.refused(400, page(me(), email, language, errors.general(context.msg().errorFixFields())));
        }
        users.changeOwnProfile(context.caller().username(), typed, chosen == null ? null : chosen.tag());
        Language cookie = chosen == null ? Language.ID : chosen;
        return Response.seeOther(URI.create(PATH + "?" + PageContext.NOTICE + "=profile-saved"))
                .header(HttpHeaders.SET_COOKIE, new NewCookie.Builder(Language.COOKIE).value(cookie.tag()).path("/")
                        .maxAge(ONE_YEAR).sameSite(NewCookie.SameSite.LAX).httpOnly(true).build())
                .build();
    }

    /** Changes the person's password; all their sessions end, so they sign in again with it. */
    @POST
    @Path("sandi")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(@RestForm String currentPassword, @RestForm String newPassword,
            @RestForm String confirmPassword) {
        FormErrors errors = FormErrors.none();
        if (currentPassword == null || currentPassword.isEmpty()) {
            errors.add("currentPassword", context.msg().errorRequired());
        }
        if (newPassword == null || newPassword.isEmpty()) {
            errors.add("newPassword", context.msg().errorRequired());
        } else if (!newPassword.equals(confirmPassword)) {
            errors.add("confirmPassword", context.adm().errorConfirmPassword());
        }
        UserAdminPages.checkPassword("newPassword", newPassword, errors, context.adm());
        int status = 400;
        if (!errors.any()) {
            try {
                users.changeOwnPassword(context.caller().username(), currentPassword, newPassword);
                return Response.seeOther(URI.create(LoginPage.PATH + "?keluar=1")).build();
            } catch (InvalidRequestException e) {
                errors.add("currentPassword", context.adm().errorCurrentPassword());
                status = 422;
            }
        }
        AppUser user = me();
        return UserAdminPages.refused(status, page(user, user.email, user.language,
                errors.general(context.msg().errorFixFields())));
    }

    private AppUser me() {
        return repository.findByUsername(context.caller().username()).orElseThrow();
    }

    private TemplateInstance page(AppUser user, String email, String language, FormErrors errors) {
        List<Option> languages = new ArrayList<>();
        languages.add(new Option("", context.adm().languageDefault(), language == null || language.isBlank()));
        for (Language l : Language.values()) {
            languages.add(new Option(l.tag(), l.ownName(), l.tag().equals(language)));
        }
        String roles = user.roleSet().stream().sorted().map(context.labels()::role).collect(Collectors.joining(", "));
        Page page = context.page(context.adm().profileTitle(), "profile", PATH);
        return context.localized(Templates.profile(page, new ProfileView(user.username, user.fullName, roles,
                email == null ? "" : email, languages, errors)));
    }
}
