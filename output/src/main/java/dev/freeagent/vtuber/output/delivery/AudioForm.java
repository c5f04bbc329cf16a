package dev.freeagent.vtuber.output.delivery;

import java.util.Locale;
import java.util.Set;

/**
 * How a client socket wants its reply audio, chosen by the {@code stream} query parameter of
 * {@code /ws/output/{task_id}}.
 */
public enum AudioForm {
    /** Streamed PCM: each chunk as it is spoken, with text deltas and a control END ({@code ?stream=1}). */
    STREAM,
    /** One WAV file in 64 KiB slices after the result, as the original front end understands (the default). */
    FILE;

    private static final Set<String> YES = Set.of("1", "true", "yes");

    /**
     * Reads the {@code stream} query parameter.
     *
     * @param stream the parameter's value, empty when absent
     * @return {@link #STREAM} for {@code 1}, {@code true} or {@code yes} (any case), else {@link #FILE}
     */
    public static AudioForm ofStreamParameter(String stream) {
        return YES.contains(stream.trim().toLowerCase(Locale.ROOT)) ? STREAM : FILE;
    }
}
