package dev.freeagent.vtuber.dialog.asr;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.freeagent.vtuber.dialog.audio.PcmAudio;
import dev.freeagent.vtuber.dialog.turn.Cancellation;

/**
 * The contract's mock recogniser (§5.8): ignores the audio and answers {@code mock transcription} with one final
 * partial, no confidence, no provider and no duration.
 */
public final class MockAsr implements AsrProvider {
    /** The text it always hears. */
    public static final String TEXT = "mock transcription";

    @Override
    public String name() {
        return "mock";
    }

    @Override
    public Transcript transcribe(PcmAudio audio, String lang, Cancellation cancellation) {
        cancellation.throwIfCancelled();
        return new Transcript(TEXT, List.of(Transcript.Partial.finalText(TEXT)), Optional.empty(),
                OptionalDouble.empty());
    }
}
