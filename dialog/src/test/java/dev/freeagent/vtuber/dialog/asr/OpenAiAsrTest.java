package dev.freeagent.vtuber.dialog.asr;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import dev.freeagent.vtuber.dialog.asr.AsrException.Kind;
import dev.freeagent.vtuber.dialog.asr.FakeTranscriptionServer.Upload;
import dev.freeagent.vtuber.dialog.asr.Transcript.Partial;
import dev.freeagent.vtuber.dialog.audio.PcmAudio;
import dev.freeagent.vtuber.dialog.audio.WavWriter;
import dev.freeagent.vtuber.dialog.turn.Cancellation;
import dev.freeagent.vtuber.dialog.turn.TurnCancelledException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class OpenAiAsrTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final FakeTranscriptionServer server = startServer();
    private final PcmAudio audio = noise(24_000);
    private OpenAiAsr asr;

    @AfterEach
    void close() {
        if (asr != null) {
            asr.close();
        }
        server.close();
    }

    private OpenAiAsr asr(String baseUrl, String key, Duration timeout) {
        asr = new OpenAiAsr("openai", new OpenAiAsrSettings(baseUrl, key, "whisper-1"), timeout);
        return asr;
    }

    @Test
    void uploadsTheRecordingAsAWavFormAndReadsTheText() throws InterruptedException {
        server.answer(200, "{\"text\":\"  你好，世界  \"}");
        Transcript transcript = asr(server.baseUrl() + "/", "sk-test", TIMEOUT)
                .transcribe(audio, "zh-CN", new Cancellation());

        Upload upload = server.nextUpload();
        assertThat(upload.request(), is("POST /v1/audio/transcriptions"));
        assertThat(upload.authorization(), is("Bearer sk-test"));
        assertThat(upload.contentLength(), is(notNullValue()));
        assertThat(upload.fields(), is(Map.of("model", "whisper-1", "language", "zh", "response_format", "json")));
        assertThat(upload.fileName(), is("speech.wav"));
        assertThat(upload.fileType(), is("audio/wav"));
        byte[] file = upload.file();
        assertThat(Arrays.copyOf(file, WavWriter.HEADER_BYTES), is(WavWriter.header(audio)));
        assertThat(ByteBuffer.wrap(file, 24, 4).order(ByteOrder.LITTLE_ENDIAN).getInt(), is(16_000));
        assertThat(Arrays.copyOfRange(file, WavWriter.HEADER_BYTES, file.length), is(audio.bytes()));

        assertThat(transcript.text(), is("你好，世界"));
        assertThat(transcript.partials(), contains(Partial.finalText("你好，世界")));
        assertThat(transcript.provider(), is(Optional.of("openai")));
        assertThat(transcript.durationSeconds(), is(OptionalDouble.of(1.5)));
    }

    @Test
    void withoutKeyOrLanguageNeitherIsSent() throws InterruptedException {
        asr(server.baseUrl(), "", TIMEOUT).transcribe(audio, "", new Cancellation());
        Upload upload = server.nextUpload();
        assertThat(upload.authorization(), is(nullValue()));
        assertThat(upload.fields(), is(Map.of("model", "whisper-1", "response_format", "json")));
    }

    @Test
    void anErrorStatusMeansTheRecogniserIsUnavailable() {
        server.answer(500, "{\"error\":{\"message\":\"model exploded\"}}");
        AsrException e = assertThrows(AsrException.class,
                () -> asr(server.baseUrl(), "", TIMEOUT).transcribe(audio, "en", new Cancellation()));
        assertThat(e.kind(), is(Kind.UNAVAILABLE));
        assertThat(e.getMessage(), is("The speech recogniser at " + authority(server.baseUrl())
                + " answered HTTP 500."));
    }

    @Test
    void anUnreachableServerIsUnavailable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            port = socket.getLocalPort();
        }
        AsrException e = assertThrows(AsrException.class, () -> asr("http://127.0.0.1:" + port + "/v1", "", TIMEOUT)
                .transcribe(audio, "en", new Cancellation()));
        assertThat(e.kind(), is(Kind.UNAVAILABLE));
        assertThat(e.getMessage(), is("The speech recogniser at 127.0.0.1:" + port + " could not be reached."));
    }

    @Test
    void anAnswerWithoutTextIsAFailure() {
        server.answer(200, "<html>not json</html>");
        AsrException e = assertThrows(AsrException.class,
                () -> asr(server.baseUrl(), "", TIMEOUT).transcribe(audio, "en", new Cancellation()));
        assertThat(e.kind(), is(Kind.FAILED));
        assertThat(e.getMessage(), containsString("without a transcript"));
    }

    @Test
    void aSilentServerTimesOut() {
        server.hold();
        OpenAiAsr slow = asr(server.baseUrl(), "", Duration.ofMillis(300));
        AsrException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(AsrException.class, () -> slow.transcribe(audio, "en", new Cancellation())));
        assertThat(e.kind(), is(Kind.TIMED_OUT));
        assertThat(e.getMessage(), containsString("took longer than 0.3 seconds"));
    }

    @Test
    void cancellationAbandonsTheRequest() throws InterruptedException {
        server.hold();
        OpenAiAsr held = asr(server.baseUrl(), "", TIMEOUT);
        Cancellation cancellation = new Cancellation();
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                held.transcribe(audio, "en", cancellation);
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        server.nextUpload();
        cancellation.cancel();
        Throwable thrown = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> outcome.join());
        assertThat(thrown instanceof TurnCancelledException, is(true));
    }

    private static FakeTranscriptionServer startServer() {
        try {
            return FakeTranscriptionServer.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PcmAudio noise(int frames) {
        byte[] bytes = new byte[frames * 2];
        new Random(3).nextBytes(bytes);
        return new PcmAudio(bytes, 16_000, 1);
    }

    private static String authority(String url) {
        return java.net.URI.create(url).getAuthority();
    }
}
