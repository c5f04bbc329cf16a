package dev.freeagent.vtuber.gateway;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.proto.dialog.v1.AsrStats;
import dev.freeagent.vtuber.proto.dialog.v1.ChatDone;
import dev.freeagent.vtuber.proto.dialog.v1.ChatEvent;
import dev.freeagent.vtuber.proto.dialog.v1.ChatRequest;
import dev.freeagent.vtuber.proto.dialog.v1.ChatStats;
import dev.freeagent.vtuber.proto.dialog.v1.DialogServiceGrpc;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * {@code POST /api/asr} against a small real DialogService gRPC server on loopback standing in for dialog: the
 * contract's request forms and errors, the folder rule for {@code path}, and the status mapping of dialog's
 * answers.
 */
class AsrRouteIT {
    @TempDir
    Path dir;
    private final AtomicReference<ChatRequest> received = new AtomicReference<>();
    private final AtomicReference<Status> answer = new AtomicReference<>();
    private Server dialog;
    private TestGateway gateway;

    @BeforeEach
    void start() throws Exception {
        dialog = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
                .addService(new DialogServiceGrpc.DialogServiceImplBase() {
                    @Override
                    public void chat(ChatRequest request, StreamObserver<ChatEvent> events) {
                        received.set(request);
                        if (answer.get() != null) {
                            events.onError(answer.get().asRuntimeException());
                            return;
                        }
                        events.onNext(ChatEvent.newBuilder().setDone(ChatDone.newBuilder()
                                .setTranscript("hello there")
                                .setReply("Hi!")
                                .addPartials("hello there")
                                .setAsr(AsrStats.newBuilder().setProvider("pocketsphinx").setLatencyMs(120.5)
                                        .setDurationSeconds(1.5))
                                .setStats(ChatStats.newBuilder().setTtftMs(20).setTokens(1).setLatencyMs(40.5)))
                                .build());
                        events.onCompleted();
                    }
                })
                .build().start();
        Files.createDirectories(dir.resolve("audio"));
        gateway = TestGateway.start(TestGateway.deadUrl(), TestGateway.deadUrl(), Map.of(
                "gateway.dialog-url", "http://127.0.0.1:" + dialog.getPort(),
                "gateway.asr.path-root", dir.resolve("audio").toString(),
                "gateway.asr.max-body-bytes", "4096"));
    }

    @AfterEach
    void stop() throws InterruptedException {
        gateway.close();
        dialog.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void base64AudioIsTranscribedAndAnsweredWithSortedKeys() throws Exception {
        String audio = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3});
        HttpResponse<String> response = post("{\"sessionId\":\"s-1\",\"audio\":\"" + audio + "\",\"options\":"
                + "{\"lang\":\"en\"},\"meta\":{\"userId\":\"u-9\",\"turn\":1}}");
        assertThat(response.statusCode(), is(200));
        assertThat(response.body(), is("{\"partials\":[\"hello there\"],\"reply\":\"Hi!\",\"sessionId\":\"s-1\","
                + "\"stats\":{\"asr\":{\"duration_seconds\":1.5,\"latency_ms\":120.5,\"provider\":\"pocketsphinx\"},"
                + "\"chat\":{\"latency_ms\":40.5,\"tokens\":1,\"ttft_ms\":20.0},\"total_latency_ms\":161.0},"
                + "\"transcript\":\"hello there\"}"));
        ChatRequest request = received.get();
        assertThat(request.getAudio().getData().toByteArray(), is(new byte[] {1, 2, 3}));
        assertThat(request.getAudio().getContentType(), is("audio/wav"));
        assertThat(request.getAudio().getLang(), is("en"));
        assertThat(request.getConversationId(), is("s-1"));
        assertThat(request.getUserId(), is("u-9"));
    }

    @Test
    void aPathInsideTheFolderIsReadWithTheSuffixsType() throws Exception {
        Path file = Files.write(dir.resolve("audio/clip.webm"), new byte[] {9, 8});
        HttpResponse<String> response = post("{\"path\":\"" + file + "\"}");
        assertThat(response.statusCode(), is(200));
        assertThat(received.get().getAudio().getData().toByteArray(), is(new byte[] {9, 8}));
        assertThat(received.get().getAudio().getContentType(), is("audio/webm"));
    }

    @Test
    void pathsOutsideTheFolderAreRefused() throws Exception {
        Files.write(dir.resolve("secret.wav"), new byte[] {7});
        assertError(post("{\"path\":\"" + dir.resolve("audio/../secret.wav") + "\"}"), 400, "path_not_allowed");
        assertError(post("{\"path\":\"/etc/passwd\"}"), 400, "path_not_allowed");
        assertError(post("{\"path\":\"audio/clip.wav\"}"), 400, "path_must_be_absolute");
        assertError(post("{\"path\":\"" + dir.resolve("audio/none.wav") + "\"}"), 404, "file_not_found");
        assertThat(received.get() == null, is(true));
    }

    @Test
    void badRequestsGetTheContractsErrors() throws Exception {
        assertError(post("{not json"), 400, "invalid_json");
        assertError(post("{\"sessionId\":\"s\"}"), 400, "audio_or_path_required");
        assertError(post("{\"audio\":\"***\"}"), 400, "invalid_audio_encoding");
        assertError(post("{\"audio\":\"" + "A".repeat(5000) + "\"}"), 413, "payload_too_large");
    }

    @Test
    void dialogsAnswersMapToHttpStatuses() throws Exception {
        String body = "{\"audio\":\"AQID\"}";
        answer.set(Status.RESOURCE_EXHAUSTED.withDescription("audio payload too large"));
        HttpResponse<String> tooLarge = post(body);
        assertError(tooLarge, 413, "dialog_engine_error");
        assertThat(Json.parse(tooLarge.body()).path("detail").asText(), is("audio payload too large"));
        answer.set(Status.INVALID_ARGUMENT.withDescription("unsupported audio"));
        assertError(post(body), 400, "dialog_engine_error");
        answer.set(Status.UNAVAILABLE.withDescription("Speech recognition is not available."));
        assertError(post(body), 503, "dialog_engine_error");
        answer.set(Status.INTERNAL.withDescription("empty transcript"));
        assertError(post(body), 502, "dialog_engine_error");
    }

    @Test
    void anUnreachableDialogIsABadGateway() throws Exception {
        dialog.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        assertError(post("{\"audio\":\"AQID\"}"), 502, "dialog_engine_unavailable");
    }

    private HttpResponse<String> post(String body) throws Exception {
        return gateway.send("POST", "/api/asr", body, "Content-Type", "application/json");
    }

    private static void assertError(HttpResponse<String> response, int status, String error) {
        assertThat(response.body(), response.statusCode(), is(status));
        JsonNode json = Json.parse(response.body());
        assertThat(json.path("error").asText(), is(error));
    }
}
