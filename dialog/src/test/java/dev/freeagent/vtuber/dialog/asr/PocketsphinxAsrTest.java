package dev.freeagent.vtuber.dialog.asr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.freeagent.vtuber.dialog.asr.AsrException.Kind;
import dev.freeagent.vtuber.dialog.asr.Transcript.Partial;
import dev.freeagent.vtuber.dialog.audio.AudioDecoder;
import dev.freeagent.vtuber.dialog.audio.PcmAudio;
import dev.freeagent.vtuber.dialog.audio.SpeechSamples;
import dev.freeagent.vtuber.dialog.turn.Cancellation;
import dev.freeagent.vtuber.dialog.turn.TurnCancelledException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class PocketsphinxAsrTest {
    private static final String MODEL = "/usr/share/pocketsphinx/model/en-us/";
    private static final PcmAudio SECOND = new PcmAudio(new byte[32_000], 16_000, 1);

    @TempDir
    Path dir;

    private PocketsphinxSettings settings(String binary, String hmm) {
        return new PocketsphinxSettings(binary, Path.of(hmm), Path.of(MODEL + "en-us.lm.bin"),
                Path.of(MODEL + "cmudict-en-us.dict"), Optional.of(workDir()));
    }

    private Path workDir() {
        Path work = dir.resolve("work");
        try {
            return Files.createDirectories(work);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private PocketsphinxAsr asr(String binary) {
        return new PocketsphinxAsr(settings(binary, MODEL + "en-us"), Duration.ofSeconds(60));
    }

    @Test
    void twoFliteSentencesRecordedAsWebmAreTranscribedExactly() throws IOException {
        Path wav = SpeechSamples.speak(dir, "two", "what is the weather like today", "hello world");
        Path webm = SpeechSamples.convert(wav, dir.resolve("two.webm"), "-c:a", "libopus");
        PcmAudio audio = new AudioDecoder(SpeechSamples.defaultDecoderSettings())
                .decode(Files.readAllBytes(webm), new Cancellation());

        Transcript transcript = asr("pocketsphinx_continuous").transcribe(audio, "en-US", new Cancellation());

        assertThat(transcript.text(), is("what is the weather like today hello world"));
        assertThat(transcript.partials(), contains(Partial.interim("what is the weather like today"),
                Partial.interim("hello world"), Partial.finalText("what is the weather like today hello world")));
        assertThat(transcript.provider(), is(Optional.of("pocketsphinx")));
        assertThat(transcript.durationSeconds().orElseThrow(), closeTo(audio.durationSeconds(), 1e-9));
        assertThat("the recording's private folder is gone", entries(workDir()), is(empty()));
    }

    @Test
    void otherLanguagesAreRefusedBecauseOfflineRecognitionIsEnglishOnly() {
        AsrException e = assertThrows(AsrException.class,
                () -> asr("pocketsphinx_continuous").transcribe(SECOND, "zh-CN", new Cancellation()));
        assertThat(e.kind(), is(Kind.UNSUPPORTED_LANGUAGE));
        assertThat(e.getMessage(), containsString("English only"));
        assertThat(e.getMessage(), containsString("zh-CN"));
    }

    @Test
    void aMissingProgramIsUnavailableAndLeavesNoFile() {
        AsrException e = assertThrows(AsrException.class,
                () -> asr("/nonexistent/pocketsphinx_continuous").transcribe(SECOND, "", new Cancellation()));
        assertThat(e.kind(), is(Kind.UNAVAILABLE));
        assertThat(e.getMessage(), containsString("pocketsphinx is not installed"));
        assertThat(entries(workDir()), is(empty()));
    }

    @Test
    void aMissingModelIsUnavailable() {
        PocketsphinxAsr asr = new PocketsphinxAsr(settings("pocketsphinx_continuous", "/nonexistent/en-us"),
                Duration.ofSeconds(60));
        AsrException e = assertThrows(AsrException.class, () -> asr.transcribe(SECOND, "en", new Cancellation()));
        assertThat(e.kind(), is(Kind.UNAVAILABLE));
        assertThat(e.getMessage(), containsString("model"));
    }

    @Test
    void aFailingProgramIsAFailure() {
        String failing = SpeechSamples.script(dir, "failing-pocketsphinx", "echo broken >&2; exit 3");
        AsrException e = assertThrows(AsrException.class,
                () -> asr(failing).transcribe(SECOND, "", new Cancellation()));
        assertThat(e.kind(), is(Kind.FAILED));
        assertThat(entries(workDir()), is(empty()));
    }

    @Test
    void aHangingProgramIsKilledAtTheDeadline() {
        String hanging = SpeechSamples.script(dir, "hanging-pocketsphinx", "exec sleep 60");
        PocketsphinxAsr asr = new PocketsphinxAsr(settings(hanging, MODEL + "en-us"), Duration.ofMillis(300));
        AsrException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(AsrException.class, () -> asr.transcribe(SECOND, "", new Cancellation())));
        assertThat(e.kind(), is(Kind.TIMED_OUT));
        assertThat(e.getMessage(), is("Offline speech recognition took longer than 0.3 seconds."));
        assertThat(entries(workDir()), is(empty()));
    }

    @Test
    void aCancelledTurnIsNotRecognised() {
        Cancellation cancelled = new Cancellation();
        cancelled.cancel();
        assertThrows(TurnCancelledException.class,
                () -> asr("pocketsphinx_continuous").transcribe(SECOND, "en", cancelled));
    }

    private static List<Path> entries(Path folder) {
        try (Stream<Path> list = Files.list(folder)) {
            return list.toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
