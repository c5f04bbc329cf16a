package dev.freeagent.vtuber.dialog.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.freeagent.vtuber.dialog.audio.AudioException.Kind;
import dev.freeagent.vtuber.dialog.turn.Cancellation;
import dev.freeagent.vtuber.dialog.turn.TurnCancelledException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class AudioDecoderTest {
    private static final Duration BOUND = Duration.ofSeconds(20);

    @TempDir
    static Path dir;
    private static Path speech;
    private static double speechSeconds;

    private final AudioDecoder decoder = new AudioDecoder(SpeechSamples.defaultDecoderSettings());

    @BeforeAll
    static void speak() {
        speech = SpeechSamples.speak(dir, "weather", "what is the weather like today");
        speechSeconds = SpeechSamples.wavSeconds(speech);
    }

    @TestFactory
    Stream<DynamicTest> everyRecorderFormatBecomes16KhzMonoOfTheSameLength() {
        return Stream.of(
                        format("WebM/Opus as MediaRecorder sends it", "webm", "-c:a", "libopus"),
                        format("OGG/Opus", "opus", "-c:a", "libopus", "-f", "ogg"),
                        format("OGG/Vorbis", "ogg", "-c:a", "libvorbis"),
                        format("MP3", "mp3", "-c:a", "libmp3lame"),
                        format("FLAC", "flac", "-c:a", "flac"),
                        format("WAV 44.1 kHz stereo", "wav", "-ar", "44100", "-ac", "2"))
                .map(f -> DynamicTest.dynamicTest(f.name(), () -> {
                    Path encoded = SpeechSamples.convert(speech, dir.resolve("speech." + f.extension()),
                            f.arguments());
                    PcmAudio pcm = decoder.decode(Files.readAllBytes(encoded), new Cancellation());
                    assertThat(pcm.sampleRate(), is(16_000));
                    assertThat(pcm.channels(), is(1));
                    assertThat(pcm.durationSeconds(), closeTo(speechSeconds, 0.2));
                    assertThat("it is speech, not silence", peak(pcm), greaterThan(3000));
                }));
    }

    @Test
    void canonicalWavKeepsItsSamplesExactly() throws IOException {
        byte[] samples = new byte[16_000 * 2];
        new Random(7).nextBytes(samples);
        PcmAudio original = new PcmAudio(samples, 16_000, 1);
        PcmAudio decoded = decoder.decode(wav(original), new Cancellation());
        assertThat(decoded.bytes(), is(samples));
        assertThat(decoded.durationSeconds(), is(1.0));
    }

    @Test
    void missingOrEmptyAudioIsRequired() throws IOException {
        assertThat(kindOf(() -> decoder.decode(new byte[0], new Cancellation())), is(Kind.AUDIO_REQUIRED));
        assertThat(kindOf(() -> decoder.decode(null, new Cancellation())), is(Kind.AUDIO_REQUIRED));
        AudioException noSound = assertThrows(AudioException.class,
                () -> decoder.decode(wav(new PcmAudio(new byte[0], 16_000, 1)), new Cancellation()));
        assertThat(noSound.kind(), is(Kind.AUDIO_REQUIRED));
        assertThat(noSound.getMessage(), is("The recording contains no audio."));
    }

    @Test
    void oneByteOverTheSizeLimitIsTooLarge() {
        AudioDecoder small = new AudioDecoder(SpeechSamples.decoderSettings("ffmpeg", 1000, 300, BOUND));
        AudioException over = assertThrows(AudioException.class,
                () -> small.decode(new byte[1001], new Cancellation()));
        assertThat(over.kind(), is(Kind.PAYLOAD_TOO_LARGE));
        assertThat(over.getMessage(), is("The recording is larger than the limit of 1000 bytes."));
        assertThat("exactly the limit is decoded (and is no audio)",
                kindOf(() -> small.decode(new byte[1000], new Cancellation())), is(Kind.UNSUPPORTED_AUDIO));
    }

    @Test
    void aDurationExactlyAtTheLimitPassesAndOneSampleMoreIsTooLong() throws IOException {
        AudioDecoder oneSecond = new AudioDecoder(SpeechSamples.decoderSettings("ffmpeg", 5_242_880, 1, BOUND));
        PcmAudio exact = oneSecond.decode(wav(new PcmAudio(new byte[32_000], 16_000, 1)), new Cancellation());
        assertThat(exact.durationSeconds(), is(1.0));
        AudioException over = assertThrows(AudioException.class,
                () -> oneSecond.decode(wav(new PcmAudio(new byte[32_002], 16_000, 1)), new Cancellation()));
        assertThat(over.kind(), is(Kind.AUDIO_TOO_LONG));
        assertThat(over.getMessage(), is("The recording is longer than the limit of 1 second."));
    }

    @Test
    void tenMinutesOfSilenceAreTooLongAndLeaveNoDecoderRunning() throws IOException {
        byte[] tenMinutes = Files.readAllBytes(SpeechSamples.silence(dir.resolve("long.flac"), 600, 8000));
        AudioDecoder twoSeconds = new AudioDecoder(SpeechSamples.decoderSettings("ffmpeg", 5_242_880, 2, BOUND));
        Set<Long> alive = leftAlive(() -> assertThat(kindOf(() -> twoSeconds.decode(tenMinutes, new Cancellation())),
                is(Kind.AUDIO_TOO_LONG)));
        assertThat(alive, is(empty()));
    }

    /** A decoder that never stops writing proves that reading stops at the limit and the decoder is killed. */
    @Test
    void aDecoderThatWritesForeverIsKilledAtTheLimit() {
        String endless = SpeechSamples.script(dir, "endless-ffmpeg", "exec cat /dev/zero");
        AudioDecoder decoder = new AudioDecoder(SpeechSamples.decoderSettings(endless, 5_242_880, 1, BOUND));
        Set<Long> alive = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> leftAlive(() -> assertThat(
                kindOf(() -> decoder.decode(new byte[100_000], new Cancellation())), is(Kind.AUDIO_TOO_LONG))));
        assertThat(alive, is(empty()));
    }

    @Test
    void garbageIsUnsupported() {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        AudioException e = assertThrows(AudioException.class, () -> decoder.decode(garbage, new Cancellation()));
        assertThat(e.kind(), is(Kind.UNSUPPORTED_AUDIO));
        assertThat(e.getMessage(), is("The recording is not in an audio format the server can read."));
    }

    @Test
    void aMissingDecoderIsUnavailable() {
        AudioDecoder missing = new AudioDecoder(SpeechSamples.decoderSettings("/nonexistent/bin/ffmpeg",
                5_242_880, 300, BOUND));
        AudioException e = assertThrows(AudioException.class, () -> missing.decode(new byte[10], new Cancellation()));
        assertThat(e.kind(), is(Kind.UNAVAILABLE));
        assertThat(e.getMessage(), containsString("ffmpeg"));
        assertThat(e.getMessage(), containsString("not installed"));
    }

    @Test
    void aDecoderThatHangsIsKilledAtTheDeadline() {
        String hanging = SpeechSamples.script(dir, "hanging-ffmpeg", "exec sleep 60");
        AudioDecoder decoder = new AudioDecoder(SpeechSamples.decoderSettings(hanging, 5_242_880, 300,
                Duration.ofMillis(300)));
        Set<Long> alive = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> leftAlive(() -> {
            AudioException e = assertThrows(AudioException.class,
                    () -> decoder.decode(new byte[10], new Cancellation()));
            assertThat(e.kind(), is(Kind.TIMED_OUT));
            assertThat(e.getMessage(), is("Decoding the recording took longer than 0.3 seconds."));
        }));
        assertThat(alive, is(empty()));
    }

    @Test
    void cancellationKillsTheDecoder() {
        String hanging = SpeechSamples.script(dir, "hanging-ffmpeg-2", "exec sleep 60");
        AudioDecoder decoder = new AudioDecoder(SpeechSamples.decoderSettings(hanging, 5_242_880, 300, BOUND));
        Cancellation cancellation = new Cancellation();
        CompletableFuture.runAsync(cancellation::cancel, CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));
        Set<Long> alive = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> leftAlive(
                () -> assertThrows(TurnCancelledException.class, () -> decoder.decode(new byte[10], cancellation))));
        assertThat(alive, is(empty()));
        assertThrows(TurnCancelledException.class, () -> decoder.decode(new byte[10], cancellation));
    }

    private static Format format(String name, String extension, String... arguments) {
        return new Format(name, extension, arguments);
    }

    private record Format(String name, String extension, String... arguments) {
    }

    private static Kind kindOf(Executable decoding) {
        return assertThrows(AudioException.class, decoding).kind();
    }

    private static byte[] wav(PcmAudio audio) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WavWriter.write(audio, out);
        return out.toByteArray();
    }

    private static int peak(PcmAudio audio) {
        byte[] b = audio.bytes();
        int peak = 0;
        for (int i = 0; i + 1 < b.length; i += 2) {
            peak = Math.max(peak, Math.abs((short) ((b[i] & 0xff) | (b[i + 1] << 8))));
        }
        return peak;
    }

    /** The child processes of this JVM that are alive now, by pid. */
    private static Set<Long> children() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    /** Runs a decoding that must fail and returns the children it left alive. */
    private static Set<Long> leftAlive(Runnable decoding) {
        Set<Long> before = children();
        decoding.run();
        Set<Long> after = children();
        after.removeAll(before);
        return after;
    }
}
