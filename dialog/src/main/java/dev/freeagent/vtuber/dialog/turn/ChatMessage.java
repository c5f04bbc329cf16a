package dev.freeagent.vtuber.dialog.turn;

import java.util.Objects;
import java.util.Optional;

/**
 * One message of the prompt, in the OpenAI chat format.
 *
 * @param role {@code system}, {@code user} or {@code assistant}
 * @param content the text
 * @param picture an image that goes with the text (only the current turn's user message has one); the message is
 *                then sent as content parts, the text first
 */
public record ChatMessage(String role, String content, Optional<Picture> picture) {
    /**
     * Checks the fields.
     */
    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(picture, "picture");
    }

    /**
     * A text message.
     *
     * @param role the role
     * @param content text
     */
    public ChatMessage(String role, String content) {
        this(role, content, Optional.empty());
    }

    /**
     * A system message.
     *
     * @param content text
     * @return the message
     */
    public static ChatMessage system(String content) {
        return new ChatMessage("system", content);
    }

    /**
     * A user message.
     *
     * @param content text
     * @return the message
     */
    public static ChatMessage user(String content) {
        return new ChatMessage("user", content);
    }

    /**
     * A user message about an image.
     *
     * @param content the question about the image
     * @param picture the image
     * @return the message
     */
    public static ChatMessage user(String content, Picture picture) {
        return new ChatMessage("user", content, Optional.of(picture));
    }

    /**
     * An assistant message.
     *
     * @param content text
     * @return the message
     */
    public static ChatMessage assistant(String content) {
        return new ChatMessage("assistant", content);
    }
}
