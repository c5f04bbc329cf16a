package dev.freeagent.vtuber.output.speech;

/**
 * What a speech stream carries, which decides how it reaches the client.
 */
public enum SpeechKind {
    /** 16-bit PCM of a reply: streamed or as one WAV, as the client socket chose. */
    REPLY,
    /** Opaque bytes of the contract's mock provider ({@code /tts/mock}): always streamed in the contract's shape. */
    PASSTHROUGH
}
