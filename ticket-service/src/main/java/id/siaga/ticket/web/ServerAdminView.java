package id.siaga.ticket.web;

import java.util.List;

/**
 * The administrator's pages about servers and their agents.
 *
 * @param servers every server, by name
 * @param form    what was typed into the form shown (register on the list, edit on one server)
 * @param errors  what is wrong with it
 * @param roles   the server role choices
 * @param server  the server shown, or null on the list
 */
public record ServerAdminView(List<Row> servers, ServerForm form, FormErrors errors, List<Option> roles, Row server) {

    /**
     * One server and what its agent's latest heartbeat says.
     *
     * @param interval   the agent's report interval in words, or empty
     * @param backlog    findings waiting in the agent's outbox, in words, or empty
     * @param lastReport when the agent last reported, or the words for never
     */
    public record Row(long id, String name, String role, String location, String agentVersion, String interval,
            String backlog, String lastReport) {
    }

    /**
     * A token shown once, with what to paste on the server.
     *
     * @param token   the agent token, or null when it was shown already
     * @param install the install command line
     * @param env     the line of {@code /etc/siaga/agent.env}
     * @param config  the first lines of {@code /etc/siaga/agent.yaml}
     * @param test    the lines that test and start the agent
     */
    public record Token(Row server, String token, String install, String env, String config, String test) {
    }
}
