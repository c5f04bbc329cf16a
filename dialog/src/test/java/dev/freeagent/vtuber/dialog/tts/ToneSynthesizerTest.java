package dev.freeagent.vtuber.dialog.tts;

import java.time.Duration;

import dev.freeagent.vtuber.dialog.turn.Cancellation;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

class ToneSynthesizerTest {
    private final ToneSynthesizer tone = new ToneSynthesizer(ToneSettings.DEFAULTS);

    private Recording speak(ToneSynthesizer synthesizer, String text) {
        Recording recording = new Recording();
        synthesizer.speak(text, "en", new Cancellation(), recording);
        return recording;
    }

    @Test
    void lastsSixtyMillisecondsPerCharacterIn40MsChunks() {
        Recording hello = speak(tone, "hello");
        assertThat(hello.seconds(), is(closeTo(0.300, 1e-9)));
        assertThat(hello.count(), is(8));
        assertThat(hello.chunks().subList(0, 7).stream().map(c -> c.bytes().length).toList(), everyItem(is(1280)));
        assertThat(hello.chunks().getLast().bytes().length, is(640));
        assertThat(hello.chunks().stream().map(PcmChunk::format).toList(), everyItem(is(PcmFormat.mono(16_000))));
        assertThat(speak(tone, "你好世界").seconds(), is(closeTo(0.240, 1e-9)));
    }

    @Test
    void isDeterministicAndAudible() {
        byte[] first = speak(tone, "Same sentence.").bytes();
        assertThat(speak(new ToneSynthesizer(ToneSettings.DEFAULTS), "Same sentence.").bytes(), is(first));
        assertThat(speak(tone, "Same sentence.").rms(), is(closeTo(0.3 / Math.sqrt(2), 0.01)));
        assertThat(speak(tone, "A longer sentence.").bytes().length, is(not(first.length)));
    }

    @Test
    void pacesInRealTimeWhenAsked() {
        ToneSynthesizer paced = new ToneSynthesizer(new ToneSettings(Duration.ofMillis(40), 440, true));
        long start = System.nanoTime();
        assertThat(speak(paced, "abc").count(), is(3));
        assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis(), is(greaterThanOrEqualTo(80L)));
    }

    @Test
    void stopsWhenCancelled() {
        Cancellation cancellation = new Cancellation();
        Recording recording = new Recording();
        tone.speak("a long sentence of many characters", "en", cancellation, chunk -> {
            recording.accept(chunk);
            cancellation.cancel();
        });
        assertThat(recording.count(), is(1));
        assertThat(speak(tone, "a long sentence of many characters").count(), is(greaterThan(1)));
    }
}
