package dev.freeagent.vtuber.dialog.turn;

import java.util.Objects;

import dev.freeagent.vtuber.dialog.DialogException;

/**
 * An image the user showed cannot be used. The {@link Kind} says why, so each edge maps it in one switch; the
 * message is a sentence for the user.
 */
public final class ImageException extends DialogException {
    /**
     * Why the image was refused (with the contract's HTTP answer for each).
     */
    public enum Kind {
        /** Nothing was sent (400 {@code image required}). */
        IMAGE_REQUIRED,
        /** More bytes than {@code dialog.vision.max-bytes} (413 {@code image payload too large}). */
        PAYLOAD_TOO_LARGE
    }

    private final Kind kind;

    /**
     * Creates the exception.
     *
     * @param kind why
     * @param sentence a sentence for the user
     */
    public ImageException(Kind kind, String sentence) {
        super(sentence, null);
        this.kind = Objects.requireNonNull(kind);
    }

    /**
     * Why the image was refused.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }
}
