package dev.freeagent.vtuber.dialog.turn;

import java.util.List;
import java.util.Optional;

/**
 * What a {@link Responder} needs to write a reply.
 *
 * @param conversationId sent to the LLM as {@code x-session-id}
 * @param userText the user's message
 * @param lang the requested language, when given
 * @param messages the whole prompt, ending with the user's message
 */
public record ReplyRequest(String conversationId, String userText, Optional<String> lang, List<ChatMessage> messages) {
    /**
     * Copies the list.
     */
    public ReplyRequest {
        messages = List.copyOf(messages);
    }
}
