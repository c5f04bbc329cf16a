package dev.freeagent.vtuber.dialog.tts;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.freeagent.vtuber.dialog.turn.Cancellation;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

class MockSynthesizerTest {
    private static final MockSynthesizer THREE_QUICK = new MockSynthesizer(new MockSettings(3, Duration.ZERO));

    private static List<String> texts(MockSynthesizer mock, String text) {
        Recording recording = new Recording();
        mock.speak(text, "", new Cancellation(), recording);
        return recording.chunks().stream().map(c -> new String(c.bytes(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void emitsTheFirstEightBytesADashAndTheIndex() {
        assertThat(texts(THREE_QUICK, "benchmark-stream"), contains("benchmar-0", "benchmar-1", "benchmar-2"));
        assertThat(texts(THREE_QUICK, "hi"), contains("hi-0", "hi-1", "hi-2"));
        assertThat(texts(THREE_QUICK, ""), contains("FAKE-0", "FAKE-1", "FAKE-2"));
    }

    @Test
    void cutsUtf8TextAtEightBytesNotCharacters() {
        Recording recording = new Recording();
        THREE_QUICK.speak("你好世界", "zh", new Cancellation(), recording);
        byte[] expected = new byte[10];
        System.arraycopy("你好世界".getBytes(StandardCharsets.UTF_8), 0, expected, 0, 8);
        expected[8] = '-';
        expected[9] = '0';
        assertThat(recording.chunks().getFirst().bytes(), is(expected));
    }

    @Test
    void marksChunksAsOpaque() {
        Recording recording = new Recording();
        THREE_QUICK.speak("x", "", new Cancellation(), recording);
        assertThat(recording.chunks().stream().map(PcmChunk::format).toList(), everyItem(is(PcmFormat.OPAQUE)));
    }

    @Test
    void waitsTheDelayBeforeEachChunk() {
        MockSynthesizer mock = new MockSynthesizer(new MockSettings(2, Duration.ofMillis(60)));
        long start = System.nanoTime();
        Recording recording = new Recording();
        mock.speak("x", "", new Cancellation(), recording);
        assertThat(recording.count(), is(2));
        assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis(), is(greaterThanOrEqualTo(120L)));
    }

    @Test
    void overridesReplaceCountAndDelayButNotWithZeroOrLess() {
        MockSynthesizer configured = new MockSynthesizer(new MockSettings(4, Duration.ZERO));
        assertThat(texts(configured.withOverrides(0, 0), "abc").size(), is(4));
        assertThat(texts(configured.withOverrides(-1, -5), "abc").size(), is(4));
        assertThat(texts(configured.withOverrides(2, 1), "abc"), contains("abc-0", "abc-1"));
    }

    @Test
    void stopsBeforeTheNextChunkWhenCancelledFromTheSink() {
        Cancellation cancellation = new Cancellation();
        Recording recording = new Recording();
        new MockSynthesizer(new MockSettings(50, Duration.ZERO)).speak("abc", "", cancellation, chunk -> {
            recording.accept(chunk);
            if (recording.count() == 2) {
                cancellation.cancel();
            }
        });
        assertThat(recording.count(), is(2));
    }

    @Test
    void cancellationEndsTheWaitAtOnce() throws Exception {
        MockSynthesizer slow = new MockSynthesizer(new MockSettings(5, Duration.ofSeconds(30)));
        Cancellation cancellation = new Cancellation();
        Recording recording = new Recording();
        long start = System.nanoTime();
        CompletableFuture<Void> speaking = CompletableFuture.runAsync(
                () -> slow.speak("abc", "", cancellation, recording));
        cancellation.cancel();
        speaking.get(5, TimeUnit.SECONDS);
        assertThat(recording.count(), is(0));
        assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis(), is(lessThan(5_000L)));
    }
}
