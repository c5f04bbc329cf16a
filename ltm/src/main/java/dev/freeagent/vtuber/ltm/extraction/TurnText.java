package dev.freeagent.vtuber.ltm.extraction;

/**
 * One turn of a conversation, as text.
 *
 * @param userText what the user said, may be empty
 * @param reply what the character answered, may be empty
 * @param lang a language hint ({@code zh}, {@code en}), may be empty
 */
public record TurnText(String userText, String reply, String lang) {
    /**
     * Replaces missing parts by empty strings.
     */
    public TurnText {
        userText = userText == null ? "" : userText.strip();
        reply = reply == null ? "" : reply.strip();
        lang = lang == null ? "" : lang.strip();
    }
}
