package dev.freeagent.vtuber.dialog.turn;

import java.util.Base64;
import java.util.Optional;

import dev.freeagent.vtuber.dialog.turn.ImageException.Kind;

/**
 * An image the user showed, with what they asked about it (contract §5.10). Only the current turn's image goes to
 * the model; memory keeps the text {@link #userTurn()}, so an image is never sent again in later turns. The array is
 * not copied; nobody changes it after construction.
 *
 * @param data the image file as uploaded (PNG, JPEG, WebP, GIF), not empty
 * @param mimeType its media type; blank means {@code image/png}
 * @param prompt what the user asked about it, trimmed; empty when they asked nothing
 */
public record Picture(byte[] data, String mimeType, Optional<String> prompt) {
    /** The prompt used when the user asked nothing. */
    public static final String DEFAULT_PROMPT = "请描述这张图片。";
    /** What stands for the image in the stored user turn. */
    public static final String MARKER = "[图片输入]";
    private static final long MIB = 1024 * 1024;

    /**
     * Normalises the media type and prompt and refuses an empty image.
     *
     * @throws ImageException when there is no image
     */
    public Picture {
        if (data == null || data.length == 0) {
            throw new ImageException(Kind.IMAGE_REQUIRED, "An image is required.");
        }
        mimeType = mimeType == null || mimeType.isBlank() ? "image/png" : mimeType.strip();
        prompt = prompt.map(String::strip).filter(text -> !text.isEmpty());
    }

    /**
     * An image within the configured size limit.
     *
     * @param data the image file
     * @param mimeType its media type, may be blank
     * @param prompt what the user asked, may be blank
     * @param settings the limit
     * @return the picture
     * @throws ImageException when there is no image or it is too large
     */
    public static Picture of(byte[] data, String mimeType, String prompt, VisionSettings settings) {
        Picture picture = new Picture(data, mimeType, Optional.ofNullable(prompt));
        if (data.length > settings.maxBytes()) {
            long limit = settings.maxBytes();
            throw new ImageException(Kind.PAYLOAD_TOO_LARGE, "The image is larger than the limit of "
                    + (limit % MIB == 0 ? limit / MIB + " MiB." : limit + " bytes."));
        }
        return picture;
    }

    /**
     * The prompt the model is given: the user's, or {@link #DEFAULT_PROMPT}.
     *
     * @return the prompt
     */
    public String promptUsed() {
        return prompt.orElse(DEFAULT_PROMPT);
    }

    /**
     * The user's turn as memory and the outbox keep it: {@code "<prompt>\n[图片输入]"}, or {@code "[图片输入]"}.
     *
     * @return the text
     */
    public String userTurn() {
        return prompt.map(text -> text + "\n" + MARKER).orElse(MARKER);
    }

    /**
     * The image as a data URL, the form OpenAI-compatible models take it in.
     *
     * @return {@code data:<mime>;base64,<data>}
     */
    public String dataUrl() {
        return "data:" + mimeType + ";base64," + Base64.getEncoder().encodeToString(data);
    }
}
