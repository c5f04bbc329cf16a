package dev.freeagent.vtuber.dialog.tts;

import java.time.Duration;

import io.helidon.config.Config;

/**
 * FreeTTS settings, from {@code dialog.tts.freetts.*}.
 *
 * @param maxVoices {@code max-voices}: sentences spoken at once; each needs its own loaded voice (~0.4 s to load,
 *                  the first at start, the others when first needed)
 * @param timeout {@code timeout-seconds}: the longest one sentence may take, waiting for a free voice included
 */
public record FreeTtsSettings(int maxVoices, Duration timeout) {
    /** The defaults of {@code dialog.yaml}. */
    public static final FreeTtsSettings DEFAULTS = new FreeTtsSettings(2, Duration.ofSeconds(30));

    /**
     * Validates; every message names the key.
     */
    public FreeTtsSettings {
        if (maxVoices < 1 || maxVoices > 64) {
            throw new IllegalArgumentException("dialog.tts.freetts.max-voices must be 1..64, got " + maxVoices);
        }
        if (timeout.toMillis() < 100) {
            throw new IllegalArgumentException("dialog.tts.freetts.timeout-seconds must be at least 0.1, got "
                    + timeout.toMillis() / 1000.0);
        }
    }

    /**
     * Reads the settings.
     *
     * @param freetts the {@code dialog.tts.freetts} node
     * @return settings
     */
    public static FreeTtsSettings from(Config freetts) {
        return new FreeTtsSettings(freetts.get("max-voices").asInt().orElse(DEFAULTS.maxVoices()),
                TtsSettings.seconds(freetts.get("timeout-seconds"), DEFAULTS.timeout()));
    }
}
