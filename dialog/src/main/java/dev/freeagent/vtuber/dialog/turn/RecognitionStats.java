package dev.freeagent.vtuber.dialog.turn;

import java.util.OptionalDouble;

/**
 * Measurements of the speech recognition that turned a recording into the user's text.
 *
 * @param provider the recogniser that produced the transcript ({@code pocketsphinx}, {@code openai}, {@code mock})
 * @param latencyMs milliseconds the recognition took (decoding excluded), one decimal
 * @param durationSeconds how long the recording plays, when known
 * @param decodeMs milliseconds spent decoding the upload to PCM, one decimal
 */
public record RecognitionStats(String provider, double latencyMs, OptionalDouble durationSeconds, double decodeMs) {
}
