package dev.freeagent.vtuber.dialog.turn;

import io.helidon.config.Config;

/**
 * Image input settings, from the {@code dialog.vision} node.
 *
 * @param maxBytes {@code max-bytes} (VISION_MAX_BYTES): the largest image accepted, in bytes once decoded; one
 *                 byte more is refused
 */
public record VisionSettings(long maxBytes) {
    /**
     * Validates; the message names the key.
     */
    public VisionSettings {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("dialog.vision.max-bytes must be at least 1, got " + maxBytes);
        }
    }

    /**
     * Reads the settings.
     *
     * @param vision the {@code dialog.vision} node
     * @return settings
     */
    public static VisionSettings from(Config vision) {
        return new VisionSettings(vision.get("max-bytes").asLong().orElse(4_194_304L));
    }
}
