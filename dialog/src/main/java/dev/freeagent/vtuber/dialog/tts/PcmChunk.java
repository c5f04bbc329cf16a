package dev.freeagent.vtuber.dialog.tts;

/**
 * A piece of synthesised audio: signed 16-bit little-endian PCM in {@code format}, or, for the contract's mock
 * provider only, opaque bytes ({@link PcmFormat#OPAQUE}).
 *
 * @param format how to read the bytes
 * @param bytes the audio
 */
public record PcmChunk(PcmFormat format, byte[] bytes) {
}
