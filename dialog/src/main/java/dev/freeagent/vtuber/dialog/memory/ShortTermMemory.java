package dev.freeagent.vtuber.dialog.memory;

import java.util.List;

/**
 * The recent messages of each conversation. Implementations are thread-safe; whoever creates one closes it.
 */
public interface ShortTermMemory extends AutoCloseable {
    /**
     * The newest messages of a conversation.
     *
     * @param key the scope
     * @return up to the configured number of messages, oldest first
     */
    List<MemoryTurn> recent(ConversationKey key);

    /**
     * Stores one finished turn and the outbox events it causes in one transaction: the user's text and the reply
     * as delivered (each trimmed; blank ones skipped), the events, then drops the oldest rows beyond the
     * per-conversation limit. An event exists if and only if its turn does.
     *
     * @param key the scope
     * @param taskId the task the turn answered
     * @param userText what the user said
     * @param reply what was delivered
     * @param events the turn's outbox events
     * @return the turn's number in its conversation, from 1 (0 when nothing is stored)
     */
    int remember(ConversationKey key, String taskId, String userText, String reply, TurnEvents events);

    /**
     * Whether the store answers (readiness).
     *
     * @return true when usable
     */
    boolean ping();

    @Override
    void close();
}
