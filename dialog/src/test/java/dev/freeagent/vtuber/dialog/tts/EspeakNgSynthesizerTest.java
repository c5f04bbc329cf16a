package dev.freeagent.vtuber.dialog.tts;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.freeagent.vtuber.dialog.turn.Cancellation;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Runs the real espeak-ng (Debian package espeak-ng, installed by .ci/run).
 */
class EspeakNgSynthesizerTest {
    private static final String PARAGRAPH = ("The quick brown fox jumps over the lazy dog while the band plays on. ")
            .repeat(40);

    private final EspeakNgSynthesizer espeak = new EspeakNgSynthesizer(EspeakSettings.DEFAULTS, 4096);

    private Recording speak(String text, String lang) {
        Recording recording = new Recording();
        espeak.speak(text, lang, new Cancellation(), recording);
        return recording;
    }

    private static List<ProcessHandle> espeakChildren() {
        return ProcessHandle.current().children()
                .filter(p -> p.info().command().orElse("").endsWith("espeak-ng"))
                .toList();
    }

    @Test
    void speaksEnglishAsStreamedPcm() {
        Recording recording = speak("Hello, this is a test of the voice.", "en");
        assertThat(recording.seconds(), is(both(greaterThan(1.0)).and(lessThan(5.0))));
        assertThat(recording.rms(), is(greaterThan(0.02)));
        assertThat(recording.chunks().stream().map(PcmChunk::format).toList(), everyItem(is(PcmFormat.mono(22_050))));
        assertThat(recording.chunks().stream().map(c -> c.bytes().length).toList(), everyItem(lessThanOrEqualTo(4096)));
        assertThat(recording.chunks().stream().map(c -> c.bytes().length % 2).toList(), everyItem(is(0)));
    }

    @Test
    void speaksChineseThroughPinyin() {
        Recording recording = speak("你好，今天天气很好。", "zh");
        assertThat(recording.seconds(), is(both(greaterThan(1.0)).and(lessThan(6.0))));
        assertThat(recording.rms(), is(greaterThan(0.02)));
    }

    @Test
    void choosesMandarinForHanziOrAChineseHintWithoutLatinText() {
        assertThat(EspeakNgSynthesizer.mandarin("en", "我喜欢 Java"), is(true));
        assertThat(EspeakNgSynthesizer.mandarin("zh-CN", "2024！"), is(true));
        assertThat(EspeakNgSynthesizer.mandarin("zh", "OK, see you."), is(false));
        assertThat(EspeakNgSynthesizer.mandarin("", "Hello."), is(false));
    }

    @Test
    void takesTheTextOnStandardInputNeverAsOptions() {
        Recording recording = speak("--version -v nothing; rm -rf it", "en");
        assertThat(recording.seconds(), is(greaterThan(1.0)));
    }

    @Test
    void deliversTheFirstChunkWhileTheProcessStillRuns() {
        AtomicReference<Boolean> runningAtFirstChunk = new AtomicReference<>();
        Recording recording = new Recording();
        espeak.speak(PARAGRAPH, "en", new Cancellation(), chunk -> {
            if (runningAtFirstChunk.get() == null) {
                runningAtFirstChunk.set(espeakChildren().stream().anyMatch(ProcessHandle::isAlive));
            }
            recording.accept(chunk);
        });
        assertThat(runningAtFirstChunk.get(), is(true));
        assertThat(recording.seconds(), is(greaterThan(60.0)));
    }

    @Test
    void cancellationFromTheSinkStopsChunksAndKillsTheProcess() throws Exception {
        Cancellation cancellation = new Cancellation();
        Recording recording = new Recording();
        AtomicReference<ProcessHandle> process = new AtomicReference<>();
        espeak.speak(PARAGRAPH, "en", cancellation, chunk -> {
            recording.accept(chunk);
            if (recording.count() == 3) {
                process.set(espeakChildren().getFirst());
                cancellation.cancel();
            }
        });
        assertThat(recording.count(), is(3));
        process.get().onExit().get(5, TimeUnit.SECONDS);
        assertThat(process.get().isAlive(), is(false));
    }

    @Test
    void cancellationFromAnotherThreadStopsChunksAndKillsTheProcess() throws Exception {
        Cancellation cancellation = new Cancellation();
        Recording recording = new Recording();
        CountDownLatch secondChunk = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        AtomicReference<Optional<ProcessHandle>> process = new AtomicReference<>(Optional.empty());
        CompletableFuture<Void> speaking = CompletableFuture.runAsync(() -> espeak.speak(PARAGRAPH, "en",
                cancellation, chunk -> {
                    recording.accept(chunk);
                    if (recording.count() == 2) {
                        process.set(espeakChildren().stream().findFirst());
                        secondChunk.countDown();
                        awaitQuietly(cancelled);
                    }
                }));
        assertThat(secondChunk.await(10, TimeUnit.SECONDS), is(true));
        cancellation.cancel();
        cancelled.countDown();
        speaking.get(10, TimeUnit.SECONDS);
        assertThat(recording.count(), is(2));
        process.get().orElseThrow().onExit().get(5, TimeUnit.SECONDS);
    }

    @Test
    void stopsASentenceThatOutlivesTheTimeout() {
        EspeakNgSynthesizer impatient = new EspeakNgSynthesizer(new EspeakSettings("espeak-ng", "en-us",
                "cmn-latn-pinyin", 175, Duration.ofMillis(200)), 4096);
        CountDownLatch never = new CountDownLatch(1);
        TtsException failure = assertThrows(TtsException.class, () -> impatient.speak(PARAGRAPH, "en",
                new Cancellation(), chunk -> awaitQuietly(never, Duration.ofMillis(400))));
        assertThat(failure.getMessage(), is("espeak-ng took longer than 0.2 s to speak a sentence and was stopped."));
    }

    @Test
    void failsClearlyWhenTheProgramIsMissing() {
        EspeakNgSynthesizer missing = new EspeakNgSynthesizer(new EspeakSettings("/nonexistent/espeak-ng", "en-us",
                "cmn-latn-pinyin", 175, Duration.ofSeconds(5)), 4096);
        TtsException failure = assertThrows(TtsException.class,
                () -> missing.speak("Hello.", "en", new Cancellation(), new Recording()));
        assertThat(failure.getMessage(), containsString("espeak-ng could not be started from '/nonexistent/espeak-ng'"));
    }

    @Test
    void failsClearlyOnAnUnknownVoice() {
        EspeakNgSynthesizer wrongVoice = new EspeakNgSynthesizer(new EspeakSettings("espeak-ng", "xx-nothing",
                "cmn-latn-pinyin", 175, Duration.ofSeconds(5)), 4096);
        Recording recording = new Recording();
        TtsException failure = assertThrows(TtsException.class,
                () -> wrongVoice.speak("Hello.", "en", new Cancellation(), recording));
        assertThat(failure.getMessage(), is("espeak-ng failed to speak a sentence with voice 'xx-nothing' (exit code 1)."));
        assertThat(recording.count(), is(0));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        awaitQuietly(latch, Duration.ofSeconds(10));
    }

    private static void awaitQuietly(CountDownLatch latch, Duration limit) {
        try {
            latch.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
