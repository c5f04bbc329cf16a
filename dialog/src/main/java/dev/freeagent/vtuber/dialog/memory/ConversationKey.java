package dev.freeagent.vtuber.dialog.memory;

import java.util.Objects;

/**
 * The scope of short-term memory.
 *
 * @param userId the conversation's owner
 * @param conversationId the conversation
 */
public record ConversationKey(String userId, String conversationId) {
    /**
     * Checks the fields.
     */
    public ConversationKey {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(conversationId, "conversationId");
    }
}
