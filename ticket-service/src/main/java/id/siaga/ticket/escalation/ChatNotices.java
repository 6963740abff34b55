package id.siaga.ticket.escalation;

import java.util.List;
import java.util.Set;

/**
 * The chat messages that carry an escalation (Telegram): one message per chat, sent once and edited as the escalation
 * changes. Escalation owns this port and the {@code telegram} package implements it, so the chains never import the
 * Bot API.
 */
public interface ChatNotices {

    /**
     * Records the chats that get a new escalation's message.
     *
     * @return the chats to queue a notice for; none while chat notices are off
     */
    Set<Long> newMessageChats(Escalation e);

    /** @return the chats that have (or are about to get) the escalation's message, to be edited after a change */
    List<Long> messageChats(long escalationId);

    /**
     * Sends the escalation's message to the chat, or edits the one sent before to read as the escalation is now.
     *
     * @return false when another instance is sending to that chat right now (try again shortly)
     * @throws ChatRefusedException when the chat service refused the call or could not be reached
     */
    boolean deliver(long escalationId, long chatId) throws ChatRefusedException;
}
