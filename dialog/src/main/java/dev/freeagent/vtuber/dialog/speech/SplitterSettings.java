package dev.freeagent.vtuber.dialog.speech;

import io.helidon.config.Config;

/**
 * Sentence splitter settings, from {@code dialog.tts.splitter.*}.
 *
 * @param firstMinChars {@code first-min-chars}: the first sentence of a reply may end at a comma or colon once it
 *                      has at least this many characters, so the first audio starts early
 * @param maxChars {@code max-chars}: no sentence is longer; a longer run is cut at its last comma or space
 */
public record SplitterSettings(int firstMinChars, int maxChars) {
    /** The defaults of {@code dialog.yaml}. */
    public static final SplitterSettings DEFAULTS = new SplitterSettings(10, 150);

    /**
     * Validates; every message names the key.
     */
    public SplitterSettings {
        if (maxChars < 10 || maxChars > 10_000) {
            throw new IllegalArgumentException("dialog.tts.splitter.max-chars must be 10..10000, got " + maxChars);
        }
        if (firstMinChars < 1 || firstMinChars > maxChars) {
            throw new IllegalArgumentException("dialog.tts.splitter.first-min-chars must be 1..max-chars ("
                    + maxChars + "), got " + firstMinChars);
        }
    }

    /**
     * Reads the settings.
     *
     * @param splitter the {@code dialog.tts.splitter} node
     * @return settings
     */
    public static SplitterSettings from(Config splitter) {
        return new SplitterSettings(splitter.get("first-min-chars").asInt().orElse(DEFAULTS.firstMinChars()),
                splitter.get("max-chars").asInt().orElse(DEFAULTS.maxChars()));
    }
}
