package dev.freeagent.vtuber.input.turn;

import java.util.Locale;

/**
 * The kind of input a turn answers; its wire name is the result's {@code input_mode}.
 */
public enum InputMode {
    /** A typed message. */
    TEXT,
    /** Recorded speech. */
    AUDIO,
    /** An image with an optional prompt. */
    IMAGE;

    /**
     * The wire name.
     *
     * @return {@code "text"}, {@code "audio"} or {@code "image"}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
