package id.siaga.ticket.web;

import id.siaga.ticket.config.SiagaConfig;
import id.siaga.ticket.domain.InvalidRequestException;
import id.siaga.ticket.domain.MaintenanceWindow;
import id.siaga.ticket.domain.ResourceNotFoundException;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.domain.Server;
import id.siaga.ticket.domain.sop.FieldError;
import id.siaga.ticket.http.WebPage;
import id.siaga.ticket.i18n.Formats;
import id.siaga.ticket.i18n.WebMessages;
import id.siaga.ticket.rest.dto.MaintenanceRequest;
import id.siaga.ticket.service.MaintenanceService;
import id.siaga.ticket.service.ServerService;
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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The maintenance schedule: the windows under way and coming for everyone, and for the Kasi and the Kabid a form to
 * plan one and a button to cancel one, both through {@link MaintenanceService}. Forms post, then redirect; a refused
 * form is shown again with the reason next to the field, and nothing is saved.
 */
@Path(MaintenancePages.PATH)
@WebPage
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.NAME_ADMIN, Role.NAME_VIEWER, Role.NAME_ADB, Role.NAME_JF_ADB, Role.NAME_KASI, Role.NAME_KABID})
public class MaintenancePages {

    /** The maintenance schedule path. */
    public static final String PATH = "/pemeliharaan";
    /** The roles that plan and cancel windows, as the API allows. */
    private static final Set<Role> PLANNERS = Set.of(Role.KASI, Role.KABID);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance schedule(Page page, MaintenanceView schedule);
    }

    private final PageContext context;
    private final MaintenanceService maintenance;
    private final ServerService servers;
    private final Validator validator;
    private final SiagaConfig config;
    private final Clock clock;

    public MaintenancePages(PageContext context, MaintenanceService maintenance, ServerService servers,
            Validator validator, SiagaConfig config, Clock clock) {
        this.clock = clock;
        this.context = context;
        this.maintenance = maintenance;
        this.servers = servers;
        this.validator = validator;
        this.config = config;
    }

    @GET
    @Transactional
    public TemplateInstance schedule() {
        return page(MaintenanceForm.blank(), FormErrors.none());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.NAME_KASI, Role.NAME_KABID})
    public Response plan(@BeanParam MaintenanceForm form) {
        WebMessages msg = context.msg();
        FormErrors errors = FormErrors.none();
        Long serverId = null;
        if (form.serverId != null && !form.serverId.isBlank()) {
            serverId = id(form.serverId);
            if (serverId == null) {
                errors.add("serverId", msg.errorChoose());
            }
        }
        Instant from = dateTime(form.from, errors, "from");
        Instant to = dateTime(form.to, errors, "to");
        String reason = form.reason == null || form.reason.isBlank() ? null : form.reason.trim();
        MaintenanceRequest request = new MaintenanceRequest(serverId, from, to, reason);
        errors.addViolations(validator.validate(request), field -> field, msg);
        if (errors.any()) {
            return refused(400, form, errors.general(msg.errorFixFields()));
        }
        try {
            maintenance.plan(serverId, from, to, reason, context.caller());
            return Response.seeOther(URI.create(PATH + "?" + PageContext.NOTICE + "=planned")).build();
        } catch (InvalidRequestException e) {
            for (FieldError field : e.errors()) {
                errors.add(field.field(), switch (field.field()) {
                    case "to" -> context.ovs().errorEndBeforeStart();
                    case "serverId" -> msg.errorUnknownServer();
                    default -> field.message();
                });
            }
            return refused(422, form, errors.general(msg.errorFixFields()));
        }
    }

    @POST
    @Path("{id: [0-9]+}/batal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.NAME_KASI, Role.NAME_KABID})
    public Response cancel(@PathParam("id") long id) {
        try {
            maintenance.cancel(id, context.caller());
            return Response.seeOther(URI.create(PATH + "?" + PageContext.NOTICE + "=window-cancelled")).build();
        } catch (ResourceNotFoundException e) {
            return refused(404, MaintenanceForm.blank(), FormErrors.none().general(context.ovs().errorWindowGone()));
        }
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ErrorPage.forbidden(context, PATH);
    }

    private TemplateInstance page(MaintenanceForm form, FormErrors errors) {
        OversightMessages ovs = context.ovs();
        Formats f = context.formats();
        Instant now = clock.instant();
        List<Server> all = servers.list();
        Map<Long, String> names = all.stream().collect(Collectors.toMap(s -> s.id, s -> s.name));
        List<MaintenanceView.Window> windows = new ArrayList<>();
        for (MaintenanceWindow w : maintenance.current()) {
            boolean active = w.covers(w.serverId, now);
            String server = w.serverId == null ? ovs.allServers()
                    : names.getOrDefault(w.serverId, String.valueOf(w.serverId));
            windows.add(new MaintenanceView.Window(w.id, server, f.dateTime(w.startsAt), f.dateTime(w.endsAt), w.reason,
                    w.createdBy + ", " + f.dateTime(w.createdAt), active,
                    active ? ovs.stateActive() : ovs.stateComing()));
        }
        List<Option> serverOptions = new ArrayList<>();
        serverOptions.add(new Option("", ovs.allServers(), form.serverId == null || form.serverId.isBlank()));
        all.forEach(s -> serverOptions.add(new Option(String.valueOf(s.id), s.name,
                String.valueOf(s.id).equals(form.serverId))));
        boolean canPlan = context.roles().stream().anyMatch(PLANNERS::contains);
        MaintenanceView view = new MaintenanceView(windows, canPlan, form, errors, serverOptions);
        Page page = context.page(ovs.maintenanceTitle(), "maintenance", PATH);
        return context.localized(Templates.schedule(page, view));
    }

    private Response refused(int status, MaintenanceForm form, FormErrors errors) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page(form, errors))
                .build();
    }

    /** @return the local date-time typed, as an instant in the office's zone; null (and an error) when unreadable */
    private Instant dateTime(String value, FormErrors errors, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDateTime typed = LocalDateTime.parse(value.trim().replace(' ', 'T'));
            if (typed.getYear() < 1 || typed.getYear() > 9999) {
                errors.add(field, context.ovs().errorDateTime());
                return null;
            }
            return typed.atZone(config.zone()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(field, context.ovs().errorDateTime());
            return null;
        }
    }

    private static Long id(String value) {
        try {
            long id = Long.parseLong(value.trim());
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
