package dev.freeagent.vtuber.dialog.tts;

import java.time.Duration;

import io.helidon.config.Config;

/**
 * espeak-ng settings, from {@code dialog.tts.espeak.*}.
 *
 * @param binary {@code binary}: the program, a path or a name looked up on PATH
 * @param voice {@code voice}: the voice for English and every language other than Chinese
 * @param mandarinVoice {@code mandarin-voice}: the voice for Chinese, which is handed over as pinyin
 * @param speed {@code speed}: words per minute ({@code -s})
 * @param timeout {@code timeout-seconds}: the longest one sentence may take; the process is killed after it
 */
public record EspeakSettings(String binary, String voice, String mandarinVoice, int speed, Duration timeout) {
    /** The defaults of {@code dialog.yaml}. */
    public static final EspeakSettings DEFAULTS = new EspeakSettings("espeak-ng", "en-us", "cmn-latn-pinyin", 175,
            Duration.ofSeconds(30));

    /**
     * Validates; every message names the key.
     */
    public EspeakSettings {
        binary = required("binary", binary);
        voice = required("voice", voice);
        mandarinVoice = required("mandarin-voice", mandarinVoice);
        if (speed < 80 || speed > 500) {
            throw new IllegalArgumentException("dialog.tts.espeak.speed must be 80..500 words per minute, got " + speed);
        }
        if (timeout.toMillis() < 100) {
            throw new IllegalArgumentException("dialog.tts.espeak.timeout-seconds must be at least 0.1, got "
                    + timeout.toMillis() / 1000.0);
        }
    }

    /**
     * Reads the settings.
     *
     * @param espeak the {@code dialog.tts.espeak} node
     * @return settings
     */
    public static EspeakSettings from(Config espeak) {
        return new EspeakSettings(espeak.get("binary").asString().orElse(DEFAULTS.binary()),
                espeak.get("voice").asString().orElse(DEFAULTS.voice()),
                espeak.get("mandarin-voice").asString().orElse(DEFAULTS.mandarinVoice()),
                espeak.get("speed").asInt().orElse(DEFAULTS.speed()),
                TtsSettings.seconds(espeak.get("timeout-seconds"), DEFAULTS.timeout()));
    }

    private static String required(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("dialog.tts.espeak." + key + " must not be empty");
        }
        return value.strip();
    }
}
