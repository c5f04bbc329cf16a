package dev.freeagent.vtuber.dialog.asr;

import dev.freeagent.vtuber.dialog.audio.PcmAudio;
import dev.freeagent.vtuber.dialog.turn.Cancellation;

/**
 * Stands in for a provider that is configured but cannot work (e.g. {@code whisper} without a server address):
 * every recording is answered with {@link AsrException.Kind#UNAVAILABLE} and the reason, never with a mock
 * transcript.
 */
public final class UnavailableAsr implements AsrProvider {
    private final String name;
    private final String reason;

    /**
     * Creates the stand-in.
     *
     * @param name the configured provider's name
     * @param reason a sentence saying why it cannot work
     */
    public UnavailableAsr(String name, String reason) {
        this.name = name;
        this.reason = reason;
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Why the provider cannot work.
     *
     * @return a sentence
     */
    public String reason() {
        return reason;
    }

    @Override
    public Transcript transcribe(PcmAudio audio, String lang, Cancellation cancellation) {
        throw new AsrException(AsrException.Kind.UNAVAILABLE, reason, null);
    }
}
