package dev.freeagent.vtuber.dialog.turn;

import java.util.Map;
import java.util.Optional;

import dev.freeagent.vtuber.dialog.memory.ConversationKey;

/**
 * One turn as the edges hand it to the core.
 *
 * @param taskId the upload or request this turn answers; carried by every log line
 * @param conversationId whose short-term memory the turn reads and extends; blank means the task id
 * @param userId owner of the conversation; blank means {@code "anonymous"}
 * @param turn the client's turn number, 0 when unknown
 * @param text what the user said as memory keeps it (typed text, transcript, or {@link Picture#userTurn()}), not
 *             blank
 * @param meta the client's meta values that are strings ({@code lang}, {@code system_prompt}, ...)
 * @param input how the message reached the dialog
 */
public record TurnRequest(String taskId, String conversationId, String userId, int turn, String text,
                          Map<String, String> meta, TurnInput input) {
    /** The user id of turns that name none. */
    public static final String ANONYMOUS = "anonymous";

    /**
     * Normalises the ids and rejects a blank text.
     *
     * @throws InvalidTurnException when the text is blank
     */
    public TurnRequest {
        taskId = taskId == null ? "" : taskId;
        conversationId = conversationId == null || conversationId.isBlank() ? taskId : conversationId;
        userId = userId == null || userId.isBlank() ? ANONYMOUS : userId;
        if (text == null || text.isBlank()) {
            throw new InvalidTurnException("content required");
        }
        meta = meta == null ? Map.of() : Map.copyOf(meta);
        input = input == null ? TurnInput.TYPED : input;
    }

    /**
     * A typed turn.
     *
     * @param taskId the task
     * @param conversationId the conversation; blank means the task id
     * @param userId the user; blank means anonymous
     * @param turn the client's turn number
     * @param text what the user wrote, not blank
     * @param meta the client's string meta values
     */
    public TurnRequest(String taskId, String conversationId, String userId, int turn, String text,
                       Map<String, String> meta) {
        this(taskId, conversationId, userId, turn, text, meta, TurnInput.TYPED);
    }

    /**
     * A turn about an image: its text is the picture's {@link Picture#userTurn()}.
     *
     * @param taskId the task
     * @param conversationId the conversation; blank means the task id
     * @param userId the user; blank means anonymous
     * @param turn the client's turn number
     * @param meta the client's string meta values
     * @param picture the image and its prompt
     * @return the request
     */
    public static TurnRequest showing(String taskId, String conversationId, String userId, int turn,
                                      Map<String, String> meta, Picture picture) {
        return new TurnRequest(taskId, conversationId, userId, turn, picture.userTurn(), meta,
                new TurnInput.Shown(picture));
    }

    /**
     * The memory scope of this turn.
     *
     * @return (user id, conversation id)
     */
    public ConversationKey conversation() {
        return new ConversationKey(userId, conversationId);
    }

    /**
     * The language the client asked for ({@code meta.lang}), when not blank.
     *
     * @return e.g. {@code "zh"}
     */
    public Optional<String> lang() {
        return nonBlank(meta.get("lang"));
    }

    /**
     * The caller's system prompt ({@code meta.system_prompt}), which replaces the persona, when not blank.
     *
     * @return the prompt
     */
    public Optional<String> systemPrompt() {
        return nonBlank(meta.get("system_prompt"));
    }

    /**
     * The image of a turn about one.
     *
     * @return the picture, empty for typed and spoken turns
     */
    public Optional<Picture> picture() {
        return input instanceof TurnInput.Shown shown ? Optional.of(shown.picture()) : Optional.empty();
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
