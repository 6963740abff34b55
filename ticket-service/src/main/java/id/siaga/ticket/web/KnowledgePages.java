package id.siaga.ticket.web;

import id.siaga.ticket.domain.Application;
import id.siaga.ticket.domain.InvalidRequestException;
import id.siaga.ticket.domain.NotPermittedException;
import id.siaga.ticket.domain.ResourceNotFoundException;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.domain.Server;
import id.siaga.ticket.domain.sop.FieldError;
import id.siaga.ticket.http.WebPage;
import id.siaga.ticket.knowledge.KnowledgeService;
import id.siaga.ticket.repository.ServerRepository;
import id.siaga.ticket.rest.KnowledgeResource;
import id.siaga.ticket.rest.error.InvalidQueryException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The knowledge of past repairs: search with filters; the Kasi and Kabid mark a repair as recommended or wrong
 * (post/redirect/get); and a small HTML fragment of suggestions for the complaint being typed on the intake form.
 */
@Path(KnowledgePages.PATH)
@WebPage
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.NAME_ADMIN, Role.NAME_VIEWER, Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
public class KnowledgePages {

    public static final String PATH = "/pengetahuan";
    static final int PAGE_SIZE = 20;

    /** One result as the page shows it. */
    public record HitView(KnowledgeService.Hit hit, String closed, String duration, String serverLabel) {
    }

    /** A suggestion as a page shows it. */
    public record SuggestionView(KnowledgeService.Suggestion suggestion, String matchLabel, String closed) {
    }

    /** The search page. */
    public record ListView(String q, String application, String server, String check, List<Option> applications,
            List<Option> servers, List<HitView> hits, long total, boolean totalExact, int page, long pages, String previous,
            String next, boolean mayCurate) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page page, ListView list, FormErrors errors);

        static native TemplateInstance suggestions(List<SuggestionView> suggestions);
    }

    private final PageContext context;
    private final KnowledgeService knowledge;
    private final ServerRepository servers;

    public KnowledgePages(PageContext context, KnowledgeService knowledge, ServerRepository servers) {
        this.context = context;
        this.knowledge = knowledge;
        this.servers = servers;
    }

    @GET
    public Response list(@RestQuery("q") String q, @RestQuery("aplikasi") String application,
            @RestQuery("server") String server, @RestQuery("cek") String check, @RestQuery("halaman") String page) {
        try {
            return Response.ok(page(q, application, server, check, number(page), FormErrors.none())).build();
        } catch (InvalidQueryException e) {
            String detail = e.errors().stream().map(f -> f.field() + " " + f.message()).reduce((a, b) -> a + "; " + b).orElse("");
            FormErrors errors = FormErrors.none().general(context.kno().errorSearch(detail));
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(page(null, null, null, null, 1, errors)).build();
        }
    }

    /** The Kasi or Kabid marks a past repair. */
    @POST
    @Path("{id: [0-9]+}/tanda")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response curate(@PathParam("id") long id, @RestForm String mark, @RestForm String reason, @RestForm String q) {
        KnowledgeMessages kno = context.kno();
        String error;
        int status;
        try {
            KnowledgeService.Mark m = KnowledgeService.Mark.valueOf(mark == null ? "" : mark.trim().toUpperCase(Locale.ROOT));
            knowledge.curate(id, m, reason, context.caller());
            String back = PATH + "?q=" + URLEncoder.encode(q == null ? "" : q, StandardCharsets.UTF_8) + "&"
                    + PageContext.NOTICE + "=curated#r-" + id;
            return Response.seeOther(URI.create(back)).build();
        } catch (IllegalArgumentException | InvalidRequestException e) {
            error = kno.errorReasonRequired();
            status = 422;
        } catch (NotPermittedException e) {
            error = kno.errorNotAllowed();
            status = 403;
        } catch (ResourceNotFoundException e) {
            error = kno.errorNotFinished();
            status = 404;
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page(q, null, null, null, 1, FormErrors.none().general(error))).build();
    }

    /** Suggestions for a complaint being typed: a fragment the intake form shows under the title. */
    @GET
    @Path("saran")
    @RolesAllowed({Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
    public TemplateInstance suggestions(@RestQuery("judul") String title, @RestQuery("server") String server) {
        String t = title == null ? "" : title.substring(0, Math.min(title.length(), 200));
        Long serverId = id(server);
        List<KnowledgeService.Suggestion> found = t.isBlank() ? List.of()
                : knowledge.suggestions(new KnowledgeService.Subject(null, serverId, null, t, null));
        return context.localized(Templates.suggestions(views(found)));
    }

    /** @return the suggestions as the pages show them */
    public List<SuggestionView> views(List<KnowledgeService.Suggestion> suggestions) {
        KnowledgeMessages kno = context.kno();
        return suggestions.stream().map(s -> new SuggestionView(s, switch (s.match()) {
            case SAME_CHECK -> kno.matchSameCheck();
            case SAME_CHECK_SAME_ROLE -> kno.matchSameRole();
            case SIMILAR_TEXT -> kno.matchSimilar();
        }, context.formats().date(s.closedAt()))).toList();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ErrorPage.forbidden(context, PATH);
    }

    private TemplateInstance page(String q, String application, String server, String check, int number, FormErrors errors) {
        KnowledgeService.Query query = KnowledgeResource.query(q, application, server, check);
        KnowledgeService.Page found = knowledge.search(query, number - 1, PAGE_SIZE);
        List<HitView> hits = found.items().stream().map(h -> new HitView(h, context.formats().dateTime(h.closedAt()),
                context.formats().duration(Duration.ofSeconds(h.durationSeconds())),
                h.serverName() == null ? "—" : h.serverName())).toList();
        List<Option> applications = new ArrayList<>();
        applications.add(new Option("", context.kno().filterAll(), query.application() == null));
        for (Application a : Application.values()) {
            applications.add(new Option(a.name(), context.labels().application(a), a == query.application()));
        }
        List<Option> serverOptions = new ArrayList<>();
        serverOptions.add(new Option("", context.kno().filterAll(), query.serverId() == null));
        servers.listAll().stream().sorted(Comparator.comparing((Server s) -> s.name))
                .forEach(s -> serverOptions.add(new Option(String.valueOf(s.id), s.name, s.id.equals(query.serverId()))));
        long pages = Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        String base = PATH + "?q=" + enc(q) + "&aplikasi=" + enc(query.application() == null ? "" : query.application().name())
                + "&server=" + (query.serverId() == null ? "" : query.serverId()) + "&cek=" + enc(query.check()) + "&halaman=";
        boolean mayCurate = context.roles().contains(Role.KASI) || context.roles().contains(Role.KABID);
        ListView list = new ListView(q == null ? "" : q, query.application() == null ? "" : query.application().name(),
                query.serverId() == null ? "" : String.valueOf(query.serverId()), query.check() == null ? "" : query.check(),
                applications, serverOptions, hits, found.total(), found.totalExact(), number, pages, number > 1 ? base + (number - 1) : null,
                number < pages ? base + (number + 1) : null, mayCurate);
        Page page = context.page(context.kno().title(), "knowledge", PATH);
        return context.localized(Templates.list(page, list, errors));
    }

    private static String enc(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Long id(String value) {
        return value != null && value.trim().matches("[0-9]{1,18}") ? Long.parseLong(value.trim()) : null;
    }

    private static int number(String value) {
        try {
            return value == null ? 1 : Math.max(1, Math.min(100000, Integer.parseInt(value.trim())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
