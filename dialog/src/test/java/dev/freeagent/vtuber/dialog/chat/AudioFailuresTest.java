package dev.freeagent.vtuber.dialog.chat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.ByteString;
import dev.freeagent.vtuber.common.grpc.GrpcChannels;
import dev.freeagent.vtuber.dialog.TestDialog;
import dev.freeagent.vtuber.dialog.asr.FakeTranscriptionServer;
import dev.freeagent.vtuber.dialog.audio.SpeechSamples;
import dev.freeagent.vtuber.dialog.chat.ChatHttp.SseEvent;
import dev.freeagent.vtuber.proto.dialog.v1.AudioInput;
import dev.freeagent.vtuber.proto.dialog.v1.ChatRequest;
import dev.freeagent.vtuber.proto.dialog.v1.DialogServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The rows of the contract's table that come from the recogniser, the model or the switch: voice input switched
 * off (503 before the body is read; gRPC FAILED_PRECONDITION; health says so), a recogniser that answers nonsense
 * (502 asr_failed), hears nothing (502 empty transcript) or is unavailable (503 with our sentence, never a silent
 * mock), and a reply that fails (502 chat_failed, or an {@code error} event once the stream started).
 */
class AudioFailuresTest {
    @TempDir
    static Path dir;
    private static FakeTranscriptionServer recogniser;
    private static TestDialog.Running off;
    private static TestDialog.Running remote;
    private static ChatHttp offHttp;
    private static ChatHttp remoteHttp;
    private static String audioBody;

    @BeforeAll
    static void start() throws IOException {
        recogniser = FakeTranscriptionServer.start();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        off = TestDialog.start(Files.createDirectories(dir.resolve("off")), Map.of("dialog.asr.enabled", "false"));
        remote = TestDialog.start(Files.createDirectories(dir.resolve("remote")), Map.of(
                "dialog.asr.provider", "openai", "dialog.asr.openai.base-url", recogniser.baseUrl(),
                "dialog.llm.base-url", "http://127.0.0.1:" + closedPort + "/v1", "dialog.llm.retry-limit", "0"));
        offHttp = new ChatHttp(off.service().url("http"));
        remoteHttp = new ChatHttp(remote.service().url("http"));
        String audio = Base64.getEncoder().encodeToString(Files.readAllBytes(
                SpeechSamples.silence(dir.resolve("one.webm"), 1, 16_000)));
        audioBody = "{\"sessionId\":\"s\",\"audio\":\"" + audio + "\",\"lang\":\"en\"}";
    }

    @AfterAll
    static void stop() {
        offHttp.close();
        remoteHttp.close();
        off.close();
        remote.close();
        recogniser.close();
    }

    private static void assertRefused(ChatHttp http, String path, String body, int status, String detail)
            throws Exception {
        HttpResponse<String> response = http.post(path, body);
        assertThat(path, response.statusCode(), is(status));
        assertThat(response.body(), is("{\"detail\":\"" + detail + "\"}"));
    }

    @Test
    void switchedOffVoiceInputIsRefusedFirstOnEveryEdge() throws Exception {
        assertRefused(offHttp, "/chat/audio", "{not json", 503, "audio input disabled");
        assertRefused(offHttp, "/chat/audio/stream", audioBody, 503, "audio input disabled");
        assertThat(offHttp.get("/health").body(), is("{\"status\":\"ok\",\"service\":\"dialog-engine\","
                + "\"version\":\"0.1.0\",\"async_ext\":false,\"tts_provider\":\"tone\",\"asr_enabled\":false,"
                + "\"asr_provider\":null,\"llm\":\"scripted\"}"));
        ManagedChannel channel = GrpcChannels.open(off.service().url("http"));
        try {
            ChatRequest request = ChatRequest.newBuilder().setTaskId("t").setAudio(AudioInput.newBuilder()
                    .setData(ByteString.copyFrom(new byte[]{1, 2, 3}))).build();
            StatusRuntimeException failure = assertThrows(StatusRuntimeException.class, () ->
                    DialogServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS).chat(request)
                            .forEachRemaining(event -> { }));
            assertThat(failure.getStatus().getCode(), is(Status.Code.FAILED_PRECONDITION));
            assertThat(failure.getStatus().getDescription(), is("audio input disabled"));
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void healthNamesTheRecogniserWhenVoiceInputIsOn() throws Exception {
        assertThat(remoteHttp.get("/health").body(), is("{\"status\":\"ok\",\"service\":\"dialog-engine\","
                + "\"version\":\"0.1.0\",\"async_ext\":false,\"tts_provider\":\"tone\",\"asr_enabled\":true,"
                + "\"asr_provider\":\"openai\",\"llm\":\"openai-compatible\"}"));
    }

    @Test
    void aRecogniserThatAnswersNonsenseFails() throws Exception {
        recogniser.answer(200, "<html>not json</html>");
        assertRefused(remoteHttp, "/chat/audio", audioBody, 502, "asr_failed");
        assertRefused(remoteHttp, "/chat/audio/stream", audioBody, 502, "asr_failed");
    }

    @Test
    void aRecogniserThatHearsNothingGivesAnEmptyTranscript() throws Exception {
        recogniser.answer(200, "{\"text\":\"   \"}");
        assertRefused(remoteHttp, "/chat/audio", audioBody, 502, "empty transcript");
    }

    @Test
    void anUnavailableRecogniserIsSaidInOurWords() throws Exception {
        recogniser.answer(500, "{\"error\":{\"message\":\"model exploded\"}}");
        String authority = URI.create(recogniser.baseUrl()).getAuthority();
        assertRefused(remoteHttp, "/chat/audio/stream", audioBody, 503,
                "The speech recogniser at " + authority + " answered HTTP 500.");
    }

    @Test
    void aFailingReplyIsChatFailedAndEndsAStartedStreamWithAnErrorEvent() throws Exception {
        recogniser.answer(200, "{\"text\":\"hello there\"}");
        assertRefused(remoteHttp, "/chat/audio", audioBody, 502, "chat_failed");
        HttpResponse<String> stream = remoteHttp.post("/chat/audio/stream", audioBody);
        assertThat(stream.statusCode(), is(200));
        List<SseEvent> events = ChatHttp.events(stream.body());
        assertThat(events.stream().map(SseEvent::name).toList(), contains("asr-final", "error"));
        assertThat(events.get(0).data(), is("{\"text\":\"hello there\"}"));
        assertThat(events.get(1).data(), is("{\"message\":\"chat_failed\"}"));
    }
}
