package id.siaga.ticket.web;

import id.siaga.ticket.i18n.Formats;
import id.siaga.ticket.i18n.Labels;
import id.siaga.ticket.i18n.Language;
import id.siaga.ticket.i18n.StatusMessages;
import id.siaga.ticket.status.StatusSnapshot;

import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * The public status page in one language: every text formatted, nothing left to look up.
 *
 * @param reloadSeconds how often the page reloads itself
 */
public record StatusView(String lang, String updated, long reloadSeconds, List<LineView> lines, List<String> planned,
        List<PastView> recent, long recentDays, List<Page.LanguageLink> languages, String zone) {

    /** One line: its name, state (code for the colour, and words), since when, open incidents, daily strip. */
    public record LineView(String key, String name, String state, String stateLabel, String since,
            List<IncidentView> incidents, String stripLabel, List<DayView> days) {
    }

    /** An open incident: ticket number and public summary. */
    public record IncidentView(String ticket, String summary) {
    }

    /** One bar of the strip: its colour level and its tooltip. */
    public record DayView(String level, String title) {
    }

    /** An ended incident. */
    public record PastView(String ticket, String lines, String summary, String period) {
    }

    /** @return the snapshot as the page shows it in that language */
    public static StatusView of(StatusSnapshot s, Language language, ZoneId zone, long reloadSeconds, long recentDays) {
        StatusMessages sts = language.statusMessages();
        Formats f = new Formats(language.locale(), zone, language.messages());
        List<LineView> lines = s.lines().stream().map(l -> new LineView(l.key(), l.name(),
                l.state().name().toLowerCase(Locale.ROOT).replace('_', '-'), Labels.lineState(l.state(), sts),
                l.since() == null ? null : sts.since(f.dateTime(l.since())),
                l.incidents().stream().map(i -> new IncidentView(sts.ticket(i.ticketNumber()),
                        i.summary() == null ? sts.noSummary() : i.summary())).toList(),
                sts.daysLabel(l.days().size(), percent(average(l.days()), language.locale())),
                l.days().stream().map(d -> new DayView(d.level(), sts.dayTitle(f.date(d.date().atStartOfDay(zone).toInstant()),
                        d.availability() == null ? sts.dayMaintenance() : percent(d.availability(), language.locale()))))
                        .toList()))
                .toList();
        List<String> planned = s.planned().stream()
                .map(p -> String.join(", ", p.lines()) + ": " + sts.period(f.dateTime(p.from()), f.dateTime(p.to()))).toList();
        List<PastView> recent = s.recent().stream().map(p -> new PastView(sts.ticket(p.ticketNumber()),
                String.join(", ", p.lines()), p.summary(), sts.period(f.dateTime(p.openedAt()), f.dateTime(p.closedAt()))))
                .toList();
        List<Page.LanguageLink> languages = java.util.Arrays.stream(Language.values())
                .map(l -> new Page.LanguageLink(l.tag(), l.ownName(), "/status?" + Language.PARAMETER + "=" + l.tag(),
                        l == language))
                .toList();
        String zoneName = zone.getDisplayName(TextStyle.SHORT, language.locale()) + " (" + zone.getId() + ")";
        return new StatusView(language.tag(), sts.updated(f.time(s.computedAt())), reloadSeconds, lines, planned, recent,
                recentDays, languages, zoneName);
    }

    /** @return the mean availability of the days that have one, or null */
    static Double average(List<StatusSnapshot.Day> days) {
        return days.stream().map(StatusSnapshot.Day::availability).filter(a -> a != null)
                .mapToDouble(Double::doubleValue).average().stream().boxed().findFirst().orElse(null);
    }

    /** @return e.g. "99,8 %" (Indonesian) or "99.8 %", or a dash */
    static String percent(Double share, Locale locale) {
        return share == null ? Formats.NONE : String.format(locale, "%.1f %%", share * 100);
    }
}
