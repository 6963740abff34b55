package id.siaga.ticket.service;

import id.siaga.ticket.domain.Caller;
import id.siaga.ticket.domain.InvalidRequestException;
import id.siaga.ticket.domain.MaintenanceWindow;
import id.siaga.ticket.domain.ResourceNotFoundException;
import id.siaga.ticket.repository.MaintenanceWindowRepository;
import id.siaga.ticket.repository.ServerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Maintenance windows: planned work during which a server's findings open no tickets and raise no
 * escalations and its tickets' clocks stop. Adding or removing a window moves the due times of the open
 * steps it touches.
 */
@ApplicationScoped
public class MaintenanceService {

    private static final Logger LOG = Logger.getLogger(MaintenanceService.class);

    private final MaintenanceWindowRepository windows;
    private final ServerRepository servers;
    private final DueTimes dueTimes;
    private final Clock clock;

    public MaintenanceService(MaintenanceWindowRepository windows, ServerRepository servers, DueTimes dueTimes, Clock clock) {
        this.clock = clock;
        this.windows = windows;
        this.servers = servers;
        this.dueTimes = dueTimes;
    }

    /**
     * @param serverId the server, or null for all servers
     * @throws InvalidRequestException when the server does not exist or the window ends before it starts
     */
    @Transactional
    public MaintenanceWindow plan(Long serverId, Instant startsAt, Instant endsAt, String reason, Caller caller) {
        if (serverId != null && servers.findByIdOptional(serverId).isEmpty()) {
            throw new InvalidRequestException("serverId", "there is no server with id " + serverId);
        }
        if (!endsAt.isAfter(startsAt)) {
            throw new InvalidRequestException("to", "must be after from");
        }
        MaintenanceWindow window = new MaintenanceWindow();
        window.serverId = serverId;
        window.startsAt = startsAt;
        window.endsAt = endsAt;
        window.reason = reason.trim();
        window.createdBy = caller.username();
        window.createdAt = clock.instant();
        windows.persist(window);
        LOG.infof("%s planned maintenance %s for %s from %s to %s", caller.username(), window.id,
                serverId == null ? "all servers" : "server " + serverId, startsAt, endsAt);
        dueTimes.recompute(serverId);
        return window;
    }

    @Transactional
    public void cancel(long id, Caller caller) {
        MaintenanceWindow window = windows.findByIdOptional(id).filter(w -> w.deletedAt == null)
                .orElseThrow(() -> new ResourceNotFoundException("There is no maintenance window with id " + id + "."));
        window.deletedAt = clock.instant();
        window.deletedBy = caller.username();
        windows.flush();
        dueTimes.recompute(window.serverId);
    }

    public MaintenanceWindow get(long id) {
        return windows.findByIdOptional(id).filter(w -> w.deletedAt == null)
                .orElseThrow(() -> new ResourceNotFoundException("There is no maintenance window with id " + id + "."));
    }

    /** @return windows that have not ended yet */
    public List<MaintenanceWindow> current() {
        return windows.current(clock.instant());
    }

    /** @return whether findings of the server at that moment fall inside a window */
    public boolean inMaintenance(long serverId, Instant at) {
        return !windows.overlapping(serverId, at, at.plusNanos(1000)).isEmpty();
    }
}
