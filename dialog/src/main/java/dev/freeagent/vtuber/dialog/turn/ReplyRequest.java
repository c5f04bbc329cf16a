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
 * @param picture the image the user showed in this turn, when they showed one (it is also in the last message)
 */
public record ReplyRequest(String conversationId, String userText, Optional<String> lang, List<ChatMessage> messages,
                           Optional<Picture> picture) {
    /**
     * Copies the list.
     */
    public ReplyRequest {
        messages = List.copyOf(messages);
    }

    /**
     * A request about text only.
     *
     * @param conversationId sent to the LLM as {@code x-session-id}
     * @param userText the user's message
     * @param lang the requested language, when given
     * @param messages the whole prompt, ending with the user's message
     */
    public ReplyRequest(String conversationId, String userText, Optional<String> lang, List<ChatMessage> messages) {
        this(conversationId, userText, lang, messages, Optional.empty());
    }
}
