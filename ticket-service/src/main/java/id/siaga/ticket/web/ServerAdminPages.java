package id.siaga.ticket.web;

import id.siaga.ticket.config.SiagaConfig;
import id.siaga.ticket.domain.ConflictException;
import id.siaga.ticket.domain.ResourceNotFoundException;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.domain.Server;
import id.siaga.ticket.domain.ServerRole;
import id.siaga.ticket.http.WebPage;
import id.siaga.ticket.i18n.Formats;
import id.siaga.ticket.rest.dto.CreateServerRequest;
import id.siaga.ticket.service.ServerService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * The administrator's pages about servers ({@code /admin/server}): the list with each agent's version, interval,
 * outbox backlog and last report; registering and editing a server; issuing a new agent token. A token is shown once:
 * the post that makes it redirects to the token page with the token in a short-lived cookie for that page only, which
 * the page reads and drops, so a reload (on any instance) shows it no more and SIAGA never stores it.
 */
@Path(ServerAdminPages.PATH)
@WebPage
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.NAME_ADMIN)
public class ServerAdminPages {

    /** The list of servers. */
    public static final String PATH = "/admin/server";
    /** The cookie carrying a new token from its post to its page. */
    static final String TOKEN_COOKIE = "siaga-agent-token";
    private static final int TOKEN_COOKIE_SECONDS = 120;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page page, ServerAdminView servers);

        static native TemplateInstance edit(Page page, ServerAdminView servers);

        static native TemplateInstance token(Page page, ServerAdminView.Token token);
    }

    private final PageContext context;
    private final ServerService servers;
    private final Validator validator;
    private final SiagaConfig config;
    private final RoutingContext routing;

    public ServerAdminPages(PageContext context, ServerService servers, Validator validator, SiagaConfig config,
            RoutingContext routing) {
        this.context = context;
        this.servers = servers;
        this.validator = validator;
        this.config = config;
        this.routing = routing;
    }

    @GET
    @Transactional
    public TemplateInstance list() {
        return listPage(ServerForm.blank(), FormErrors.none());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(@BeanParam ServerForm form) {
        FormErrors errors = FormErrors.none();
        ServerService.Details details = details(form, errors);
        if (errors.any()) {
            return UserAdminPages.refused(400, listPage(form, errors.general(context.msg().errorFixFields())));
        }
        try {
            return showToken(servers.register(details, context.caller().username()));
        } catch (ConflictException e) {
            errors.add("name", context.adm().errorServerNameTaken());
            return UserAdminPages.refused(409, listPage(form, errors.general(context.msg().errorFixFields())));
        }
    }

    @GET
    @Path("{id: [0-9]+}")
    @Transactional
    public Response edit(@PathParam("id") long id) {
        try {
            Server server = servers.get(id);
            return Response.ok(editPage(server, formOf(server), FormErrors.none())).build();
        } catch (ResourceNotFoundException e) {
            return ErrorPage.notFound(context, PATH);
        }
    }

    @POST
    @Path("{id: [0-9]+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") long id, @BeanParam ServerForm form) {
        Server server;
        try {
            server = servers.get(id);
        } catch (ResourceNotFoundException e) {
            return ErrorPage.notFound(context, PATH);
        }
        FormErrors errors = FormErrors.none();
        ServerService.Details details = details(form, errors);
        if (errors.any()) {
            return UserAdminPages.refused(400, editPage(server, form, errors.general(context.msg().errorFixFields())));
        }
        try {
            servers.update(id, details, context.caller().username());
            return Response.seeOther(URI.create(PATH + "?" + PageContext.NOTICE + "=server-saved")).build();
        } catch (ConflictException e) {
            errors.add("name", context.adm().errorServerNameTaken());
            return UserAdminPages.refused(409, editPage(server, form, errors.general(context.msg().errorFixFields())));
        } catch (ResourceNotFoundException e) {
            return ErrorPage.notFound(context, PATH);
        }
    }

    @POST
    @Path("{id: [0-9]+}/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response renewToken(@PathParam("id") long id) {
        try {
            return showToken(servers.renewToken(id, context.caller().username()));
        } catch (ResourceNotFoundException e) {
            return ErrorPage.notFound(context, PATH);
        }
    }

    /** The new token and what to paste on the server, once; afterwards only that it was shown. */
    @GET
    @Path("{id: [0-9]+}/token")
    @Transactional
    public Response token(@PathParam("id") long id) {
        Server server;
        try {
            server = servers.get(id);
        } catch (ResourceNotFoundException e) {
            return ErrorPage.notFound(context, PATH);
        }
        Cookie sent = routing.request().getCookie(TOKEN_COOKIE);
        String token = sent == null || !sent.getValue().startsWith(ServerService.TOKEN_PREFIX) ? null : sent.getValue();
        Page page = context.page(context.adm().tokenTitle(server.name), "servers", PATH + "/" + id + "/token");
        ServerAdminView.Token view = token == null
                ? new ServerAdminView.Token(row(server), null, null, null, null, null)
                : install(server, token);
        return Response.ok(context.localized(Templates.token(page, view)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.SET_COOKIE, tokenCookie(id, "", 0))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ErrorPage.forbidden(context, PATH);
    }

    private Response showToken(ServerService.Registered registered) {
        long id = registered.server().id;
        return Response.seeOther(URI.create(PATH + "/" + id + "/token"))
                .header(HttpHeaders.SET_COOKIE, tokenCookie(id, registered.token(), TOKEN_COOKIE_SECONDS)).build();
    }

    private NewCookie tokenCookie(long id, String value, int maxAge) {
        return new NewCookie.Builder(TOKEN_COOKIE).value(value).path(PATH + "/" + id + "/token").maxAge(maxAge)
                .httpOnly(true).sameSite(NewCookie.SameSite.STRICT)
                .secure("https".equalsIgnoreCase(routing.request().scheme())).build();
    }

    /** @return the lines to paste on the server: install, token, the start of the config, test and start */
    private ServerAdminView.Token install(Server server, String token) {
        String example = switch (server.role) {
            case SIAK_DB -> "siak-db";
            case KTPEL -> "ktpel";
            default -> "siak-app";
        };
        String configLines = """
                server:
                  id: %d
                  name: %s
                service:
                  url: %s
                  token: ${SIAGA_AGENT_TOKEN}""".formatted(server.id, yamlText(server.name), config.notices().baseUrl());
        return new ServerAdminView.Token(row(server), token, "sudo ./install.sh " + example,
                "SIAGA_AGENT_TOKEN=" + token, configLines,
                "sudo -u siaga siaga-agent doctor\nsudo systemctl restart siaga-agent");
    }

    /** @return the name as a YAML scalar: plain when safe, else double-quoted */
    static String yamlText(String text) {
        if (text.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            return text;
        }
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private ServerService.Details details(ServerForm form, FormErrors errors) {
        ServerRole role = null;
        if (form.role == null || form.role.isBlank()) {
            errors.add("role", context.msg().errorChoose());
        } else {
            role = Arrays.stream(ServerRole.values()).filter(r -> r.name().equals(form.role)).findFirst().orElse(null);
            if (role == null) {
                errors.add("role", context.msg().errorChoose());
            }
        }
        CreateServerRequest request = new CreateServerRequest(UserAdminPages.trimmed(form.name), role,
                UserAdminPages.trimmed(form.location), UserAdminPages.trimmed(form.description), form.shownPublicly());
        errors.addViolations(validator.validate(request), field -> field, context.msg());
        return new ServerService.Details(request.name(), role, request.location(), request.description(),
                form.shownPublicly());
    }

    private TemplateInstance listPage(ServerForm form, FormErrors errors) {
        List<ServerAdminView.Row> rows = servers.list().stream().map(this::row).toList();
        Page page = context.page(context.adm().serversTitle(), "servers", PATH);
        return context.localized(Templates.list(page, new ServerAdminView(rows, form, errors, roleOptions(form), null)));
    }

    private TemplateInstance editPage(Server server, ServerForm form, FormErrors errors) {
        Page page = context.page(context.adm().editServerTitle(server.name), "servers", PATH + "/" + server.id);
        return context.localized(Templates.edit(page, new ServerAdminView(List.of(), form, errors, roleOptions(form),
                row(server))));
    }

    private ServerAdminView.Row row(Server s) {
        AdminMessages adm = context.adm();
        Formats f = context.formats();
        return new ServerAdminView.Row(s.id, s.name, context.labels().serverRole(s.role),
                s.location == null ? "" : s.location, s.agentVersion == null ? "" : s.agentVersion,
                s.agentIntervalSeconds == null ? "" : adm.intervalSeconds(s.agentIntervalSeconds),
                s.agentOutboxBacklog == null ? "" : adm.backlogFindings(s.agentOutboxBacklog),
                s.agentLastSeen == null ? adm.neverReported() : f.dateTime(s.agentLastSeen));
    }

    private List<Option> roleOptions(ServerForm form) {
        return Arrays.stream(ServerRole.values())
                .map(r -> new Option(r.name(), context.labels().serverRole(r), r.name().equals(form.role))).toList();
    }

    private static ServerForm formOf(Server server) {
        ServerForm form = new ServerForm();
        form.name = server.name;
        form.role = server.role.name();
        form.location = server.location;
        form.description = server.description;
        form.publik = server.isPublic ? "on" : null;
        return form;
    }
}
