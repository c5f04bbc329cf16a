package dev.freeagent.vtuber.gateway.asr;

/**
 * Why {@code POST /api/asr} failed: the HTTP status and the body's {@code error} (and {@code detail}) of contract
 * §2.3.
 *
 * @param status the HTTP status code
 * @param error the {@code error} value, e.g. {@code audio_or_path_required}
 * @param detail a sentence, or empty
 */
public record AsrFailure(int status, String error, String detail) {
}
