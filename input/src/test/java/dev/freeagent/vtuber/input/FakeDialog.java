package dev.freeagent.vtuber.input;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.freeagent.vtuber.proto.dialog.v1.ChatDone;
import dev.freeagent.vtuber.proto.dialog.v1.ChatEvent;
import dev.freeagent.vtuber.proto.dialog.v1.ChatRequest;
import dev.freeagent.vtuber.proto.dialog.v1.ChatStats;
import dev.freeagent.vtuber.proto.dialog.v1.DialogProto;
import dev.freeagent.vtuber.proto.dialog.v1.DialogServiceGrpc;
import dev.freeagent.vtuber.proto.dialog.v1.TextDelta;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.grpc.GrpcConfig;
import io.helidon.webserver.grpc.GrpcRouting;

/**
 * A real dialog gRPC server on loopback. What it does is chosen by the request's {@code meta.script}:
 * absent → "Hello" + " world" and a done event echoing the input; {@code "unavailable"} → UNAVAILABLE with
 * a sentence; {@code "stall"} → no answer until {@link #close()}; {@code "partials"} → a reply with ASR
 * partials. Every request is recorded by task id.
 */
final class FakeDialog extends DialogServiceGrpc.DialogServiceImplBase implements AutoCloseable {
    static final String UNAVAILABLE_SENTENCE = "The language model is not reachable right now.";

    private final Map<String, CompletableFuture<ChatRequest>> requests = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final WebServer server;

    FakeDialog() {
        server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .shutdownHook(false)
                // Helidon's gRPC server reads at most 2 MiB per message by default; dialog must accept whole uploads
                .addProtocol(GrpcConfig.builder().maxReadBufferSize(32 * 1024 * 1024).build())
                .addRouting(GrpcRouting.builder().service(DialogProto.getDescriptor(), this))
                .build()
                .start();
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    ChatRequest awaitRequest(String taskId) throws Exception {
        return recorded(taskId).get(5, TimeUnit.SECONDS);
    }

    @Override
    public void chat(ChatRequest request, StreamObserver<ChatEvent> events) {
        recorded(request.getTaskId()).complete(request);
        var script = request.getMeta().getFieldsMap().get("script");
        switch (script == null ? "" : script.getStringValue()) {
        case "unavailable" -> events.onError(Status.UNAVAILABLE.withDescription(UNAVAILABLE_SENTENCE).asRuntimeException());
        case "stall" -> stall(events);
        case "partials" -> reply(events, request, false, "I heard you.", "你好", "你好", "你好世界");
        case "spoken" -> reply(events, request, true, "Hello", " world");
        default -> reply(events, request, false, "Hello", " world");
        }
    }

    private void reply(StreamObserver<ChatEvent> events, ChatRequest request, boolean spoken, String first,
                       String second, String... partials) {
        events.onNext(delta(first));
        events.onNext(delta(second));
        String transcript = switch (request.getInputCase()) {
            case TEXT -> request.getText();
            case AUDIO -> "transcribed " + request.getAudio().getData().size() + " bytes";
            case IMAGE -> request.getImage().getPrompt();
            default -> "";
        };
        events.onNext(ChatEvent.newBuilder().setDone(ChatDone.newBuilder()
                .setReply(first + second)
                .setTranscript(transcript)
                .setPrompt(request.getInputCase() == ChatRequest.InputCase.IMAGE ? "Describe this image." : "")
                .addAllPartials(java.util.List.of(partials))
                .setSpoken(spoken)
                .setStats(ChatStats.newBuilder().setTtftMs(12.5).setTokens(2).setLatencyMs(20).setSource("scripted")))
                .build());
        events.onCompleted();
    }

    private void stall(StreamObserver<ChatEvent> events) {
        try {
            closing.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        events.onCompleted();
    }

    private static ChatEvent delta(String content) {
        return ChatEvent.newBuilder().setTextDelta(TextDelta.newBuilder().setContent(content)).build();
    }

    private CompletableFuture<ChatRequest> recorded(String taskId) {
        return requests.computeIfAbsent(taskId, id -> new CompletableFuture<>());
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop();
    }
}
