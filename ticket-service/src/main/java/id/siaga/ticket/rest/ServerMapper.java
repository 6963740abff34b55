package id.siaga.ticket.rest;

import id.siaga.ticket.domain.Server;
import id.siaga.ticket.rest.dto.ServerResponse;
import id.siaga.ticket.service.ServerHealth;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/** Converts servers into API answers with their health at a glance. */
@ApplicationScoped
public class ServerMapper {

    private final ServerHealth health;

    public ServerMapper(ServerHealth health) {
        this.health = health;
    }

    /** @param token the agent token to show once, or null */
    public ServerResponse describe(Server server, String token) {
        return toResponse(server, health.of(List.of(server.id)).get(server.id), token);
    }

    public List<ServerResponse> describeAll(List<Server> servers) {
        Map<Long, ServerHealth.Summary> summaries = health.of(servers.stream().map(s -> s.id).toList());
        return servers.stream().map(s -> toResponse(s, summaries.get(s.id), null)).toList();
    }

    private static ServerResponse toResponse(Server s, ServerHealth.Summary summary, String token) {
        ServerHealth.Summary known = summary == null ? ServerHealth.Summary.NONE : summary;
        return new ServerResponse(s.id, s.name, s.role, s.location, s.description, s.agentLastSeen,
                known.worstStatus(), known.openTickets(), s.createdAt, s.isPublic, token);
    }
}
