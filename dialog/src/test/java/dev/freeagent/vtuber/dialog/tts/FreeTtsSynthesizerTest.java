package dev.freeagent.vtuber.dialog.tts;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.freeagent.vtuber.dialog.turn.Cancellation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

/**
 * Runs the real FreeTTS kevin16 voice in process.
 */
class FreeTtsSynthesizerTest {
    private static final String SENTENCE = "Hello, this is a test of the fallback voice.";
    private static FreeTtsSynthesizer freeTts;

    @BeforeAll
    static void load() {
        freeTts = new FreeTtsSynthesizer(new FreeTtsSettings(2, Duration.ofSeconds(10)), 4096);
    }

    @AfterAll
    static void unload() {
        freeTts.close();
    }

    private static Recording speak(String text) {
        Recording recording = new Recording();
        freeTts.speak(text, "en", new Cancellation(), recording);
        return recording;
    }

    @Test
    void speaksEnglishAsLittleEndianPcm() {
        Recording recording = speak(SENTENCE);
        assertThat(recording.chunks().stream().map(PcmChunk::format).toList(), everyItem(is(PcmFormat.mono(16_000))));
        assertThat(recording.chunks().stream().map(c -> c.bytes().length).toList(), everyItem(lessThanOrEqualTo(4096)));
        assertThat(recording.seconds(), is(both(greaterThan(1.0)).and(lessThan(6.0))));
        assertThat(recording.rms(), is(greaterThan(0.01)));
        assertThat(recording.roughness(false), is(lessThan(recording.roughness(true) / 2)));
    }

    @Test
    void speaksTwoSentencesAtOnceWithTwoVoices() throws Exception {
        CompletableFuture<Recording> first = CompletableFuture.supplyAsync(() -> speak(SENTENCE));
        CompletableFuture<Recording> second = CompletableFuture.supplyAsync(() -> speak("A second sentence."));
        assertThat(first.get().seconds(), is(greaterThan(1.0)));
        assertThat(second.get().seconds(), is(greaterThan(0.5)));
        assertThat(speak(SENTENCE).bytes(), is(first.get().bytes()));
    }

    @Test
    void stopsAtTheNextWriteWhenCancelled() {
        Cancellation cancellation = new Cancellation();
        Recording recording = new Recording();
        freeTts.speak(SENTENCE + " " + SENTENCE, "en", cancellation, chunk -> {
            recording.accept(chunk);
            if (recording.count() == 2) {
                cancellation.cancel();
            }
        });
        assertThat(recording.count(), is(2));
        assertThat(speak(SENTENCE).count(), is(greaterThan(2)));
    }

    @Test
    void saysNothingForTextWithoutLatinLetters() {
        List<PcmChunk> chunks = speak("你好，世界。").chunks();
        assertThat(chunks.isEmpty(), is(true));
    }
}
