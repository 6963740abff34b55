package id.siaga.ticket.web;

import id.siaga.ticket.domain.AppUser;
import id.siaga.ticket.domain.ConflictException;
import id.siaga.ticket.domain.ResourceNotFoundException;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.http.WebPage;
import id.siaga.ticket.repository.UserRepository;
import id.siaga.ticket.rest.dto.CreateUserRequest;
import id.siaga.ticket.rest.dto.UpdateUserRequest;
import id.siaga.ticket.service.UserService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The administrator's pages about people ({@code /admin/pengguna}): the list, adding a person, and one person's
 * account (name, e-mail, roles, password reset, disable and enable), all through {@link UserService}. Forms post, then
 * redirect; a refused form is shown again with the reason next to the field, and nothing is saved.
 */
@Path(UserAdminPages.PATH)
@WebPage
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.NAME_ADMIN)
public class UserAdminPages {

    /** The list of people. */
    public static final String PATH = "/admin/pengguna";
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page page, UserAdminView users);

        static native TemplateInstance edit(Page page, UserAdminView users);
    }

    private final PageContext context;
    private final UserService users;
    private final UserRepository repository;
    private final Validator validator;

    public UserAdminPages(PageContext context, UserService users, UserRepository repository, Validator validator) {
        this.context = context;
        this.users = users;
        this.repository = repository;
        this.validator = validator;
    }

    @GET
    @Transactional
    public TemplateInstance list() {
        return listPage(UserForm.blank(), FormErrors.none());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam UserForm form) {
        AdminMessages adm = context.adm();
        FormErrors errors = FormErrors.none();
        String username = trimmed(form.username);
        if (username != null && !USERNAME.matcher(username).matches()) {
            errors.add("username", adm.errorUsernameFormat());
        }
        Set<Role> roles = roles(form, errors);
        String email = trimmed(form.email);
        checkPassword(form.password, errors);
        CreateUserRequest request = new CreateUserRequest(username, trimmed(form.fullName), form.password,
                roles == null ? List.of() : List.copyOf(roles), email);
        checkEmail(email, errors);
        errors.addViolations(validator.validate(request), field -> field, context.msg());
        if (errors.any()) {
            return refused(400, listPage(form, errors.general(context.msg().errorFixFields())));
        }
        try {
            users.create(username, request.fullName(), form.password, roles, email, context.caller().username());
            return Response.seeOther(URI.create(PATH + "?" + PageContext.NOTICE + "=user-created")).build();
        } catch (ConflictException e) {
            errors.add("username", adm.errorUsernameTaken());
            return refused(409, listPage(form, errors.general(context.msg().errorFixFields())));
        }
    }

    @GET
    @Path("{id: [0-9]+}")
    @Transactional
    public Response edit(@PathParam("id") long id) {
        return repository.findByIdOptional(id).map(user -> Response.ok(editPage(user, formOf(user), FormErrors.none())).build())
                .orElseGet(() -> ErrorPage.notFound(context, PATH));
    }

    @POST
    @Path("{id: [0-9]+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") long id, @BeanParam UserForm form) {
        FormErrors errors = FormErrors.none();
        Set<Role> roles = roles(form, errors);
        String fullName = trimmed(form.fullName);
        String email = trimmed(form.email);
        if (fullName == null) {
            errors.add("fullName", context.msg().errorRequired());
        }
        checkEmail(email, errors);
        errors.addViolations(validator.validate(new UpdateUserRequest(fullName, null,
                roles == null ? null : List.copyOf(roles), email, null)), field -> field, context.msg());
        return change(id, form, errors, new UserService.AccountChange(fullName, null, roles, email == null ? "" : email,
                null), "user-saved");
    }

    @POST
    @Path("{id: [0-9]+}/sandi")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resetPassword(@PathParam("id") long id, @BeanParam UserForm form) {
        FormErrors errors = FormErrors.none();
        if (form.password == null || form.password.isEmpty()) {
            errors.add("password", context.msg().errorRequired());
        }
        checkPassword(form.password, errors);
        return change(id, null, errors, new UserService.AccountChange(null, form.password, null, null, null),
                "password-reset");
    }

    @POST
    @Path("{id: [0-9]+}/nonaktif")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response disable(@PathParam("id") long id) {
        return change(id, null, FormErrors.none(), new UserService.AccountChange(null, null, null, null, false),
                "user-disabled");
    }

    @POST
    @Path("{id: [0-9]+}/aktif")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enable(@PathParam("id") long id) {
        return change(id, null, FormErrors.none(), new UserService.AccountChange(null, null, null, null, true),
                "user-enabled");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ErrorPage.forbidden(context, PATH);
    }

    /**
     * @param form the edit form as posted, shown again when refused; null to show the account as it is
     */
    private Response change(long id, UserForm form, FormErrors errors, UserService.AccountChange change, String notice) {
        AppUser user = repository.findByIdOptional(id).orElse(null);
        if (user == null) {
            return ErrorPage.notFound(context, PATH);
        }
        if (errors.any()) {
            return refused(400, editPage(user, form == null ? formOf(user) : form,
                    errors.general(context.msg().errorFixFields())));
        }
        try {
            users.update(id, change, context.caller().username());
            return Response.seeOther(URI.create(PATH + "/" + id + "?" + PageContext.NOTICE + "=" + notice)).build();
        } catch (ResourceNotFoundException e) {
            return ErrorPage.notFound(context, PATH);
        } catch (ConflictException e) {
            errors.add(change.roles() != null ? "roles" : "active", context.adm().errorLastAdmin());
            return refused(409, editPage(user, form == null ? formOf(user) : form,
                    errors.general(context.adm().errorLastAdmin())));
        }
    }

    private TemplateInstance listPage(UserForm form, FormErrors errors) {
        List<UserAdminView.Row> rows = users.list().stream().map(this::row).toList();
        Page page = context.page(context.adm().usersTitle(), "users", PATH);
        return context.localized(Templates.list(page, new UserAdminView(rows, form, errors, roleOptions(form), null)));
    }

    private TemplateInstance editPage(AppUser user, UserForm form, FormErrors errors) {
        Page page = context.page(context.adm().editUserTitle(user.username), "users", PATH + "/" + user.id);
        return context.localized(Templates.edit(page, new UserAdminView(List.of(), form, errors, roleOptions(form),
                row(user))));
    }

    private UserAdminView.Row row(AppUser user) {
        String roles = user.roleSet().stream().sorted().map(context.labels()::role).collect(Collectors.joining(", "));
        return new UserAdminView.Row(user.id, user.username, user.fullName, user.email, roles, user.active,
                user.active ? context.adm().stateActive() : context.adm().stateDisabled());
    }

    private List<Option> roleOptions(UserForm form) {
        return Arrays.stream(Role.values()).map(r -> new Option(r.name(), context.labels().role(r), form.has(r.name())))
                .toList();
    }

    private static UserForm formOf(AppUser user) {
        UserForm form = new UserForm();
        form.username = user.username;
        form.fullName = user.fullName;
        form.email = user.email;
        form.roles = user.roleSet().stream().map(Role::name).toList();
        return form;
    }

    /** @return the ticked roles, or null (and an error) when none or an unknown one is ticked */
    private Set<Role> roles(UserForm form, FormErrors errors) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : form.roles == null ? List.<String>of() : form.roles) {
            Role role = Role.parse(name);
            if (role == null || !role.name().equals(name)) {
                errors.add("roles", context.adm().errorRoles());
                return null;
            }
            roles.add(role);
        }
        if (roles.isEmpty()) {
            errors.add("roles", context.adm().errorRoles());
            return null;
        }
        return roles;
    }

    private void checkPassword(String password, FormErrors errors) {
        checkPassword("password", password, errors, context.adm());
    }

    private void checkEmail(String email, FormErrors errors) {
        checkEmail(validator, email, errors, context.adm());
    }

    /** Records an error when a password is typed but is not 8 to 128 characters long (as the API requires). */
    static void checkPassword(String field, String password, FormErrors errors, AdminMessages adm) {
        if (password != null && !password.isEmpty() && (password.length() < 8 || password.length() > 128)) {
            errors.add(field, adm.errorPasswordLength());
        }
    }

    /** Records an error when an e-mail is typed but the API would refuse it. */
    static void checkEmail(Validator validator, String email, FormErrors errors, AdminMessages adm) {
        if (email != null && !validator.validateValue(CreateUserRequest.class, "email", email).isEmpty()) {
            errors.add("email", adm.errorEmail());
        }
    }

    static Response refused(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }

    static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
