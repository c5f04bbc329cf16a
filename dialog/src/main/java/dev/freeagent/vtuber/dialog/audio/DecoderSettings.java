package dev.freeagent.vtuber.dialog.audio;

import java.math.BigDecimal;
import java.time.Duration;

import io.helidon.config.Config;

/**
 * Decoding settings, from the {@code dialog.asr} node.
 *
 * @param ffmpeg {@code ffmpeg}: the program, a name looked up on PATH or a path
 * @param maxBytes {@code max-bytes} (ASR_MAX_BYTES): the largest encoded recording; one byte more is refused
 * @param maxDurationSeconds {@code max-duration-seconds} (ASR_MAX_DURATION_SECONDS): the longest decoded recording;
 *                           anything longer is refused
 * @param sampleRate {@code target-sample-rate} (ASR_TARGET_SAMPLE_RATE): the rate of the decoded PCM
 * @param channels {@code target-channels} (ASR_TARGET_CHANNELS): always 1, recognisers take mono
 * @param timeout {@code decode-timeout-seconds}: the longest a decoding may take
 */
public record DecoderSettings(String ffmpeg, long maxBytes, double maxDurationSeconds, int sampleRate, int channels,
                              Duration timeout) {
    /**
     * Validates; every message names the key.
     */
    public DecoderSettings {
        if (ffmpeg == null || ffmpeg.isBlank()) {
            throw new IllegalArgumentException("dialog.asr.ffmpeg must name the ffmpeg program");
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("dialog.asr.max-bytes must be at least 1, got " + maxBytes);
        }
        if (!(maxDurationSeconds > 0) || maxDurationSeconds > 86_400) {
            throw new IllegalArgumentException("dialog.asr.max-duration-seconds must be above 0 and at most 86400, "
                    + "got " + maxDurationSeconds);
        }
        if (sampleRate < 8000 || sampleRate > 48_000) {
            throw new IllegalArgumentException("dialog.asr.target-sample-rate must be 8000..48000, got "
                    + sampleRate);
        }
        if (channels != 1) {
            throw new IllegalArgumentException("dialog.asr.target-channels must be 1 (speech recognisers take "
                    + "mono), got " + channels);
        }
        if (timeout.toMillis() < 100) {
            throw new IllegalArgumentException("dialog.asr.decode-timeout-seconds must be at least 0.1, got "
                    + timeout.toMillis() / 1000.0);
        }
    }

    /**
     * Reads the settings.
     *
     * @param asr the {@code dialog.asr} node
     * @return settings
     */
    public static DecoderSettings from(Config asr) {
        return new DecoderSettings(asr.get("ffmpeg").asString().orElse("ffmpeg").trim(),
                asr.get("max-bytes").asLong().orElse(5_242_880L),
                asr.get("max-duration-seconds").asDouble().orElse(300.0),
                asr.get("target-sample-rate").asInt().orElse(16_000),
                asr.get("target-channels").asInt().orElse(1),
                Duration.ofMillis(Math.round(asr.get("decode-timeout-seconds").asDouble().orElse(30.0) * 1000)));
    }

    /**
     * The most frames a recording may have: a duration above the limit means more frames than this.
     *
     * @return {@code floor(max-duration-seconds × sample rate)}
     */
    public long maxFrames() {
        return BigDecimal.valueOf(maxDurationSeconds).multiply(BigDecimal.valueOf(sampleRate)).longValue();
    }
}
