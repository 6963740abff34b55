package id.siaga.ticket.web;

import id.siaga.ticket.escalation.EscalationSweep;
import id.siaga.ticket.support.Agents;
import id.siaga.ticket.support.Api;
import id.siaga.ticket.support.Pages;
import id.siaga.ticket.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The board says "tidak ada laporan" for exactly the agents the silent-agents sweep escalates: three missed report
 * intervals (the agent's own, else 30 s), never inside a maintenance window.
 */
@QuarkusTest
class SilentAgentBoardTest {

    @Inject
    DataSource dataSource;

    @Inject
    EscalationSweep sweep;

    @Test
    void theBoardAndTheSweepCallTheSameAgentsSilent() {
        Agents.Registered quiet = lastSeenTwoMinutesAgo("siak-app-sunyi", null);
        Agents.Registered slow = lastSeenTwoMinutesAgo("siak-app-lambat", 60);
        Agents.Registered planned = lastSeenTwoMinutesAgo("siak-app-rawat", null);
        assertNull(Sql.tryExecute(dataSource, "insert into maintenance_window (server_id, starts_at, ends_at, reason, "
                + "created_by, created_at) values (" + planned.id() + ", now() - interval '10 minutes', now() + interval "
                + "'1 hour', 'Ganti disk', 'kasi', now())"));

        String board = Pages.signIn(Api.VIEWER).get("/papan").asString();
        assertTrue(card(board, quiet.name()).contains("Tidak ada laporan sejak"),
                "2 minutes > 3 × 30 s: " + card(board, quiet.name()));
        assertTrue(card(board, slow.name()).contains("Laporan terakhir"), "2 minutes < 3 × 60 s");
        assertTrue(card(board, planned.name()).contains("sedang pemeliharaan"));
        assertTrue(card(board, planned.name()).contains("Laporan terakhir"), "no agent is silent during maintenance");

        sweep.sweep();
        assertEquals(1, silentAgentEscalations(quiet.id()));
        assertEquals(0, silentAgentEscalations(slow.id()));
        assertEquals(0, silentAgentEscalations(planned.id()));
    }

    private Agents.Registered lastSeenTwoMinutesAgo(String name, Integer intervalSeconds) {
        Agents.Registered server = Agents.register(name, "SIAK_APP");
        assertNull(Sql.tryExecute(dataSource, "update server set agent_last_seen = now() - interval '2 minutes', "
                + "agent_interval_seconds = " + intervalSeconds + " where id = " + server.id()));
        return server;
    }

    private long silentAgentEscalations(long serverId) {
        return Sql.count(dataSource, "select count(*) from escalation where reason = 'AGENT_SILENT' and server_id = " + serverId);
    }

    private static String card(String board, String serverName) {
        int start = board.indexOf("<h3>" + serverName + "</h3>");
        assertTrue(start >= 0, serverName + " is on the board");
        return board.substring(start, board.indexOf("</li>", start));
    }
}
