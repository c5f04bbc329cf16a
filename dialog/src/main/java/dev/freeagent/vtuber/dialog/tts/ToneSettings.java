package dev.freeagent.vtuber.dialog.tts;

import java.time.Duration;

import io.helidon.config.Config;

/**
 * Settings of the tone provider, from {@code dialog.tts.tone.*}.
 *
 * @param perCharacter {@code ms-per-char}: audio length per character of the sentence
 * @param frequencyHz {@code frequency-hz}: the pitch of the tone
 * @param realTime {@code real-time}: wait 40 ms after each 40 ms chunk, as a real voice would take
 */
public record ToneSettings(Duration perCharacter, int frequencyHz, boolean realTime) {
    /** The defaults of {@code dialog.yaml}: 60 ms per character, 440 Hz, no waiting. */
    public static final ToneSettings DEFAULTS = new ToneSettings(Duration.ofMillis(60), 440, false);

    /**
     * Validates; every message names the key.
     */
    public ToneSettings {
        if (perCharacter.toMillis() < 1 || perCharacter.toMillis() > 1000) {
            throw new IllegalArgumentException("dialog.tts.tone.ms-per-char must be 1..1000, got "
                    + perCharacter.toMillis());
        }
        if (frequencyHz < 20 || frequencyHz > 7_999) {
            throw new IllegalArgumentException("dialog.tts.tone.frequency-hz must be 20..7999, got " + frequencyHz);
        }
    }

    /**
     * Reads the settings.
     *
     * @param tone the {@code dialog.tts.tone} node
     * @return settings
     */
    public static ToneSettings from(Config tone) {
        return new ToneSettings(Duration.ofMillis(tone.get("ms-per-char").asLong().orElse(60L)),
                tone.get("frequency-hz").asInt().orElse(DEFAULTS.frequencyHz()),
                tone.get("real-time").asBoolean().orElse(DEFAULTS.realTime()));
    }
}
