package dev.freeagent.vtuber.ltm.memory;

import java.util.List;

/**
 * A request to remember: either one turn (the facts are extracted from it) or facts given as they are.
 *
 * @param userId whose memory
 * @param correlationId the idempotency key; empty means none (every call writes)
 * @param sessionId the conversation, may be empty
 * @param userText what the user said
 * @param reply what the character answered
 * @param lang language hint, may be empty
 * @param facts facts to store as given; when not empty the texts are ignored
 * @param source where the facts come from, stored with them
 */
public record WriteCommand(String userId, String correlationId, String sessionId, String userText, String reply,
                           String lang, List<String> facts, String source) {
    /**
     * Replaces missing parts by empty values.
     */
    public WriteCommand {
        userId = userId == null ? "" : userId.strip();
        correlationId = correlationId == null ? "" : correlationId.strip();
        sessionId = sessionId == null ? "" : sessionId.strip();
        userText = userText == null ? "" : userText;
        reply = reply == null ? "" : reply;
        lang = lang == null ? "" : lang;
        facts = facts == null ? List.of() : List.copyOf(facts);
        source = source == null || source.isBlank() ? "conversation" : source.strip();
    }

    /**
     * Remember what is worth remembering from a turn.
     *
     * @param userId whose memory
     * @param correlationId idempotency key, may be empty
     * @param sessionId conversation, may be empty
     * @param userText what the user said
     * @param reply what the character answered
     * @param source where the turn comes from
     * @return the command
     */
    public static WriteCommand turn(String userId, String correlationId, String sessionId, String userText,
                                    String reply, String source) {
        return new WriteCommand(userId, correlationId, sessionId, userText, reply, "", List.of(), source);
    }

    /**
     * Remember these facts as they are.
     *
     * @param userId whose memory
     * @param correlationId idempotency key, may be empty
     * @param sessionId conversation, may be empty
     * @param facts the facts
     * @param source where they come from
     * @return the command
     */
    public static WriteCommand facts(String userId, String correlationId, String sessionId, List<String> facts,
                                     String source) {
        return new WriteCommand(userId, correlationId, sessionId, "", "", "", facts, source);
    }
}
