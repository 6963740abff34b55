package id.siaga.ticket.web;

import id.siaga.ticket.domain.AppUser;
import id.siaga.ticket.domain.Role;
import id.siaga.ticket.domain.Server;
import id.siaga.ticket.domain.Ticket;
import id.siaga.ticket.escalation.Escalation;
import id.siaga.ticket.escalation.EscalationRepository;
import id.siaga.ticket.escalation.EscalationService;
import id.siaga.ticket.i18n.Formats;
import id.siaga.ticket.i18n.Labels;
import id.siaga.ticket.repository.ServerRepository;
import id.siaga.ticket.repository.TicketRepository;
import id.siaga.ticket.repository.UserRepository;
import id.siaga.ticket.service.TicketService;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds the escalation list and a ticket's escalations in the page language. Whether the signed-in person may
 * acknowledge an escalation is {@link EscalationService#mayAcknowledge}'s answer, never decided here.
 */
@ApplicationScoped
public class EscalationViews {

    /** Recipient filter values: the signed-in person's own roles, or every role. */
    static final String MINE = "saya";
    static final String ALL_ROLES = "semua";
    /** State filter values. */
    static final String OPEN = "terbuka";
    static final String ACKNOWLEDGED = "ditanggapi";
    static final String ALL = "semua";
    /** Escalations on one page of the list. */
    static final int PAGE_SIZE = 50;

    private final EscalationRepository escalations;
    private final TicketRepository ticketRepository;
    private final TicketService tickets;
    private final ServerRepository servers;
    private final UserRepository users;
    private final PageContext context;
    private final Clock clock;

    public EscalationViews(EscalationRepository escalations, TicketRepository ticketRepository, TicketService tickets,
            ServerRepository servers, UserRepository users, PageContext context, Clock clock) {
        this.clock = clock;
        this.escalations = escalations;
        this.ticketRepository = ticketRepository;
        this.tickets = tickets;
        this.servers = servers;
        this.users = users;
        this.context = context;
    }

    /**
     * One page of the escalation list.
     *
     * @param recipient saya (the default for people with an SOP role), semua (the default for the others), or a role
     * @param state     terbuka (the default), ditanggapi or semua
     * @param page      the page, from 1
     */
    @Transactional
    public EscalationListView list(String recipient, String state, int page) {
        String chosenRecipient = recipient(recipient);
        String chosenState = state(state);
        List<String> roles = switch (chosenRecipient) {
            case MINE -> context.recipientRoles();
            case ALL_ROLES -> List.of();
            default -> List.of(chosenRecipient);
        };
        Boolean open = switch (chosenState) {
            case OPEN -> Boolean.TRUE;
            case ACKNOWLEDGED -> Boolean.FALSE;
            default -> null;
        };
        PanacheQuery<Escalation> query = escalations.search(roles, open, null, 0, PAGE_SIZE);
        long total = query.count();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(page, 1), pages);
        List<EscalationRow> rows = rows(query.page(shown - 1, PAGE_SIZE).list());

        OversightMessages ovs = context.ovs();
        Labels labels = context.labels();
        List<Option> recipients = new ArrayList<>();
        if (!context.recipientRoles().isEmpty()) {
            String mine = context.roles().stream().filter(Role::worksTickets).sorted().map(labels::role)
                    .collect(Collectors.joining(", "));
            recipients.add(new Option(MINE, ovs.filterMine(mine), MINE.equals(chosenRecipient)));
        }
        recipients.add(new Option(ALL_ROLES, ovs.filterAllRoles(), ALL_ROLES.equals(chosenRecipient)));
        for (Role role : List.of(Role.KABID, Role.KASI, Role.JF_ADB, Role.ADB)) {
            recipients.add(new Option(role.name(), labels.role(role), role.name().equals(chosenRecipient)));
        }
        List<Option> states = List.of(new Option(OPEN, ovs.filterOpen(), OPEN.equals(chosenState)),
                new Option(ACKNOWLEDGED, ovs.filterAcknowledged(), ACKNOWLEDGED.equals(chosenState)),
                new Option(ALL, ovs.filterAll(), ALL.equals(chosenState)));
        String filters = EscalationPages.PATH + "?untuk=" + chosenRecipient + "&status=" + chosenState + "&halaman=";
        return new EscalationListView(rows, chosenRecipient, chosenState, recipients, states, total, shown, pages,
                shown > 1 ? filters + (shown - 1) : null, shown < pages ? filters + (shown + 1) : null);
    }

    /** @return the ticket's escalations, oldest first */
    @Transactional
    public List<EscalationRow> forTicket(long ticketId) {
        return rows(escalations.forTicket(ticketId));
    }

    /** @return a recipient filter value as chosen, or the default for the signed-in person when unknown */
    String recipient(String value) {
        if (ALL_ROLES.equals(value)) {
            return ALL_ROLES;
        }
        Role role = Role.parse(value);
        if (role != null && role.worksTickets()) {
            return role.name();
        }
        return context.recipientRoles().isEmpty() ? ALL_ROLES : MINE;
    }

    /** @return a state filter value as chosen, or terbuka when unknown */
    static String state(String value) {
        return ACKNOWLEDGED.equals(value) || ALL.equals(value) ? value : OPEN;
    }

    private List<EscalationRow> rows(List<Escalation> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Map<Long, Ticket> ticketsById = byId(list.stream().map(e -> e.ticketId), ids ->
                ticketRepository.list("id in ?1", ids), t -> t.id);
        Map<Long, Server> serversById = byId(list.stream().map(e -> e.serverId), ids ->
                servers.list("id in ?1", ids), s -> s.id);
        Map<String, String> names = new HashMap<>();
        Set<String> usernames = list.stream().map(e -> e.acknowledgedBy).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        if (!usernames.isEmpty()) {
            users.list("username in ?1", usernames).forEach((AppUser u) -> names.put(u.username, u.fullName));
        }
        Set<Role> roles = context.roles();
        return list.stream()
                .map(e -> row(e, ticketsById.get(e.ticketId), serversById.get(e.serverId), names, roles, now)).toList();
    }

    private EscalationRow row(Escalation e, Ticket ticket, Server server, Map<String, String> names, Set<Role> roles,
            Instant now) {
        OversightMessages ovs = context.ovs();
        Formats f = context.formats();
        Labels labels = context.labels();
        Role recipient = Role.parse(e.recipientRole);
        String step = Formats.NONE;
        if (e.stepCode != null) {
            step = ticket == null ? e.stepCode : labels.step(tickets.machineOf(ticket), e.stepCode);
        }
        String acknowledged = null;
        if (e.acknowledgedAt != null) {
            String who = names.containsKey(e.acknowledgedBy)
                    ? names.get(e.acknowledgedBy) + " (" + e.acknowledgedBy + ")" : e.acknowledgedBy;
            acknowledged = ovs.acknowledgedBy(who, f.dateTime(e.acknowledgedAt));
        }
        boolean may = e.acknowledgedAt == null && recipient != null
                && EscalationService.mayAcknowledge(recipient, roles);
        return new EscalationRow(e.id, reason(e), e.reason.name(), e.level, ovs.level(e.level), e.level > 1,
                labels.role(e.recipientRole), e.ticketId, ticket == null ? null : ticket.number,
                server == null ? null : ovs.serverNamed(server.name), step, f.dateTime(e.createdAt),
                ovs.ago(f.duration(Duration.between(e.createdAt, now))), acknowledged,
                e.resolvedAt == null ? null : ovs.resolvedAt(f.dateTime(e.resolvedAt)), may);
    }

    private String reason(Escalation e) {
        OversightMessages ovs = context.ovs();
        boolean raised = e.level > 1;
        return switch (e.reason) {
            case STEP_OVERDUE -> raised ? ovs.reasonStepOverdueRaised() : ovs.reasonStepOverdue();
            case DECISION_NO -> ovs.reasonDecisionNo();
            case THIRD_PARTY -> ovs.reasonThirdParty();
            case CRITICAL_FINDING -> ovs.reasonCriticalFinding();
            case AGENT_SILENT -> raised ? ovs.reasonAgentSilentRaised() : ovs.reasonAgentSilent();
            case OFFICE_SILENT -> raised ? ovs.reasonOfficeSilentRaised() : ovs.reasonOfficeSilent();
        };
    }

    private static <T> Map<Long, T> byId(Stream<Long> ids, Function<Collection<Long>, List<T>> load,
            Function<T, Long> id) {
        Map<Long, T> found = new HashMap<>();
        List<Long> distinct = ids.filter(Objects::nonNull).distinct().toList();
        if (!distinct.isEmpty()) {
            load.apply(distinct).forEach(t -> found.put(id.apply(t), t));
        }
        return found;
    }
}
