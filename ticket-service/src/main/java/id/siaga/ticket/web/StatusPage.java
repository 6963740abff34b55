package id.siaga.ticket.web;

import id.siaga.ticket.config.SiagaConfig;
import id.siaga.ticket.http.WebPage;
import id.siaga.ticket.i18n.Language;
import id.siaga.ticket.status.StatusService;
import id.siaga.ticket.status.StatusSnapshot;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The public status page for the operators in the sub-district offices: no sign-in, phone-sized, reloads itself.
 * Rendered once per snapshot and language, and served from memory until the next snapshot.
 */
@Path(StatusPage.PATH)
@WebPage
@Produces(MediaType.TEXT_HTML)
public class StatusPage {

    public static final String PATH = "/status";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance status(StatusView status);
    }

    private final StatusService status;
    private final PageContext context;
    private final SiagaConfig config;

    public StatusPage(StatusService status, PageContext context, SiagaConfig config) {
        this.status = status;
        this.context = context;
        this.config = config;
    }

    @GET
    public Response page() {
        Language language = context.language();
        StatusSnapshot snapshot = status.current();
        String html = (String) snapshot.rendered().computeIfAbsent("html:" + language.tag(), k -> Templates
                .status(view(snapshot, language, config)).setLocale(language.locale()).render());
        CacheControl cache = new CacheControl();
        cache.setNoCache(true);
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).cacheControl(cache).build();
    }

    /** @return the snapshot as the page (and the API's labels) show it in that language */
    public static StatusView view(StatusSnapshot snapshot, Language language, SiagaConfig config) {
        return StatusView.of(snapshot, language, config.zone(), config.status().pageReload().toSeconds(),
                config.status().recentIncidents().toDays());
    }
}
