package dev.freeagent.vtuber.dialog.asr;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.freeagent.vtuber.dialog.asr.Transcript.Partial;
import dev.freeagent.vtuber.dialog.audio.PcmAudio;
import dev.freeagent.vtuber.dialog.turn.Cancellation;
import dev.freeagent.vtuber.dialog.turn.TurnCancelledException;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TranscriptTest {
    private static final PcmAudio SECOND = new PcmAudio(new byte[32_000], 16_000, 1);

    @Test
    void aFinalPartialWithTheWholeTextIsAppendedAfterInterimOnes() {
        Transcript transcript = Transcript.of(" hello world ", List.of(Partial.interim("hello"),
                Partial.interim("world")), Optional.of("pocketsphinx"), OptionalDouble.of(2.0));
        assertThat(transcript.text(), is("hello world"));
        assertThat(transcript.partials(), contains(Partial.interim("hello"), Partial.interim("world"),
                Partial.finalText("hello world")));
    }

    @Test
    void aTranscriptWithoutPartialsGetsOneFinalPartial() {
        Transcript transcript = Transcript.of("", List.of(), Optional.of("openai"), OptionalDouble.empty());
        assertThat(transcript.partials(), contains(Partial.finalText("")));
    }

    @Test
    void aLastPartialThatIsFinalIsKept() {
        Partial last = new Partial("hi there", true, OptionalDouble.of(0.8));
        Transcript transcript = Transcript.of("hi there", List.of(Partial.interim("hi"), last), Optional.empty(),
                OptionalDouble.empty());
        assertThat(transcript.partials(), contains(Partial.interim("hi"), last));
    }

    @Test
    void aTranscriptMustEndWithAFinalPartial() {
        assertThrows(IllegalArgumentException.class, () -> new Transcript("x", List.of(Partial.interim("x")),
                Optional.empty(), OptionalDouble.empty()));
    }

    @Test
    void theMockAnswersExactlyWhatTheContractSays() {
        MockAsr mock = new MockAsr();
        Transcript transcript = mock.transcribe(SECOND, "zh", new Cancellation());
        assertThat(mock.name(), is("mock"));
        assertThat(transcript.text(), is("mock transcription"));
        assertThat(transcript.partials(), contains(new Partial("mock transcription", true, OptionalDouble.empty())));
        assertThat(transcript.provider(), is(Optional.empty()));
        assertThat(transcript.durationSeconds(), is(OptionalDouble.empty()));
    }

    @Test
    void theMockHonoursCancellation() {
        Cancellation cancelled = new Cancellation();
        cancelled.cancel();
        assertThrows(TurnCancelledException.class, () -> new MockAsr().transcribe(SECOND, "", cancelled));
    }
}
