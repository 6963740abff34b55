package id.siaga.ticket.web;

import id.siaga.ticket.domain.Role;
import id.siaga.ticket.http.WebPage;
import id.siaga.ticket.service.HolidayService;
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
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.List;

/**
 * The administrator's page of the calendar's holidays ({@code /admin/hari-libur}): the list, adding one and removing
 * one, through {@link HolidayService}, which moves the due times they touch. A refused form is shown again with the
 * reason next to the field, and nothing is saved.
 */
@Path(HolidayPages.PATH)
@WebPage
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.NAME_ADMIN)
public class HolidayPages {

    /** The holidays page. */
    public static final String PATH = "/admin/hari-libur";

    /**
     * The holidays and the form adding one.
     *
     * @param date   the date typed into the form
     * @param errors what is wrong with it
     */
    public record HolidayView(List<Day> days, String date, FormErrors errors) {

        /** One holiday: its ISO date, the date in words and its weekday. */
        public record Day(String iso, String date, String weekday) {
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance holidays(Page page, HolidayView holidays);
    }

    private final PageContext context;
    private final HolidayService holidays;

    public HolidayPages(PageContext context, HolidayService holidays) {
        this.context = context;
        this.holidays = holidays;
    }

    @GET
    public TemplateInstance list() {
        return page(null, FormErrors.none());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@RestForm String date) {
        FormErrors errors = FormErrors.none();
        LocalDate day = parse(date);
        if (date == null || date.isBlank()) {
            errors.add("date", context.msg().errorRequired());
        } else if (day == null) {
            errors.add("date", context.adm().errorDate());
        } else if (holidays.list().contains(day)) {
            errors.add("date", context.adm().errorHolidayExists());
        }
        if (errors.any()) {
            return UserAdminPages.refused(400, page(date, errors.general(context.msg().errorFixFields())));
        }
        holidays.add(day, context.caller().username());
        return Response.seeOther(URI.create(PATH + "?" + PageContext.NOTICE + "=holiday-added")).build();
    }

    @POST
    @Path("{date}/hapus")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("date") String date) {
        LocalDate day = parse(date);
        if (day == null || !holidays.list().contains(day)) {
            return UserAdminPages.refused(404, page(null, FormErrors.none().general(context.adm().errorHolidayGone())));
        }
        holidays.remove(day, context.caller().username());
        return Response.seeOther(URI.create(PATH + "?" + PageContext.NOTICE + "=holiday-removed")).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ErrorPage.forbidden(context, PATH);
    }

    private TemplateInstance page(String date, FormErrors errors) {
        DateTimeFormatter words = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(context.language().locale());
        List<HolidayView.Day> days = holidays.list().stream().map(d -> new HolidayView.Day(d.toString(), words.format(d),
                d.getDayOfWeek().getDisplayName(TextStyle.FULL, context.language().locale()))).toList();
        Page page = context.page(context.adm().holidaysTitle(), "holidays", PATH);
        return context.localized(Templates.holidays(page, new HolidayView(days, date, errors)));
    }

    /** @return the ISO date typed, or null when it is not a date of the calendar */
    private static LocalDate parse(String text) {
        if (text == null || !text.trim().matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim(), DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
